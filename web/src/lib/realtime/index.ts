// The public face of the live connection: import from '@/lib/realtime'.
export type {
  ActivityItem,
  AgentStatus,
  Envelope,
  LiveExecutionSummary,
  LiveLogEntry,
  LiveProject,
  LiveTaskAttempt,
  NotificationItem,
  ServerEventName,
  ServerEvents,
  SystemHealth,
  Topic,
} from './events'
export { EXECUTION_LIFECYCLE_EVENTS, topicKey } from './events'
export type { RealtimeHub, RealtimeStatus, ResyncReason } from './hub'
export { useOnResync, useRealtimeHub, useRealtimeStatus, useSocketEvent, useSubscription } from './realtime-context'
export { RealtimeIndicator } from './realtime-indicator'
export { RealtimeProvider } from './realtime-provider'
export { useLiveLogs, type LiveLogs } from './use-live-logs'
