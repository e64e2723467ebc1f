import { CheckCircle2Icon, CircleAlertIcon, ServerCrashIcon } from 'lucide-react'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { cn } from '@/lib/utils'

import type { PlanProblem } from '../lib/plan-problems'

/** "3 problems" on the canvas's toolbar; the list opens from it, and choosing one selects its task. */
export function ProblemsButton({ problems, onSelect }: { problems: readonly PlanProblem[]; onSelect: (problem: PlanProblem) => void }) {
  const [open, setOpen] = useState(false)
  const count = problems.length
  const label = count === 0 ? 'No problems' : `${count} ${count === 1 ? 'problem' : 'problems'}`
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className={cn('bg-background shadow-xs', count > 0 && 'text-destructive hover:text-destructive')}>
          {count === 0 ? <CheckCircle2Icon className="text-success" /> : <CircleAlertIcon />}
          {label}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-96 p-0">
        {count === 0 ? (
          <p className="px-4 py-3 text-sm text-muted-foreground">The plan is ready to save: every task has a known agent, and no dependency is missing or circular.</p>
        ) : (
          <ul aria-label="Plan problems" className="max-h-80 divide-y overflow-y-auto">
            {problems.map((problem, index) => (
              <li key={`${problem.path}:${problem.message}:${index}`}>
                <button
                  type="button"
                  className="flex w-full cursor-pointer items-start gap-2 px-3 py-2 text-left text-sm outline-none hover:bg-accent/60 focus-visible:bg-accent"
                  onClick={() => {
                    onSelect(problem)
                    setOpen(false)
                  }}
                >
                  {problem.kind === 'server' ? (
                    <ServerCrashIcon aria-hidden className="mt-0.5 size-3.5 shrink-0 text-destructive" />
                  ) : (
                    <CircleAlertIcon aria-hidden className="mt-0.5 size-3.5 shrink-0 text-destructive" />
                  )}
                  <span className="min-w-0 flex-1 break-words">
                    <span className="font-mono text-[12px] font-medium">{problem.path}: </span>
                    {problem.message}
                    {!problem.blocking && <span className="text-muted-foreground"> (saving is still possible)</span>}
                    {problem.kind === 'server' && <span className="sr-only"> (from the server)</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  )
}
