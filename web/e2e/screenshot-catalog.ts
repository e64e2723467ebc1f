import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * A realistic agent catalog for the screenshots (e2e/screenshots.spec.ts): agent files as people
 * write them for Claude Code, in every form the catalog reads, an `agent-registry.json` beside
 * them, and one file with broken front matter. The names match the example project's agents, so
 * its runs give them stats.
 */

/** The classic Claude Code form: a one-line description with `\n` escapes, `Context:` lines and examples, tools as a string. */
const CODE_REVIEWER = String.raw`---
name: code-reviewer
description: Use this agent right after writing or changing code, to review it for correctness, security and maintainability before it is committed. It reads the diff, runs the tests that cover it and reports findings by severity.\n\nExamples:\n<example>\nContext: The user has just fixed a rounding bug in the checkout totals.\nuser: "The discount fix is in, can you check it?"\nassistant: "I'll use the code-reviewer agent to review the change and the tests that cover it."\n<commentary>\nA change is ready to commit, so the reviewer looks at it first.\n</commentary>\n</example>\n\n<example>\nContext: A pull request touches the payment webhook handler.\nuser: "Review PR #482 before I merge it"\nassistant: "Let me launch the code-reviewer agent on PR #482."\n</example>
tools: Read, Grep, Glob, Bash
model: inherit
color: yellow
---
You are a senior engineer reviewing a colleague's change. Read the whole diff before commenting.

1. Correctness first: off-by-one errors, rounding, error handling, races.
2. Then security: input validation, secrets, authorisation checks.
3. Then readability and tests. Do not comment on formatting the linter already enforces.

Report findings as **blocking**, **should fix** or **nit**, each with the file and line.
`

/** YAML proper: a single-quoted description (its `\n` stay escapes), tools as a list, an extra field. */
const BACKEND_EXPERT = String.raw`---
name: backend-expert
description: 'Use this agent for **server-side work** — API design, database access, background jobs, authentication and the performance of the backend. It reads the existing code first and keeps to its conventions.\n\n<example>\nContext: The shop needs discount codes at checkout.\nuser: "We need an endpoint that applies a discount code to a cart"\nassistant: "I''ll use the backend-expert agent to design the endpoint, validate the code and cover it with tests."\n<commentary>\nA new endpoint with business rules is backend work.\n</commentary>\n</example>\n\n<example>\nContext: Checkout got slow after the last release.\nuser: "POST /orders takes three seconds under load"\nassistant: "Let me ask the backend-expert agent to profile the query path and remove the N+1 queries."\n</example>'
tools:
  - Read
  - Write
  - Edit
  - MultiEdit
  - Bash
  - Grep
  - Glob
  - WebFetch
model: sonnet
color: green
maxTurns: 40
---
You are a senior backend engineer working on a TypeScript and PostgreSQL service.

- Read the surrounding code and follow its patterns before adding new ones.
- Every endpoint validates its input and returns the service's error shape.
- Money is integer cents; never use floating point for amounts.
- Write or update tests with every change, and run them before you report back.

When you finish, summarise what changed, which files, and how you tested it.
`

const FRONTEND_EXPERT = `---
name: frontend-expert
description: Builds and fixes React user interfaces - pages, forms, accessibility and responsive layout. Use it for anything the shopper sees in the browser.
tools: Read, Write, Edit, MultiEdit, Bash, Glob, Grep
model: sonnet
color: blue
---
You are a frontend engineer. Use the design system's components; keep every control keyboard reachable and labelled.
Check your work at 390 px and 1280 px wide, in light and dark themes.
`

const DATABASE_ARCHITECT = `---
name: database-architect
description: Designs schemas, migrations and indexes for PostgreSQL, and reviews queries for correctness and speed. Use it before any change to the data model.
tools: Read, Grep, Glob, Bash
model: opus
color: purple
---
You are a database architect. Every migration must be reversible and safe to run on a live table.
Explain the locks a migration takes and how long it will hold them.
`

const SECURITY_SPECIALIST = `---
name: security-specialist
description: Reviews code and configuration for vulnerabilities (OWASP Top 10, authorisation gaps, secrets in the repository, PCI DSS scope) and proposes concrete fixes.
tools:
  - Read
  - Grep
  - Glob
  - WebSearch
model: opus
color: red
---
You are an application security engineer. Assume every input is hostile.
Rank findings by exploitability and impact, and show the request that proves each one.
`

/** Long MCP tool names, as agents that drive a browser have. */
const QA_TEST_ENGINEER = `---
name: qa-test-engineer
description: Writes and runs end-to-end tests with Playwright, reproduces bugs from reports, and keeps the test suite fast and reliable.
tools: Read, Write, Edit, Bash, Glob, Grep, mcp__playwright__browser_navigate, mcp__playwright__browser_snapshot, mcp__playwright__browser_click
model: haiku
color: orange
---
You are a QA engineer. Reproduce the bug before fixing the test; never retry a flaky test to make it pass.
`

/** Someone's half-finished edit: the tools list is never closed, so its front matter is not YAML. */
const DEVOPS_SRE_EXPERT = `---
name: devops-sre-expert
description: Owns CI pipelines, container images, Kubernetes manifests and rollout plans.
tools: [Bash, Read, Edit, Grep
model: sonnet
color: cyan
---
You are an SRE. Every rollout has a way back.
`

/** The orchestrator's registry (see shared/reference/legacy-orchestrator.md): categories, expertise, who works with whom. */
const REGISTRY = {
  agents: [
    {
      name: 'backend-expert',
      category: 'engineering',
      expertise: ['api design', 'postgresql', 'payments', 'background jobs', 'performance'],
      collaborates_with: ['frontend-expert', 'database-architect', 'security-specialist', 'qa-test-engineer'],
    },
    {
      name: 'frontend-expert',
      category: 'engineering',
      expertise: ['react', 'accessibility', 'design systems', 'css'],
      collaborates_with: ['backend-expert', 'qa-test-engineer'],
    },
    {
      name: 'database-architect',
      category: 'infrastructure',
      expertise: ['schema design', 'migrations', 'query tuning'],
      collaborates_with: ['backend-expert'],
    },
    {
      name: 'security-specialist',
      category: 'security',
      expertise: ['owasp top 10', 'threat modelling', 'pci dss'],
      collaborates_with: ['backend-expert', 'devops-sre-expert'],
    },
    {
      name: 'qa-test-engineer',
      category: 'quality',
      expertise: ['playwright', 'end-to-end testing', 'test plans'],
      collaborates_with: ['frontend-expert', 'backend-expert'],
    },
    { name: 'code-reviewer', category: 'quality', expertise: ['code review', 'refactoring'], collaborates_with: ['backend-expert'] },
    { name: 'devops-sre-expert', category: 'infrastructure', expertise: ['kubernetes', 'ci/cd', 'observability'] },
    { name: 'business-analyst', category: 'strategy', expertise: ['requirements', 'user research'], collaborates_with: ['frontend-expert'] },
  ],
  collaboration_patterns: {
    product_development: ['business-analyst', 'backend-expert', 'frontend-expert', 'qa-test-engineer'],
  },
}

/** Writes the catalog into `<claude-dir>/agents`, replacing earlier copies. */
export async function writeAgentCatalog(claudeDir: string) {
  const dir = path.join(claudeDir, 'agents')
  await mkdir(dir, { recursive: true })
  const files: Record<string, string> = {
    'code-reviewer.md': CODE_REVIEWER,
    'backend-expert.md': BACKEND_EXPERT,
    'frontend-expert.md': FRONTEND_EXPERT,
    'database-architect.md': DATABASE_ARCHITECT,
    'security-specialist.md': SECURITY_SPECIALIST,
    'qa-test-engineer.md': QA_TEST_ENGINEER,
    'devops-sre-expert.md': DEVOPS_SRE_EXPERT,
    'agent-registry.json': `${JSON.stringify(REGISTRY, null, 2)}\n`,
  }
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, name), text)))
}
