// Hand-written from the issue 8 contract until `schema.gen.ts` has these paths.

export type McpScope = 'user' | 'local' | 'project' | 'baton'
export type McpTransport = 'stdio' | 'http' | 'sse'
export type McpStatus = 'ok' | 'down' | 'unknown'
export type McpFailureKind = 'not_found' | 'exited' | 'timeout' | 'protocol' | 'http' | 'refused'

/** A header or environment value: plain, or a secret (read back masked). */
export type McpMapValue = string | { secret: string }

export type McpTool = { name: string; description?: string | null; input_schema: unknown }

export type McpCheckError = {
  kind: McpFailureKind
  message: string
  stderr?: string | null
  exit_code?: number | null
  http_status?: number | null
}

export type McpCheckResult = {
  checked_at: string
  ok: boolean
  latency_ms: number
  server_name?: string | null
  server_version?: string | null
  protocol_version?: string | null
  tool_count?: number | null
  /** Left out of history entries. */
  tools?: McpTool[] | null
  error?: McpCheckError | null
}

export type McpServer = {
  name: string
  scope: McpScope
  project_id?: string | null
  transport: McpTransport
  command?: string | null
  args?: string[] | null
  url?: string | null
  env: Record<string, McpMapValue>
  headers: Record<string, McpMapValue>
  /** Baton runs the process itself. */
  managed: boolean
  status: McpStatus
  last_check: McpCheckResult | null
  /** The scope whose server of the same name wins over this one. */
  overridden_by?: McpScope | string | null
  /** Agents whose definition or configuration lists it. */
  used_by: string[]
}

export type McpServerList = { servers: McpServer[] }
export type McpHistory = { checks: McpCheckResult[] }
export type McpRestartResult = { restarted: boolean; message: string; check: McpCheckResult }

export type McpServerBody = {
  name: string
  project_id?: string | null
  type: McpTransport
  command?: string
  args?: string[]
  env?: Record<string, McpMapValue>
  url?: string
  headers?: Record<string, McpMapValue>
  managed?: boolean
}

/** Which server an endpoint acts on: names are unique within a project (or globally). */
export type McpServerRef = { name: string; project_id?: string | null }

/** Socket event `mcp:status` (global room), sent when a server's status changes. */
export type McpStatusEvent = {
  name: string
  project_id: string | null
  status: McpStatus
  previous: McpStatus
  check: McpCheckResult
}

export type ProjectOption = { id: string; name: string }
