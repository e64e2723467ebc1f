import { CheckCircle2Icon, CircleXIcon, ServerCrashIcon, TriangleAlertIcon } from 'lucide-react'

import { cn } from '@/lib/utils'

import { lineLabel, type Problem } from './analyze'

/** A long list helps nobody: the first ones are fixed first, the rest follow. */
const MAX_LISTED = 50

function countLabel(problems: Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  const parts = []
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`)
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`)
  return parts.join(', ')
}

/** "No problems" or "2 errors, 1 warning", announced politely as it changes. */
export function ProblemSummary({ id, problems }: { id: string; problems: Problem[] }) {
  const hasErrors = problems.some((problem) => problem.severity === 'error')
  return (
    <p id={id} role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
      {problems.length === 0 ? (
        <CheckCircle2Icon aria-hidden className="size-3.5 text-success" />
      ) : hasErrors ? (
        <CircleXIcon aria-hidden className="size-3.5 text-destructive" />
      ) : (
        <TriangleAlertIcon aria-hidden className="size-3.5 text-warning" />
      )}
      {problems.length === 0 ? 'No problems' : countLabel(problems)}
    </p>
  )
}

/** Every problem as "path: message (line N)"; choosing one selects it in the editor. */
export function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect: (problem: Problem) => void }) {
  if (problems.length === 0) return null
  const hidden = problems.length - MAX_LISTED
  return (
    <div className="overflow-hidden rounded-md border">
      <ul aria-label="Problems" className="max-h-52 divide-y overflow-y-auto">
        {problems.slice(0, MAX_LISTED).map((problem) => (
          <li key={problem.id}>
            <ProblemItem problem={problem} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="border-t px-3 py-1.5 text-xs text-muted-foreground">and {hidden} more</p>}
    </div>
  )
}

function ProblemItem({ problem, onSelect }: { problem: Problem; onSelect: (problem: Problem) => void }) {
  const Icon = problem.source === 'server' ? ServerCrashIcon : problem.severity === 'error' ? CircleXIcon : TriangleAlertIcon
  const content = (
    <>
      <Icon aria-hidden className={cn('mt-0.5 size-3.5 shrink-0', problem.severity === 'error' ? 'text-destructive' : 'text-warning')} />
      <span className="min-w-0 flex-1 break-words">
        {problem.path !== null && <span className="font-mono text-[12px] font-medium">{problem.path}: </span>}
        {problem.message}
        {problem.location && <span className="text-muted-foreground tabular-nums"> ({lineLabel(problem)})</span>}
        {problem.source === 'server' && <span className="sr-only"> (from the server)</span>}
      </span>
    </>
  )
  const layout = 'flex w-full items-start gap-2 px-3 py-1.5 text-left text-sm'
  if (!problem.location) return <div className={layout}>{content}</div>
  return (
    <button
      type="button"
      onClick={() => onSelect(problem)}
      className={cn(layout, 'cursor-pointer outline-none hover:bg-accent/60 focus-visible:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset')}
    >
      {content}
    </button>
  )
}
