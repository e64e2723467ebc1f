import { describe, expect, it } from 'vitest'

import { deliveryStatusLabel, deliverySummary, formatDuration, pollInterval, willRetry } from './delivery-status'

describe('delivery status', () => {
  it('labels every status, and anything else as itself', () => {
    expect(['pending', 'delivered', 'failed', 'dead', 'weird'].map(deliveryStatusLabel)).toEqual([
      'Pending',
      'Delivered',
      'Failed, retrying',
      'Dead',
      'weird',
    ])
  })

  it('summarises attempts and the last status code', () => {
    expect(deliverySummary({ status: 'pending', attempts: 0, last_status_code: null })).toBe('Pending')
    expect(deliverySummary({ status: 'delivered', attempts: 1, last_status_code: 200 })).toBe('Delivered (200) after 1 attempt')
    expect(deliverySummary({ status: 'failed', attempts: 3, last_status_code: 503 })).toBe('Failed, retrying (503) after 3 attempts')
  })

  it('knows which deliveries will be tried again', () => {
    expect(willRetry({ status: 'failed', next_attempt_at: '2026-01-01T00:00:00Z' })).toBe(true)
    expect(willRetry({ status: 'dead', next_attempt_at: null })).toBe(false)
    expect(formatDuration(250)).toBe('250 ms')
    expect(formatDuration(1250)).toBe('1.3 s')
  })
})

describe('pollInterval', () => {
  it('polls fast while pending, slowly while retrying, not at all when settled', () => {
    expect(pollInterval(['delivered', 'pending', 'failed'])).toBe(3000)
    expect(pollInterval(['delivered', 'failed'])).toBe(15_000)
    expect(pollInterval(['delivered', 'dead', undefined])).toBe(false)
    expect(pollInterval(undefined)).toBe(false)
  })
})
