import type { Client } from 'openapi-fetch'

import { api } from '@/lib/api-client'

import type { AgentPaths } from './types'

/**
 * The app's one client (same session, same middleware), typed with the agent endpoints the
 * generated schema does not have yet. Goes away when they are generated: see api/types.ts.
 */
export const agentsApi = api as unknown as Client<AgentPaths>
