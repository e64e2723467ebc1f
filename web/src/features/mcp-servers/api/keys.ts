import type { McpServerRef } from './types'

/** Query keys of this feature; every MCP query starts with `['mcp-servers']`. */
export const mcpKeys = {
  all: ['mcp-servers'] as const,
  lists: () => ['mcp-servers', 'list'] as const,
  list: (projectId: string | null) => ['mcp-servers', 'list', { projectId }] as const,
  histories: () => ['mcp-servers', 'history'] as const,
  history: (ref: McpServerRef) => ['mcp-servers', 'history', ref.name, ref.project_id ?? null] as const,
}
