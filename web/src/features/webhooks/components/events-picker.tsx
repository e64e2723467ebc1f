import { useId } from 'react'

import { Switch } from '@/components/ui/switch'

import { eventChoices } from '../lib/events'

/** "All events", or a choice of events (checkboxes). */
export function EventsPicker({
  allEvents,
  events,
  error,
  onChange,
}: {
  allEvents: boolean
  events: string[]
  error?: string
  onChange: (next: { allEvents: boolean; events: string[] }) => void
}) {
  const legendId = useId()
  const errorId = useId()
  const toggle = (value: string, on: boolean) =>
    onChange({ allEvents, events: on ? [...events, value] : events.filter((e) => e !== value) })
  return (
    <fieldset className="grid gap-2" aria-labelledby={legendId} aria-describedby={error ? errorId : undefined}>
      <legend id={legendId} className="mb-2 text-sm leading-none font-medium">
        Events
      </legend>
      <label className="flex w-fit cursor-pointer items-center gap-2 text-sm">
        <Switch checked={allEvents} onCheckedChange={(on) => onChange({ allEvents: on, events })} aria-label="All events" />
        All events
      </label>
      {!allEvents && (
        <div className="grid gap-1.5 rounded-md border px-3 py-2.5 sm:grid-cols-2">
          {eventChoices(events).map((choice) => (
            <label key={choice.value} className="flex cursor-pointer items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-foreground"
                checked={events.includes(choice.value)}
                onChange={(e) => toggle(choice.value, e.target.checked)}
              />
              <span className="grid">
                <span>{choice.label}</span>
                <code className="font-mono text-[11px] text-muted-foreground">{choice.value}</code>
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  )
}
