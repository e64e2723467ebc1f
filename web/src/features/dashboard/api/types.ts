import type { components } from '@/lib/api/schema.gen'
import type { ActivityItem as LiveActivityItem } from '@/lib/realtime'

// Derived from the generated document, never written twice.
type Schemas = components['schemas']

export type SystemHealth = Schemas['SystemHealth']
export type AgentStatus = Schemas['AgentStatus']
export type AgentStatusList = Schemas['AgentStatuses']
export type ActivityItem = Schemas['ActivityItem']
export type ActivityPage = Schemas['ActivityPage']
/** The kinds this app knows (the schema says `string`: a newer server may add some). */
export type ActivityKind = LiveActivityItem['kind']
