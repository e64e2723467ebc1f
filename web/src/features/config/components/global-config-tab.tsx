import { GLOBAL_SCOPE } from '../lib/scope'
import { ScopedConfig } from './scoped-config'

/** The settings Baton itself uses: runner, limits, retention, watched directories, MCP checks, notifications. */
export function GlobalConfigTab() {
  return <ScopedConfig scope={GLOBAL_SCOPE} />
}
