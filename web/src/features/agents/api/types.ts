import type { components, paths } from '@/lib/api/schema.gen'

// Derived from the generated document, never written twice.
type Schemas = components['schemas']

export type Agent = Schemas['Agent']
export type AgentDetail = Schemas['AgentDetail']
export type AgentList = Schemas['AgentList']
export type AgentsParams = NonNullable<paths['/api/agents']['get']['parameters']['query']>
/** A registry file the server could not read at all (agent files that fail carry their own `error`). */
export type CatalogProblem = Schemas['CatalogProblem']
/** Over the last 30 days on a card; over the chosen range in the metrics' totals. */
export type AgentStats = Schemas['AgentStats']
export type AgentMetrics = Schemas['AgentMetrics']
export type AgentDefinition = Schemas['DefinitionSource']
export type AgentScope = Schemas['Scope']
export type RecentTask = Schemas['RecentTask']
export type RunningTask = Schemas['RunningTask']
/** The payload of `agent:status` without its envelope, and what GET /api/agents/{name}/status returns. */
export type AgentStatusUpdate = Schemas['AgentStatus']
export type AgentConfig = Schemas['AgentConfig']
export type AgentConfigView = Schemas['AgentConfigView']
export type MetricsRange = Schemas['Range']
export type TaskStatus = Schemas['TaskStatus']

/** The states this app filters by (the schema says `string`). */
export type AgentState = 'idle' | 'running'
/** Where Baton knows an agent from, as this app names them (the schema says `string`: a newer server may add some). */
export type AgentOrigin = 'file' | 'registry' | 'configured' | 'seen'

/** A project as the pages need it (a scope to pick, a name to show). */
export type ProjectOption = { id: string; name: string }
