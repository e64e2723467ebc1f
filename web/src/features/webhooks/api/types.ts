// Hand-written from the issue 8 contract until `schema.gen.ts` has these paths.

export type HeaderValue = string | { secret: string }

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dead'

export type Webhook = {
  id: string
  name: string
  url: string
  /** Filters such as "execution:failed" or "execution:*"; empty = every event. */
  events: string[]
  headers: Record<string, HeaderValue>
  active: boolean
  project_id: string | null
  secret_set: boolean
  created_at: string
  updated_at: string
  last_delivery?: { status: DeliveryStatus; at: string; status_code?: number | null } | null
}

export type WebhookList = { webhooks: Webhook[] } | Webhook[]

export type WebhookBody = {
  name?: string
  url: string
  events?: string[]
  headers?: Record<string, HeaderValue>
  active?: boolean
  project_id?: string | null
  secret?: string
}

/** The 201 of a create: the only time the signing secret is shown. */
export type CreatedWebhook = Webhook & { secret: string }

export type DeliveryAttempt = {
  at: string
  status_code?: number | null
  duration_ms: number
  error?: string | null
  response_excerpt?: string | null
}

export type Delivery = {
  id: string
  event: string
  status: DeliveryStatus
  attempts: number
  next_attempt_at?: string | null
  created_at: string
  last_status_code?: number | null
  last_error?: string | null
  payload?: unknown
  attempts_log: DeliveryAttempt[]
}

export type DeliveryPage = { deliveries: Delivery[]; next_cursor: string | null }

export type ProjectOption = { id: string; name: string }
