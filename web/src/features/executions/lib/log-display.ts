import type { LogEntry } from '../api/types'
import { formatCost, formatDuration, formatTokensExact } from './format'

export type LogTone = 'muted' | 'normal' | 'prompt' | 'tool' | 'result' | 'warn' | 'error'

/** How one log entry is shown: a headline, and optionally a block that can be folded. */
export type LogLineModel = {
  seq: number
  at: string
  taskId: string | null
  agent: string | null
  kind: string
  tone: LogTone
  /** A short marker before the text ("⚙" for a tool call, "❯" for a prompt). */
  icon: string | null
  text: string
  /** Highlighted facts: a result's cost, tokens and duration; how long a tool call took. */
  stats: string[]
  /** Long content shown in a collapsible block (tool input as JSON, a long tool result or prompt, a hook's event). */
  details: { label: string; content: string; open: boolean } | null
  /** Output of a subagent (inside a Task tool call): shown indented. */
  nested: boolean
}

/** Tool results longer than this are folded, with their first line shown. */
export const LONG_RESULT_CHARS = 240
const LONG_RESULT_LINES = 4

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function firstLine(text: string, max = 120): string {
  const line = text.split('\n', 1)[0] ?? ''
  return line.length > max ? `${line.slice(0, max)}…` : line
}

export function isLongText(text: string): boolean {
  return text.length > LONG_RESULT_CHARS || text.split('\n').length > LONG_RESULT_LINES
}

export function toLogLine(entry: LogEntry): LogLineModel {
  const meta = record(entry.metadata)
  const base: LogLineModel = {
    seq: entry.seq,
    at: entry.at,
    taskId: entry.task_id ?? null,
    agent: entry.agent ?? null,
    kind: entry.kind,
    tone: 'normal',
    icon: null,
    text: entry.message,
    stats: [],
    details: null,
    nested: typeof meta.parent_tool_use_id === 'string',
  }
  const levelTone: LogTone | null = entry.level === 'error' ? 'error' : entry.level === 'warn' ? 'warn' : null

  switch (entry.kind) {
    case 'prompt': {
      // What the person asked: stands out from what the agent did; a long one folds like a long result.
      const tone = levelTone ?? 'prompt'
      if (isLongText(entry.message)) {
        return { ...base, tone, icon: '❯', text: firstLine(entry.message), details: { label: 'Prompt', content: entry.message, open: false } }
      }
      return { ...base, tone, icon: '❯' }
    }
    case 'hook': {
      // A hook event kept raw (Notification, PreCompact…): its summary, and the whole body to unfold.
      const raw = meta.raw
      return {
        ...base,
        tone: levelTone ?? 'muted',
        icon: '⚑',
        text: str(entry.message) ?? str(meta.event) ?? 'Hook event',
        details: raw === undefined || raw === null ? null : { label: 'Event', content: JSON.stringify(raw, null, 2), open: false },
      }
    }
    case 'system':
      return { ...base, tone: levelTone ?? 'muted' }
    case 'stderr':
      return { ...base, tone: levelTone ?? 'muted' }
    case 'tool_use': {
      const input = meta.input
      const hasInput = input !== undefined && input !== null && !(typeof input === 'object' && Object.keys(record(input)).length === 0 && !Array.isArray(input))
      return {
        ...base,
        tone: levelTone ?? 'tool',
        icon: '⚙',
        details: hasInput ? { label: 'Input', content: JSON.stringify(input, null, 2), open: false } : null,
      }
    }
    case 'tool_result': {
      const failed = meta.is_error === true
      const tone = failed ? 'error' : (levelTone ?? 'muted')
      // From hooks: how long the tool ran (PreToolUse to PostToolUse), and the error apart from the output.
      const duration = num(meta.duration_ms)
      const stats = duration === null ? [] : [formatDuration(duration)]
      const error = failed ? str(meta.error) : null
      const text =
        error !== null && !entry.message.includes(error.trim())
          ? [error, entry.message].filter((part) => part.trim() !== '').join('\n\n')
          : entry.message
      if (isLongText(text)) {
        return { ...base, tone, icon: '↳', text: firstLine(text), stats, details: { label: 'Output', content: text, open: false } }
      }
      return { ...base, tone, icon: '↳', text, stats }
    }
    case 'result': {
      const stats: string[] = []
      const cost = num(meta.cost_usd)
      const input = num(meta.input_tokens)
      const output = num(meta.output_tokens)
      const duration = num(meta.duration_ms)
      if (cost !== null) stats.push(formatCost(cost))
      if (input !== null) stats.push(`${formatTokensExact(input)} in`)
      if (output !== null) stats.push(`${formatTokensExact(output)} out`)
      if (duration !== null) stats.push(formatDuration(duration))
      const subtype = typeof meta.subtype === 'string' ? meta.subtype : null
      const failed = meta.is_error === true || (subtype !== null && subtype !== 'success')
      return {
        ...base,
        tone: failed ? 'error' : (levelTone ?? 'result'),
        icon: failed ? '✗' : '✓',
        text: subtype ? `Result: ${subtype.replace(/_/g, ' ')}` : entry.message,
        stats,
      }
    }
    default:
      // assistant, stdout (orchestrator.sh lines too) and anything newer: the text as it is.
      return { ...base, tone: levelTone ?? 'normal' }
  }
}

/** One line of the downloaded .log file. */
export function toLogText(entry: LogEntry): string {
  const who = [entry.task_id, entry.agent].filter(Boolean).join('/') || '-'
  return `${entry.at} ${entry.level.toUpperCase().padEnd(5)} ${who} ${entry.kind}: ${entry.message}`
}
