import { describe, expect, it } from 'vitest'

import { DEFAULT_NEXT, sanitizeNextPath, signInPathFor } from './next-path'

describe('sanitizeNextPath', () => {
  it('keeps paths inside the app, with their query and hash', () => {
    expect(sanitizeNextPath('/projects')).toBe('/projects')
    expect(sanitizeNextPath('/projects/abc?tab=config#top')).toBe('/projects/abc?tab=config#top')
    expect(sanitizeNextPath('/settings/audit?action=user.create')).toBe('/settings/audit?action=user.create')
  })

  it.each([
    null,
    undefined,
    '',
    'projects',
    'https://evil.example/',
    '//evil.example/phish',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?next=/projects',
    '/api/auth/logout',
    ' /projects',
  ])('refuses %j', (raw) => {
    expect(sanitizeNextPath(raw)).toBe(DEFAULT_NEXT)
  })

  it('normalises dot segments without leaving the app', () => {
    expect(sanitizeNextPath('/../../projects')).toBe('/projects')
  })
})

describe('signInPathFor', () => {
  it('carries the page the user was on, readable and encoded', () => {
    expect(signInPathFor('/projects')).toBe('/sign-in?next=/projects')
    expect(signInPathFor('/projects?q=a b&status=active')).toBe('/sign-in?next=/projects%3Fq%3Da%2520b%26status%3Dactive')
  })
})
