import { executionOrigin, executionSource, type SourceFields } from '@/lib/execution-source'

/** What an execution, or one of its tasks, reports of its usage. */
export type UsageFigures = { cost_usd: number; input_tokens: number; output_tokens: number }

/** Which figures to show as "—" rather than as zero, and the tooltip that says why. */
export type UnreportedUsage = { cost: boolean; tokens: boolean; note: string }

/**
 * The figures an integration did not report. Claude Code hooks carry no cost or token counts and
 * orchestrator.sh rarely sends them, so a zero from either means "not told", not "free": shown as
 * "$0.0000" it would mislead. Baton's own runs count every token, so their zeros are real.
 */
export function unreportedUsage(execution: SourceFields & UsageFigures): UnreportedUsage | null {
  const source = executionSource(execution)
  if (source === 'baton') return null
  const cost = execution.cost_usd === 0
  const tokens = execution.input_tokens === 0 && execution.output_tokens === 0
  if (!cost && !tokens) return null
  const what = cost && tokens ? 'cost or tokens' : cost ? 'cost' : 'tokens'
  switch (source) {
    // Hooks never carry them: said in the present tense.
    case 'hooks':
      return { cost, tokens, note: `Claude Code hooks report no ${what}` }
    case 'notify':
    case 'workspace':
      return { cost, tokens, note: `orchestrator.sh reported no ${what}` }
    case null:
      return { cost, tokens, note: `${executionOrigin(execution).label} reported no ${what}` }
  }
}
