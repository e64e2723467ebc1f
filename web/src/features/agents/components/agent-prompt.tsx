import { ChevronDownIcon, CopyIcon } from 'lucide-react'
import { useId, useState } from 'react'
import { toast } from 'sonner'

import { Markdown } from '@/components/markdown'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { cn } from '@/lib/utils'

/** Prompts shorter than this are shown whole; longer ones fold. */
const FOLD_AT_CHARS = 900

/** The agent's system prompt (the body of its file) as Markdown, folded when long. */
export function AgentPrompt({ prompt }: { prompt?: string | null }) {
  const [open, setOpen] = useState(false)
  const bodyId = useId()
  const text = prompt?.trim() ?? ''
  const foldable = text.length > FOLD_AT_CHARS
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => toast.success('Prompt copied'),
      () => toast.error('Could not copy the prompt'),
    )
  return (
    <Card role="region" aria-labelledby="agent-prompt-heading">
      <CardHeader className="flex-row items-start justify-between gap-3 pb-4">
        <div className="space-y-1">
          <CardTitle id="agent-prompt-heading">System prompt</CardTitle>
          <CardDescription>The body of the agent file: what the agent is told before every task.</CardDescription>
        </div>
        {text && (
          <Button variant="ghost" size="sm" onClick={() => void copy()} className="-mt-1 shrink-0 text-muted-foreground">
            <CopyIcon />
            Copy
          </Button>
        )}
      </CardHeader>
      <div className="border-t px-5 py-4">
        {!text ? (
          <p className="text-sm text-muted-foreground italic">No prompt: the file has no body, or Baton knows this agent without a file.</p>
        ) : (
          <>
            <div
              id={bodyId}
              className={cn(
                'relative',
                foldable && !open && 'max-h-72 overflow-hidden after:absolute after:inset-x-0 after:bottom-0 after:h-20 after:bg-linear-to-t after:from-card after:to-transparent',
              )}
            >
              <Markdown>{text}</Markdown>
            </div>
            {foldable && (
              <Button
                variant="ghost"
                size="sm"
                aria-expanded={open}
                aria-controls={bodyId}
                onClick={() => setOpen((v) => !v)}
                className="mt-2 w-full text-muted-foreground"
              >
                <ChevronDownIcon className={cn('transition-transform', open && 'rotate-180')} />
                {open ? 'Show less' : 'Show the whole prompt'}
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  )
}
