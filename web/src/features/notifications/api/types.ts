import type { components } from '@/lib/api/schema.gen'
import type { NotificationItem } from '@/lib/realtime'

// Derived from the generated document, never written twice.
export type Notification = components['schemas']['Notification']
export type NotificationPage = components['schemas']['NotificationPage']
/** The kinds this app knows (the schema says `string`: a newer server may add some). */
export type NotificationKind = NotificationItem['kind']
