// Hand-written from the issue 8 contract ("Configuration endpoints"); replace with the generated
// types (`Schemas[...]` from '@/lib/api-client') once schema.gen.ts has them.

/** Where an effective value comes from, lowest precedence first. */
export type ConfigOrigin = 'default' | 'flag' | 'global' | 'project' | 'agent'

/** A sparse configuration document: only what was set. Secrets come back as `{secret: "********"}`. */
export type ConfigDocument = Record<string, unknown>

/** GET/PUT /api/config/global and /api/config/projects/{id}. */
export type ConfigView = {
  /** 0: never saved. */
  version: number
  config: ConfigDocument
  /** The full merged configuration. */
  effective: ConfigDocument
  /** Keyed by dot path, e.g. `limits.max_agents`. */
  origins: Record<string, ConfigOrigin>
  updated_at: string | null
  updated_by: string | null
  project_id?: string
}

/** One changed path; `before` null when added, `after` null when removed. Secrets masked. */
export type ConfigChange = { path: string; before: unknown; after: unknown }

export type ConfigVersion = {
  version: number
  author: string | null
  created_at: string
  changes: ConfigChange[]
  reverted_from: number | null
}

export type ConfigVersions = { versions: ConfigVersion[] }

export type ConfigDiff = { from: number; to: number; changes: ConfigChange[] }

export type ExportFormat = 'yaml' | 'json'

export type ImportKind = 'global' | 'project' | 'project_config' | 'plan' | 'agent_config' | 'mcp_server' | 'webhook'
export type ImportAction = 'create' | 'update' | 'delete' | 'unchanged'

export type ImportItem = { kind: ImportKind; key: string; action: ImportAction; changes: ConfigChange[] }

export type ImportSummary = { created: number; updated: number; deleted: number; unchanged: number }

export type ImportReport = { dry_run: boolean; applied: boolean; summary: ImportSummary; items: ImportItem[] }

/** The project picker's entries. */
export type ProjectOption = { id: string; name: string }
