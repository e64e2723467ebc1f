import { describe, expect, it } from 'vitest'

import { actionTone, summarizeDetail } from './audit'

describe('summarizeDetail', () => {
  it('turns the detail object into one readable line', () => {
    expect(summarizeDetail({ changed: ['role'], disabled: false, role: 'operator' })).toBe('changed: role · disabled: false · role: operator')
    expect(summarizeDetail({ reason: 'bad_credentials' })).toBe('reason: bad_credentials')
    expect(summarizeDetail({ resource_id: null, nested: { a: 1 } })).toBe('resource id: none · nested: {"a":1}')
  })

  it('is empty without a detail (the server sends null for sign-ins)', () => {
    expect(summarizeDetail(null)).toBe('')
    expect(summarizeDetail(undefined)).toBe('')
    expect(summarizeDetail({})).toBe('')
  })
})

describe('actionTone', () => {
  it('marks failures, removals and additions', () => {
    expect(actionTone('auth.login_failed')).toBe('destructive')
    expect(actionTone('auth.refresh_reuse')).toBe('destructive')
    expect(actionTone('token.revoke')).toBe('warning')
    expect(actionTone('project.delete')).toBe('warning')
    expect(actionTone('user.create')).toBe('success')
    expect(actionTone('auth.login')).toBe('muted')
  })
})
