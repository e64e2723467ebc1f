import type { paths } from '@/lib/api/schema.gen'

export type AuditPage = paths['/api/audit']['get']['responses'][200]['content']['application/json']
export type AuditEntry = AuditPage['items'][number]
export type AuditParams = NonNullable<paths['/api/audit']['get']['parameters']['query']>
