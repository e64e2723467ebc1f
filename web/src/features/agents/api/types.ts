import type { components } from '@/lib/api/schema.gen'

/*
 * The agent catalog endpoints of issue 6 (/work/notes/contract-6.md), written by hand because the
 * generated document does not have them yet. Names are the ones the server's schemas will carry:
 * once `npm run gen:api` brings them in, replace each type below by `Schemas['<Name>']`, delete
 * `AgentPaths` and call `api` instead of `agentsApi` (api/client.ts).
 */

type Schemas = components['schemas']

// Already generated.
export type AgentConfig = Schemas['AgentConfig']
export type AgentConfigView = Schemas['AgentConfigView']
export type MetricsBucket = Schemas['Bucket']
export type MetricsRange = Schemas['Range']
export type TaskStatus = Schemas['TaskStatus']
export type ExecutionKind = 'plan' | 'agent' | 'session' | 'orchestrator'
export type ErrorBody = Schemas['ErrorBody']

export type AgentScope = 'user' | 'project' | 'extra'
export type AgentOrigin = 'file' | 'registry' | 'configured' | 'seen'
export type AgentState = 'idle' | 'running'

/** A `.md` file that defines an agent. */
export type AgentDefinition = {
  /** Absolute path of the file. */
  path: string
  /** `~/.claude/agents`, `<project>/.claude/agents`, or a `--agents-dir`. */
  scope: AgentScope
  /** For scope `project`. */
  project_id: string | null
}

export type RunningTask = {
  execution_id: string
  execution_name: string
  project_id: string | null
  task_id: string
  started_at: string | null
}

/** Over the last 30 days, counting task attempts of this agent. */
export type AgentStats = {
  tasks: number
  completed: number
  /** Failed and timed out. */
  failed: number
  /** completed / (completed + failed), 0–1; null when none ended. */
  success_rate: number | null
  median_duration_ms: number | null
  cost_usd: number
}

export type Agent = {
  name: string
  /** Front matter `description`; may contain `<example>…</example>` blocks. */
  description: string | null
  /** `haiku`, `sonnet`, `opus`, `inherit` or a full model id. */
  model: string | null
  /** As written in the file: a colour name or `#rrggbb`; null → the name's colour. */
  color: string | null
  /** Null: all tools. */
  tools: string[] | null
  /** From agent-registry.json. */
  category: string | null
  expertise: string[]
  collaborates_with: string[]
  /** Where Baton knows the agent from. */
  origins: AgentOrigin[]
  /** The file that defines it (project beats user beats extra). */
  definition: AgentDefinition | null
  /** The definition file could not be parsed: the reason, with line and column. */
  error: string | null
  status: AgentState
  running: RunningTask[]
  /** RFC 3339. */
  last_seen: string | null
  stats: AgentStats
}

export type AgentList = {
  /** Running first, then by name. */
  items: Agent[]
  /** Every category of the catalog, whatever the filters. */
  categories: string[]
}

export type AgentsParams = {
  q?: string
  category?: string
  status?: AgentState
  project_id?: string
}

/** One of the 20 newest task attempts of an agent. */
export type RecentTask = {
  execution_id: string
  execution_name: string
  execution_kind: ExecutionKind
  project_id: string | null
  project_name: string | null
  task_id: string
  attempt: number
  status: TaskStatus
  started_at: string | null
  completed_at: string | null
  duration_ms: number | null
  cost_usd: number
  input_tokens: number
  output_tokens: number
}

export type AgentDetail = Agent & {
  /** The Markdown body of the file: the agent's system prompt. */
  prompt: string | null
  /** Other front-matter fields (maxTurns, mcpServers, hooks, …). */
  extra: Record<string, unknown>
  /** Other files with the same name that lost. */
  shadowed: AgentDefinition[]
  /** What GET /api/agents/{name}/config returns (the default scope). */
  config: AgentConfigView
  recent: RecentTask[]
}

export type AgentMetricsTotals = {
  tasks: number
  completed: number
  failed: number
  success_rate: number | null
  p50_ms: number | null
  p90_ms: number | null
  p99_ms: number | null
  input_tokens: number
  output_tokens: number
  cost_usd: number
}

export type AgentMetrics = {
  agent: string
  range: MetricsRange
  bucket_seconds: number
  totals: AgentMetricsTotals
  /** This agent's task attempts, per bucket. */
  buckets: MetricsBucket[]
}

/** The JSON Schema (a draft 2020-12 subset) of AgentConfig. */
export type AgentConfigSchema = Record<string, unknown>

/** A project as the pages need it (a scope to pick, a name to show). */
export type ProjectOption = { id: string; name: string }

/** The payload of `agent:status` without its envelope. */
export type AgentStatusUpdate = {
  agent: string
  status: AgentState
  running: RunningTask[]
  last_seen: string | null
}

// The endpoints, in openapi-typescript's shape so openapi-fetch types the calls.
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } }
type Errors = { 404: Json<ErrorBody>; 422: Json<ErrorBody> }
type NameParam = { path: { name: string }; query?: never; header?: never; cookie?: never }
type NoParams = { query?: never; header?: never; path?: never; cookie?: never }
type Get<Params, T> = {
  parameters: NoParams
  get: { parameters: Params; requestBody?: never; responses: { 200: Json<T> } & Errors }
  put?: never
  post?: never
  delete?: never
  options?: never
  head?: never
  patch?: never
  trace?: never
}

export type AgentPaths = {
  '/api/agents': Get<{ query?: AgentsParams; header?: never; path?: never; cookie?: never }, AgentList>
  '/api/agents/{name}': Get<NameParam, AgentDetail>
  '/api/agents/{name}/metrics': Get<Omit<NameParam, 'query'> & { query?: { range?: MetricsRange } }, AgentMetrics>
  '/api/schemas/agent-config': Get<NoParams, AgentConfigSchema>
}
