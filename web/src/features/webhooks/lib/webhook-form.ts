import { mapFromRows, rowsFromMap, type SecretRow } from '@/lib/secret-map'

import type { Webhook, WebhookBody } from '../api/types'
import { isAllEvents } from './events'

export type WebhookForm = {
  name: string
  url: string
  allEvents: boolean
  events: string[]
  headers: SecretRow[]
  /** '' = global (every project). */
  projectId: string
  active: boolean
}

export function emptyWebhookForm(): WebhookForm {
  return { name: '', url: '', allEvents: true, events: [], headers: [], projectId: '', active: true }
}

export function formFromWebhook(webhook: Webhook): WebhookForm {
  const all = isAllEvents(webhook.events)
  return {
    name: webhook.name,
    url: webhook.url,
    allEvents: all,
    events: all ? [] : [...webhook.events],
    headers: rowsFromMap(webhook.headers),
    projectId: webhook.project_id ?? '',
    active: webhook.active,
  }
}

export type WebhookFormErrors = Partial<Record<'url' | 'name' | 'events', string>> & { rows?: Record<string, string> }

/** The body to send (create and update take the same one), or what to fix. */
export function bodyFromWebhookForm(form: WebhookForm): { ok: true; body: WebhookBody } | { ok: false; errors: WebhookFormErrors } {
  const errors: WebhookFormErrors = {}
  const url = form.url.trim()
  if (!/^https?:\/\/[^\s/]+/.test(url)) errors.url = 'Enter an http:// or https:// URL.'
  const name = form.name.trim()
  if (name.length > 100) errors.name = 'At most 100 characters.'
  if (!form.allEvents && form.events.length === 0) errors.events = 'Choose at least one event, or all events.'
  const headers = mapFromRows(form.headers)
  if (!headers.ok) errors.rows = headers.errors
  if (Object.keys(errors).length > 0 || !headers.ok) return { ok: false, errors }
  const body: WebhookBody = {
    url,
    events: form.allEvents ? [] : form.events,
    headers: headers.value,
    active: form.active,
    project_id: form.projectId || null,
  }
  if (name) body.name = name
  return { ok: true, body }
}
