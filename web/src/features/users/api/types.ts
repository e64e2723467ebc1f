import type { paths } from '@/lib/api/schema.gen'

export type User = paths['/api/users']['get']['responses'][200]['content']['application/json'][number]
export type CreateUserBody = paths['/api/users']['post']['requestBody']['content']['application/json']
export type UpdateUserBody = paths['/api/users/{id}']['put']['requestBody']['content']['application/json']
