import { randomUUID } from 'node:crypto'

import { expect, type APIRequestContext } from '@playwright/test'

/**
 * What the integrations report, for the screenshots (e2e/screenshots.spec.ts): Claude Code
 * sessions as its hooks post them, and an orchestrator.sh run as its notify webhook posts it.
 * `request` carries an ingest token.
 */

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Posts a session's hook events; `tool` posts PreToolUse, waits `ms` (the call's duration) and posts how it ended. */
function claudeSession(request: APIRequestContext, cwd: string) {
  const session = {
    session_id: randomUUID(),
    transcript_path: `/home/dev/.claude/projects/${cwd.replaceAll('/', '-')}/${randomUUID()}.jsonl`,
    cwd,
    permission_mode: 'default',
  }
  let calls = 0
  const post = async (hook_event_name: string, fields: Record<string, unknown> = {}) => {
    const response = await request.post('/api/hooks/claude', { data: { ...session, hook_event_name, ...fields } })
    expect(response.status(), `${hook_event_name}: ${await response.text()}`).toBe(204)
  }
  const tool = async (
    tool_name: string,
    tool_input: Record<string, unknown>,
    ms: number,
    outcome: { response: unknown } | { error: string },
    subagent: Record<string, string> = {},
  ) => {
    const tool_use_id = `toolu_01${(++calls).toString().padStart(2, '0')}${randomUUID().replaceAll('-', '').slice(0, 18)}`
    await post('PreToolUse', { ...subagent, tool_name, tool_use_id, tool_input })
    await pause(ms)
    if ('error' in outcome) await post('PostToolUseFailure', { ...subagent, tool_name, tool_use_id, tool_input, error: outcome.error })
    else await post('PostToolUse', { ...subagent, tool_name, tool_use_id, tool_input, tool_response: outcome.response })
  }
  return { post, tool }
}

const SHOP = '/home/dev/code/shop/checkout'

/**
 * A finished session: a bug report, a search, a fix, a failing test run, a permission prompt, a
 * passing run, then a code-reviewer and a qa-test-engineer subagent. Takes about ten seconds.
 */
export async function reportFixSession(request: APIRequestContext) {
  const { post, tool } = claudeSession(request, SHOP)
  await post('SessionStart', { source: 'startup', model: 'claude-sonnet-4-5' })
  await post('UserPromptSubmit', {
    prompt:
      'Shoppers with a discount code are charged one cent more than the cart shows when VAT applies. Find the cause, fix it, add a regression test and have the change reviewed.',
  })
  await tool('Grep', { pattern: 'roundToCents', path: 'src/pricing', output_mode: 'content', '-n': true }, 180, {
    response: 'src/pricing/totals.ts:41:  const net = roundToCents(subtotal * (1 - discount.rate))\nsrc/pricing/totals.ts:42:  const vat = roundToCents(net * vatRate)',
  })
  await tool('Read', { file_path: `${SHOP}/src/pricing/totals.ts` }, 90, {
    response: 'export function cartTotal(cart: Cart, discount: Discount | null, vatRate: number): Cents {\n  const subtotal = sumLines(cart.lines)\n  …',
  })
  await tool(
    'Edit',
    {
      file_path: `${SHOP}/src/pricing/totals.ts`,
      old_string: 'const vat = roundToCents(net * vatRate)',
      new_string: 'const vat = Math.round(net * vatRate)',
    },
    140,
    { response: `The file ${SHOP}/src/pricing/totals.ts has been updated.` },
  )
  await post('Notification', { message: 'Claude needs your permission to use Bash', notification_type: 'permission_prompt' })
  await pause(900)
  await tool('Bash', { command: 'npm test -- src/pricing', description: 'Run the pricing tests' }, 2300, {
    error:
      'Exit code 1\nFAIL src/pricing/totals.test.ts\n  ● cartTotal › applies the discount before VAT\n    Expected: 1799\n    Received: 1800',
  })
  await tool(
    'Edit',
    { file_path: `${SHOP}/src/pricing/totals.ts`, old_string: 'roundToCents(subtotal * (1 - discount.rate))', new_string: 'subtotal - discountCents(subtotal, discount)' },
    120,
    { response: `The file ${SHOP}/src/pricing/totals.ts has been updated.` },
  )
  await tool('Bash', { command: 'npm test -- src/pricing', description: 'Run the pricing tests' }, 1700, {
    response: { stdout: 'PASS src/pricing/totals.test.ts\nTests:       48 passed, 48 total\nTime:        1.42 s', stderr: '', interrupted: false },
  })

  const reviewer = { agent_id: 'a7f3c9e2b1d44e0f8a65', agent_type: 'code-reviewer' }
  await post('SubagentStart', reviewer)
  await tool('Bash', { command: 'git diff --stat', description: 'Show the change' }, 110, {
    response: { stdout: ' src/pricing/totals.ts      | 6 +++---\n src/pricing/totals.test.ts | 18 ++++++++++++++++++\n 2 files changed, 21 insertions(+), 3 deletions(-)', stderr: '' },
  }, reviewer)
  await tool('Read', { file_path: `${SHOP}/src/pricing/totals.test.ts` }, 80, { response: 'describe("cartTotal", () => { …' }, reviewer)
  await pause(1200)
  await post('SubagentStop', {
    ...reviewer,
    stop_hook_active: false,
    last_assistant_message: 'Approved. The discount is now taken in whole cents before VAT, and the regression test covers it. Nit: name the 1799 in the test.',
  })

  const qa = { agent_id: 'c51d08e9f2a3b7c4d6e1', agent_type: 'qa-test-engineer' }
  await post('SubagentStart', qa)
  await tool('Bash', { command: 'npx playwright test e2e/checkout.spec.ts', description: 'Run the checkout end-to-end tests' }, 2100, {
    response: { stdout: 'Running 9 tests using 3 workers\n  9 passed (14.2s)', stderr: '' },
  }, qa)
  await post('SubagentStop', { ...qa, stop_hook_active: false, last_assistant_message: 'All 9 checkout tests pass, including the discount + VAT case.' })
  await post('Stop', { stop_hook_active: false })
}

/** A session still at work: a security-specialist subagent is in the middle of an audit. */
export async function reportRunningSession(request: APIRequestContext) {
  const { post, tool } = claudeSession(request, '/home/dev/code/payments')
  await post('SessionStart', { source: 'startup', model: 'claude-opus-4-1' })
  await post('UserPromptSubmit', { prompt: 'Audit the refund endpoints for authorisation gaps before the PCI review on Friday.' })
  const auditor = { agent_id: 'e90b4f2c7a1d3e5b6c8f', agent_type: 'security-specialist' }
  await post('SubagentStart', auditor)
  await tool('Grep', { pattern: 'router\\.(post|put)\\(.*/refunds', path: 'src' }, 150, {
    response: 'src/routes/refunds.ts:12\nsrc/routes/refunds.ts:58',
  }, auditor)
}

/**
 * An orchestrator.sh run of the data pipeline project, reported with the times it happened
 * (from half an hour ago to now, for realistic durations): three agents, the last one failed.
 */
export async function reportOrchestratorRun(request: APIRequestContext) {
  const executionId = `exec-${Date.now()}`
  const start = Date.now() - 28.1 * 60_000
  const send = async (minutes: number, event: string, data: Record<string, unknown>) => {
    const timestamp = new Date(start + minutes * 60_000).toISOString()
    const response = await request.post('/api/webhooks/notify', { data: { event, executionId, projectId: 'Data pipeline', data, timestamp } })
    expect(response.status(), `${event}: ${await response.text()}`).toBe(204)
  }
  await send(0, 'execution:started', { plan: { name: 'nightly-reports-v2' } })
  await send(0.1, 'agent:started', { agentName: 'database-architect', taskId: 'DB-20250114-0001', input: 'Design the warehouse tables for the new daily revenue report' })
  await send(2.5, 'agent:log', { agentName: 'database-architect', message: '🔍 Reading 42 migrations in db/migrations' })
  await send(6.2, 'agent:completed', { agentName: 'database-architect', taskId: 'DB-20250114-0001', status: 'completed', output: 'Two tables and a materialised view; migration 0043 is reversible.' })
  await send(6.3, 'execution:progress', { progress: 33, currentAgent: 'backend-expert' })
  await send(6.4, 'agent:started', { agentName: 'backend-expert', taskId: 'BE-20250114-0002', input: 'Move the revenue job onto the new tables' })
  await send(19.1, 'agent:completed', { agentName: 'backend-expert', taskId: 'BE-20250114-0002', status: 'completed', output: 'The nightly job reads from daily_revenue; run time down from 11 to 3 minutes.' })
  await send(19.2, 'execution:progress', { progress: 67, currentAgent: 'qa-test-engineer' })
  await send(19.3, 'agent:started', { agentName: 'qa-test-engineer', taskId: 'QA-20250114-0003', input: 'Compare a week of reports before and after the change' })
  await send(27.8, 'agent:log', { agentName: 'qa-test-engineer', level: 'error', message: '❌ 3 of 118 report snapshots differ (refunds on the day of a currency change)' })
  await send(28, 'agent:completed', { agentName: 'qa-test-engineer', taskId: 'QA-20250114-0003', status: 'failed', output: '3 of 118 report snapshots differ' })
  await send(28.1, 'execution:completed', { status: 'failed', summary: 'qa-test-engineer failed: 3 of 118 report snapshots differ' })
}
