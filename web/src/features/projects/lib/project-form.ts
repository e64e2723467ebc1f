import { formatJson, jsonEqual, parseJsonObject } from '@/lib/json'

import type { CreateProjectBody, Project, ProjectStatus, UpdateProjectBody } from '../api/types'

export const PROJECT_STATUSES: readonly { value: ProjectStatus; label: string }[] = [
  { value: 'inactive', label: 'Inactive' },
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
]

export function isProjectStatus(value: string | null): value is ProjectStatus {
  return PROJECT_STATUSES.some((s) => s.value === value)
}

// Same limits as the server's domain/project.rs.
export const NAME_MAX_LENGTH = 100
export const DESCRIPTION_MAX_LENGTH = 10_000

/** What the form edits: text as typed, parsed only on submit. */
export type ProjectFormValues = {
  name: string
  description: string
  workspace_dir: string
  status: ProjectStatus
  config: string
}

export type ProjectField = keyof ProjectFormValues
export type FieldErrors = Partial<Record<ProjectField, string>>

export const EMPTY_PROJECT_FORM: ProjectFormValues = {
  name: '',
  description: '',
  workspace_dir: '',
  status: 'inactive',
  config: '{}',
}

export function formValuesFromProject(project: Project): ProjectFormValues {
  return {
    name: project.name,
    description: project.description ?? '',
    workspace_dir: project.workspace_dir ?? '',
    status: project.status,
    config: formatJson(project.config),
  }
}

export function validateName(name: string): string | undefined {
  const trimmed = name.trim()
  if (trimmed.length === 0) return 'Name is required.'
  if ([...trimmed].length > NAME_MAX_LENGTH) return `Name must be at most ${NAME_MAX_LENGTH} characters.`
  return undefined
}

export function validateDescription(description: string): string | undefined {
  const length = [...description.trim()].length
  if (length > DESCRIPTION_MAX_LENGTH) return `Description must be at most ${DESCRIPTION_MAX_LENGTH} characters (now ${length}).`
  return undefined
}

export function validateWorkspaceDir(dir: string, required: boolean): string | undefined {
  const trimmed = dir.trim()
  if (trimmed === '') return required ? 'Workspace directory is required.' : undefined
  // The server also expands ~ to the home directory of the user it runs as.
  if (!(trimmed.startsWith('/') || trimmed.startsWith('~/') || trimmed === '~')) {
    return 'Must be an absolute path, starting with / or ~/.'
  }
  return undefined
}

export function validateConfig(text: string): string | undefined {
  const parsed = parseJsonObject(text)
  return parsed.ok ? undefined : parsed.error
}

/**
 * Client-side checks mirroring the server's, to catch the obvious before a round trip. The server
 * stays the authority: its field errors are shown the same way.
 */
export function validateProjectForm(values: ProjectFormValues, { workspaceRequired = false } = {}): FieldErrors {
  const errors: FieldErrors = {}
  const name = validateName(values.name)
  if (name) errors.name = name
  const description = validateDescription(values.description)
  if (description) errors.description = description
  const dir = validateWorkspaceDir(values.workspace_dir, workspaceRequired)
  if (dir) errors.workspace_dir = dir
  const config = validateConfig(values.config)
  if (config) errors.config = config
  return errors
}

export function toCreateBody(values: ProjectFormValues): CreateProjectBody {
  const config = parseJsonObject(values.config)
  const description = values.description.trim()
  const workspaceDir = values.workspace_dir.trim()
  return {
    name: values.name.trim(),
    status: values.status,
    ...(description ? { description } : {}),
    ...(workspaceDir ? { workspace_dir: workspaceDir } : {}),
    ...(config.ok ? { config: config.value } : {}),
  }
}

/** Only what changed: an empty description becomes null (clears it). */
export function toUpdateBody(original: Project, values: ProjectFormValues): UpdateProjectBody {
  const body: UpdateProjectBody = {}
  const name = values.name.trim()
  if (name !== original.name) body.name = name
  const description = values.description.trim() === '' ? null : values.description.trim()
  if (description !== (original.description ?? null)) body.description = description
  if (values.status !== original.status) body.status = values.status
  const workspaceDir = values.workspace_dir.trim()
  if (workspaceDir !== (original.workspace_dir ?? '')) body.workspace_dir = workspaceDir
  const config = parseJsonObject(values.config)
  if (config.ok && !jsonEqual(config.value, original.config)) body.config = config.value
  return body
}

/** Keeps the server's field errors that the form can show next to a field; the rest go to a toast. */
export function pickFieldErrors(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {}
  for (const key of Object.keys(EMPTY_PROJECT_FORM) as ProjectField[]) {
    const message = fields[key]
    // The server says "must not be empty"; beside a labelled field that reads best as a sentence.
    if (message) errors[key] = message.charAt(0).toUpperCase() + message.slice(1)
  }
  return errors
}

/** Wizard steps and the fields each holds, so a server error can send the user back to the right step. */
export const WIZARD_STEPS = [
  { title: 'Basics', fields: ['name', 'description'] },
  { title: 'Workspace & settings', fields: ['workspace_dir', 'status', 'config'] },
  { title: 'Review', fields: [] },
] as const satisfies readonly { title: string; fields: readonly ProjectField[] }[]

/** The first step holding any of the fields in error, or undefined if none does. */
export function firstStepWithError(errors: FieldErrors): number | undefined {
  const index = WIZARD_STEPS.findIndex((step) => step.fields.some((field: ProjectField) => errors[field]))
  return index === -1 ? undefined : index
}
