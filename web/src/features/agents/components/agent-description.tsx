import { ChevronRightIcon } from 'lucide-react'

import { Markdown } from '@/components/markdown'
import { cn } from '@/lib/utils'

import { splitDescription, type DescriptionPart, type ExampleSpeaker } from '../lib/description'

const SPEAKER_LABELS: Record<ExampleSpeaker, string> = { context: 'Context', user: 'User', assistant: 'Assistant' }

type Example = Extract<DescriptionPart, { kind: 'example' }>

/** One `<example>` of a description: a dialogue, folded to one line until opened. */
function ExampleBlock({ example }: { example: Example }) {
  return (
    <details className="group rounded-lg border bg-muted/30 open:bg-transparent">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm outline-none select-none hover:bg-muted/60 focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
        <span className="shrink-0 font-medium">Example {example.number}</span>
        {example.summary && <span className="min-w-0 truncate text-muted-foreground">{example.summary}</span>}
      </summary>
      <div className="grid grid-cols-1 gap-3 border-t px-3 py-3">
        {example.turns.map((turn, i) =>
          turn.speaker === 'context' || turn.speaker === null ? (
            <div key={i} className="text-sm text-muted-foreground">
              {turn.speaker && <p className="mb-0.5 text-[11px] font-medium tracking-wide uppercase">{SPEAKER_LABELS[turn.speaker]}</p>}
              <Markdown className="text-muted-foreground">{turn.text}</Markdown>
            </div>
          ) : (
            <div key={i} className={cn('flex', turn.speaker === 'user' ? 'justify-end' : 'justify-start')}>
              <div
                className={cn(
                  'max-w-[85%] rounded-xl px-3 py-2',
                  turn.speaker === 'user' ? 'rounded-br-sm bg-primary/[0.07] dark:bg-primary/15' : 'rounded-bl-sm border bg-card',
                )}
              >
                <p className="mb-0.5 text-[11px] font-medium tracking-wide text-muted-foreground uppercase">{SPEAKER_LABELS[turn.speaker]}</p>
                <Markdown>{turn.text}</Markdown>
              </div>
            </div>
          ),
        )}
        {example.commentary.map((text, i) => (
          <aside key={`c${i}`} aria-label="Commentary" className="border-l-2 border-[oklch(0.7_0.12_var(--agent-hue,250))] pl-3">
            <Markdown className="text-[13px] text-muted-foreground italic">{text}</Markdown>
          </aside>
        ))}
      </div>
    </details>
  )
}

/** An agent's description: Markdown, with its `<example>` blocks as foldable dialogues. */
export function AgentDescription({ description }: { description?: string | null }) {
  const parts = splitDescription(description)
  if (parts.length === 0) return <p className="text-sm text-muted-foreground italic">This agent has no description.</p>
  return (
    <div className="grid grid-cols-1 gap-3">
      {parts.map((part, i) =>
        part.kind === 'markdown' ? <Markdown key={i}>{part.text}</Markdown> : <ExampleBlock key={i} example={part} />,
      )}
    </div>
  )
}
