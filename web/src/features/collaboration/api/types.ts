import type { paths } from '@/lib/api/schema.gen'

// Derived from the operation rather than schema names, so they survive renames in the generated document.
export type Collaboration = paths['/api/collaboration']['get']['responses'][200]['content']['application/json']
export type CollaborationParams = NonNullable<paths['/api/collaboration']['get']['parameters']['query']>
/** An agent with plan tasks in the range: how many, and in how many executions. */
export type CollaborationAgent = Collaboration['agents'][number]
/**
 * `from` hands work to `to`: `count` tasks of `to` depended on a task of `from`, in `executions`
 * executions created in the range. `from === to` is an agent handing work to itself.
 */
export type CollaborationEdge = Collaboration['edges'][number]

/** The windows this page offers (the server also takes `1h`, too short for a team's picture). */
export type CollaborationRange = Extract<NonNullable<CollaborationParams['range']>, '24h' | '7d' | '30d'>
