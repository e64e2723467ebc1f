import { CheckIcon } from 'lucide-react'

import { cn } from '@/lib/utils'

/** Numbered steps; finished ones are buttons that go back to them. */
export function WizardStepper({
  steps,
  current,
  onSelect,
}: {
  steps: readonly string[]
  current: number
  onSelect: (index: number) => void
}) {
  return (
    <nav aria-label="Progress">
      <ol className="flex items-center gap-2">
        {steps.map((title, index) => {
          const done = index < current
          const active = index === current
          const content = (
            <>
              <span
                className={cn(
                  'flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold tabular-nums transition-colors',
                  active && 'border-primary bg-primary text-primary-foreground',
                  done && 'border-primary/40 bg-primary/10 text-foreground',
                  !active && !done && 'text-muted-foreground',
                )}
              >
                {done ? <CheckIcon className="size-3.5" aria-hidden /> : index + 1}
              </span>
              <span
                className={cn(
                  'truncate text-sm',
                  active ? 'font-medium text-foreground' : 'text-muted-foreground',
                  !active && 'hidden sm:inline',
                )}
              >
                {title}
              </span>
            </>
          )
          return (
            <li key={title} className="flex min-w-0 items-center gap-2" aria-current={active ? 'step' : undefined}>
              {done ? (
                <button
                  type="button"
                  onClick={() => onSelect(index)}
                  className="flex min-w-0 cursor-pointer items-center gap-2 rounded-md outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                  aria-label={`Back to step ${index + 1}: ${title}`}
                >
                  {content}
                </button>
              ) : (
                <div className="flex min-w-0 items-center gap-2">
                  {content}
                  <span className="sr-only">{active ? '(current step)' : '(not yet reached)'}</span>
                </div>
              )}
              {index < steps.length - 1 && <span aria-hidden className="h-px w-4 shrink-0 bg-border sm:w-8" />}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
