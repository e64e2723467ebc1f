import type { components } from '@/lib/api/schema.gen'

/**
 * Where an execution came from: started by Baton (a plan, a single agent), or reported by an
 * integration (a Claude Code session through its hooks, an orchestrator.sh run through the notify
 * webhook or its workspace files).
 */
export type ExecutionSource = 'baton' | 'hooks' | 'notify' | 'workspace'

/**
 * What these helpers need of an execution. Executions carry `kind` and `source`; activity items
 * and an agent's recent tasks carry them as `execution_kind` and `execution_source`.
 */
export type SourceFields = Pick<components['schemas']['Execution'], 'kind' | 'source'>

/** One badge's worth: which of the known origins, and how people name it. */
export type ExecutionOrigin = {
  key: 'plan' | 'agent' | 'hooks' | 'notify' | 'workspace' | 'other'
  label: string
  /** Where it came from, in a sentence (the badge's tooltip). */
  description: string
}

const SOURCES: readonly string[] = ['baton', 'hooks', 'notify', 'workspace'] satisfies readonly ExecutionSource[]

/** The execution's `source`, or null for one a newer server added that this app does not know. */
export function executionSource(execution: SourceFields): ExecutionSource | null {
  return SOURCES.includes(execution.source) ? (execution.source as ExecutionSource) : null
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
      // A source from a newer server: shown as it is rather than mislabelled.
      return {
        key: 'other',
        label: execution.source.replaceAll('_', ' ') || 'Unknown',
        description: 'Reported by an integration this version of Baton does not know',
      }
  }
}
