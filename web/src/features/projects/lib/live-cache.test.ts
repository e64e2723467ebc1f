import { describe, expect, it } from 'vitest'

import type { Project, ProjectPage } from '../api/types'
import { patchProjectPage, removeProjectFromPage } from './live-cache'

function project(id: string, name = `Project ${id}`): Project {
  return { id, name, status: 'active', description: null, config: {}, workspace_dir: null, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }
}

const page = (...items: Project[]): ProjectPage => ({ items, next_cursor: null, total: items.length })

describe('patchProjectPage', () => {
  it('replaces the row in place', () => {
    const next = patchProjectPage(page(project('a'), project('b')), project('b', 'Renamed'))
    expect(next?.items.map((p) => p.name)).toEqual(['Project a', 'Renamed'])
  })
  it('leaves a page without the project to the server', () => {
    expect(patchProjectPage(page(project('a')), project('z'))).toBeNull()
  })
})

describe('removeProjectFromPage', () => {
  it('removes the row and counts one less', () => {
    const next = removeProjectFromPage(page(project('a'), project('b')), 'a')
    expect(next.items.map((p) => p.id)).toEqual(['b'])
    expect(next.total).toBe(1)
  })
  it('keeps a page that did not have it', () => {
    const before = page(project('a'))
    expect(removeProjectFromPage(before, 'z')).toBe(before)
  })
})
