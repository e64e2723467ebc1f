import type { paths } from '@/lib/api/schema.gen'

// Derived from the operations rather than schema names, so they survive renames in the generated document.
export type Project = paths['/api/projects/{id}']['get']['responses'][200]['content']['application/json']
export type ProjectStatus = Project['status']
export type ProjectPage = paths['/api/projects']['get']['responses'][200]['content']['application/json']
export type ProjectsParams = NonNullable<paths['/api/projects']['get']['parameters']['query']>
export type CreateProjectBody = paths['/api/projects']['post']['requestBody']['content']['application/json']
export type UpdateProjectBody = paths['/api/projects/{id}']['put']['requestBody']['content']['application/json']
