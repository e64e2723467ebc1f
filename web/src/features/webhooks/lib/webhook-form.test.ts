import { describe, expect, it } from 'vitest'

import { SECRET_MASK } from '@/lib/secret-map'

import type { Webhook } from '../api/types'
import { eventChoices, eventsSummary, isAllEvents } from './events'
import { bodyFromWebhookForm, emptyWebhookForm, formFromWebhook } from './webhook-form'

const webhook: Webhook = {
  id: 'w1',
  name: 'ops',
  url: 'https://hooks.example.com/baton',
  events: ['execution:failed', 'deploy:*'],
  headers: { 'X-Team': 'core', Authorization: { secret: SECRET_MASK } },
  active: false,
  project_id: 'p1',
  secret_set: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
}

describe('webhook form', () => {
  it('round-trips a stored webhook, keeping its masked header', () => {
    expect(bodyFromWebhookForm(formFromWebhook(webhook))).toEqual({
      ok: true,
      body: {
        name: 'ops',
        url: 'https://hooks.example.com/baton',
        events: ['execution:failed', 'deploy:*'],
        headers: { 'X-Team': 'core', Authorization: { secret: SECRET_MASK } },
        active: false,
        project_id: 'p1',
      },
    })
  })

  it('sends "all events" as an empty filter, leaves out an empty name and sends new secrets', () => {
    const form = { ...emptyWebhookForm(), url: ' http://127.0.0.1:9000/hook ', events: ['execution:failed'] }
    form.headers = [{ id: 'h', name: 'Authorization', value: 'Bearer x', secret: true, kept: false }]
    expect(bodyFromWebhookForm(form)).toEqual({
      ok: true,
      body: { url: 'http://127.0.0.1:9000/hook', events: [], headers: { Authorization: { secret: 'Bearer x' } }, active: true, project_id: null },
    })
  })

  it('asks for a URL and for events when "all events" is off', () => {
    const result = bodyFromWebhookForm({ ...emptyWebhookForm(), url: 'hooks.example.com', allEvents: false })
    expect(result).toEqual({ ok: false, errors: { url: expect.any(String), events: expect.any(String) } })
  })
})

describe('events', () => {
  it('reads an empty filter and "*" as every event', () => {
    expect(isAllEvents([])).toBe(true)
    expect(isAllEvents(['*'])).toBe(true)
    expect(eventsSummary(['a', 'b', 'c', 'd'])).toBe('a, b +2')
  })

  it('keeps filters it does not know as choices', () => {
    expect(eventChoices(['deploy:*']).at(-1)).toEqual({ value: 'deploy:*', label: 'deploy:*' })
  })
})
