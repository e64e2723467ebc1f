import type { paths } from '@/lib/api/schema.gen'

export type ApiToken = paths['/api/tokens']['get']['responses'][200]['content']['application/json'][number]
export type CreateTokenBody = paths['/api/tokens']['post']['requestBody']['content']['application/json']
export type CreatedToken = paths['/api/tokens']['post']['responses'][201]['content']['application/json']
