import { describe, expect, it } from 'vitest'

import type { Project } from '../api/types'
import {
  EMPTY_PROJECT_FORM,
  firstStepWithError,
  formValuesFromProject,
  pickFieldErrors,
  toCreateBody,
  toUpdateBody,
  validateProjectForm,
} from './project-form'

const project: Project = {
  id: '0190c3b4-0000-7000-8000-000000000001',
  name: 'Checkout',
  description: 'Old flow',
  status: 'active',
  workspace_dir: '/srv/checkout',
  config: { model: 'sonnet', turns: 3 },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
}

describe('validateProjectForm', () => {
  it('accepts a name with surrounding spaces and an empty optional workspace', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: '  Checkout  ' })).toEqual({})
  })

  it('requires a name that is not only spaces', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: '   ' }).name).toBe('Name is required.')
  })

  it('allows 100 characters after trimming and refuses 101', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: ` ${'a'.repeat(100)} ` }).name).toBeUndefined()
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: 'a'.repeat(101) }).name).toBe(
      'Name must be at most 100 characters.',
    )
  })

  it('counts characters, not UTF-16 units, like the server', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: '🎼'.repeat(100) }).name).toBeUndefined()
  })

  it('wants an absolute workspace directory (or one under ~/)', () => {
    const check = (workspace_dir: string, opts = {}) =>
      validateProjectForm({ ...EMPTY_PROJECT_FORM, name: 'x', workspace_dir }, opts).workspace_dir
    expect(check('/srv/app')).toBeUndefined()
    expect(check('~/code/app')).toBeUndefined()
    expect(check('code/app')).toBe('Must be an absolute path, starting with / or ~/.')
    expect(check('', { workspaceRequired: true })).toBe('Workspace directory is required.')
  })

  it('wants the config to be a JSON object', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: 'x', config: '[]' }).config).toMatch(/not an array/)
  })
})

describe('toCreateBody', () => {
  it('trims, parses the config and leaves out empty optional fields', () => {
    expect(toCreateBody({ ...EMPTY_PROJECT_FORM, name: ' Checkout ', config: '{"a": 1}' })).toEqual({
      name: 'Checkout',
      status: 'inactive',
      config: { a: 1 },
    })
  })

  it('sends description and workspace directory when given', () => {
    const body = toCreateBody({ ...EMPTY_PROJECT_FORM, name: 'x', description: ' d ', workspace_dir: ' /srv/x ' })
    expect(body.description).toBe('d')
    expect(body.workspace_dir).toBe('/srv/x')
  })
})

describe('toUpdateBody', () => {
  it('sends nothing when nothing changed, whatever the config formatting', () => {
    const values = { ...formValuesFromProject(project), config: '{"turns":3,"model":"sonnet"}' }
    expect(toUpdateBody(project, values)).toEqual({})
  })

  it('sends only the changed fields', () => {
    const values = { ...formValuesFromProject(project), name: 'Checkout v2 ', status: 'archived' as const }
    expect(toUpdateBody(project, values)).toEqual({ name: 'Checkout v2', status: 'archived' })
  })

  it('clears the description with null when emptied', () => {
    expect(toUpdateBody(project, { ...formValuesFromProject(project), description: '  ' })).toEqual({ description: null })
  })

  it('sends the whole new config when it changed', () => {
    const values = { ...formValuesFromProject(project), config: '{"model": "opus"}' }
    expect(toUpdateBody(project, values)).toEqual({ config: { model: 'opus' } })
  })
})

describe('server field errors', () => {
  it('keeps the fields the form shows, as sentences, and drops the rest', () => {
    expect(pickFieldErrors({ name: 'a project with this name already exists', limit: 'too big' })).toEqual({
      name: 'A project with this name already exists',
    })
  })

  it('sends the wizard back to the first step holding an error', () => {
    expect(firstStepWithError({ name: 'taken' })).toBe(0)
    expect(firstStepWithError({ config: 'bad' })).toBe(1)
    expect(firstStepWithError({ workspace_dir: 'bad', description: 'long' })).toBe(0)
    expect(firstStepWithError({})).toBeUndefined()
  })
})
