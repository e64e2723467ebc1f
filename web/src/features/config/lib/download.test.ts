import { describe, expect, it } from 'vitest'

import { exportFileName } from './download'

describe('exportFileName', () => {
  const now = new Date('2026-03-04T10:00:00Z')

  it('takes the server’s file name', () => {
    expect(exportFileName('attachment; filename="baton-export.yaml"', 'yaml', now)).toBe('baton-export.yaml')
    expect(exportFileName('attachment; filename=baton.json', 'json', now)).toBe('baton.json')
    expect(exportFileName("attachment; filename*=UTF-8''baton%20export.yaml", 'yaml', now)).toBe('baton export.yaml')
  })

  it('falls back to a dated name with the format’s extension', () => {
    expect(exportFileName(null, 'yaml', now)).toBe('baton-config-2026-03-04.yaml')
    expect(exportFileName('attachment', 'json', now)).toBe('baton-config-2026-03-04.json')
  })
})
