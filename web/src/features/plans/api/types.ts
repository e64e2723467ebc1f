import type { components } from '@/lib/api/schema.gen'

// Derived from the generated document, never written twice.
type Schemas = components['schemas']

export type PlanRecord = Schemas['PlanRecord']
export type PlanList = Schemas['PlanList']
export type PlanInput = Schemas['PlanInput']
