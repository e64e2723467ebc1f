import type { McpServerList, McpServerRef, McpStatusEvent } from '../api/types'

/**
 * A list with the event's server brought up to date (status and last check), or the same list
 * when the server is not in it. The server that changed is the one of that name in that project,
 * or the global one when the event has no project.
 */
export function patchServerList(list: McpServerList, event: McpStatusEvent): McpServerList {
  let changed = false
  const servers = list.servers.map((server) => {
    if (server.name !== event.name || (server.project_id ?? null) !== (event.project_id ?? null) || server.overridden_by) return server
    changed = true
    return { ...server, status: event.status, last_check: event.check }
  })
  return changed ? { ...list, servers } : list
}

/** The list without the Baton server just deleted (discovered ones of the same name stay). */
export function withoutServer(list: McpServerList, ref: McpServerRef): McpServerList {
  return {
    ...list,
    servers: list.servers.filter((s) => !(s.scope === 'baton' && s.name === ref.name && (s.project_id ?? null) === (ref.project_id ?? null))),
  }
}
