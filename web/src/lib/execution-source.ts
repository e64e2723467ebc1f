/**
 * Where an execution came from: started by Baton (a plan, a single agent), or reported by an
 * integration (a Claude Code session through its hooks, an orchestrator.sh run through the notify
 * webhook or its workspace files). See "Executions from integrations" in the API contract.
 */

export type ExecutionSource = 'baton' | 'hooks' | 'notify' | 'workspace'

/**
 * What these helpers need of an execution. `source` is optional and untyped on purpose: the
 * generated types do not have it yet, and a server from before it was added does not send it.
 */
export type SourceFields = { kind: string; source?: unknown }

/** One badge's worth: which of the known origins, and how people name it. */
export type ExecutionOrigin = {
  key: 'plan' | 'agent' | 'hooks' | 'notify' | 'workspace' | 'orchestrator' | 'other'
  label: string
  /** Where it came from, in a sentence (the badge's tooltip). */
  description: string
}

const SOURCES: readonly string[] = ['baton', 'hooks', 'notify', 'workspace'] satisfies readonly ExecutionSource[]

function isExecutionSource(value: unknown): value is ExecutionSource {
  return typeof value === 'string' && SOURCES.includes(value)
}

/**
 * The execution's `source`, or what its kind implies when the server does not send one (plans and
 * agents are Baton's, sessions come through hooks). An orchestrator run without a source may have
 * come through the webhook or the workspace files: null, as for kinds this app does not know.
 */
export function executionSource(execution: SourceFields): ExecutionSource | null {
  if (isExecutionSource(execution.source)) return execution.source
  switch (execution.kind) {
    case 'plan':
    case 'agent':
      return 'baton'
    case 'session':
      return 'hooks'
    default:
      return null
  }
}

/** Only what Baton started can it cancel or run again; the rest runs elsewhere and is only reported. */
export function isRunByBaton(execution: SourceFields): boolean {
  return executionSource(execution) === 'baton'
}

export function executionOrigin(execution: SourceFields): ExecutionOrigin {
  switch (executionSource(execution)) {
    case 'baton':
      return execution.kind === 'agent'
        ? { key: 'agent', label: 'Agent', description: 'Started by Baton: one agent, without a plan' }
        : { key: 'plan', label: 'Plan', description: 'Started by Baton from a plan' }
    case 'hooks':
      return { key: 'hooks', label: 'Claude Code session', description: 'Reported by Claude Code hooks' }
    case 'notify':
      return { key: 'notify', label: 'orchestrator.sh', description: 'Reported by orchestrator.sh (webhook)' }
    case 'workspace':
      return { key: 'workspace', label: 'orchestrator.sh', description: 'Read from agent-workspaces files' }
    case null:
      if (execution.kind === 'orchestrator') {
        return { key: 'orchestrator', label: 'orchestrator.sh', description: 'Reported by orchestrator.sh' }
      }
      // A kind from a newer server: shown as it is rather than mislabelled.
      return {
        key: 'other',
        label: execution.kind.replaceAll('_', ' ') || 'Unknown',
        description: 'Reported by an integration this version of Baton does not know',
      }
  }
}
