import { CalendarIcon, ChevronDownIcon } from 'lucide-react'
import { useId, useState } from 'react'

import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { cn } from '@/lib/utils'

import { dateRangeLabel, DATE_PRESETS, formatDay, presetRange } from '../lib/filters'

/** "When was it started": presets, or a from/to pair of days. */
export function DateRangeFilter({
  since,
  until,
  onChange,
}: {
  since: string | null
  until: string | null
  onChange: (since: string | null, until: string | null) => void
}) {
  const [open, setOpen] = useState(false)
  const fromId = useId()
  const toId = useId()
  const today = new Date()
  const label = dateRangeLabel(since, until, today)
  const set = (nextSince: string | null, nextUntil: string | null) => onChange(nextSince, nextUntil)
  const active = since !== null || until !== null

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          aria-label={`Filter by date: ${label}`}
          className={cn('w-full justify-start font-normal sm:w-auto', !active && 'text-muted-foreground')}
        >
          <CalendarIcon />
          <span className="truncate">{label}</span>
          <ChevronDownIcon className="ml-auto opacity-50" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="grid w-64 gap-3">
        <div className="grid gap-1" role="group" aria-label="Quick ranges">
          {DATE_PRESETS.map((preset) => {
            const range = presetRange(preset, today)
            const selected = since === range.since && until === null
            return (
              <Button
                key={preset.id}
                variant="ghost"
                size="sm"
                aria-pressed={selected}
                className={cn('justify-start', selected && 'bg-accent')}
                onClick={() => {
                  set(range.since, null)
                  setOpen(false)
                }}
              >
                {preset.label}
              </Button>
            )
          })}
        </div>
        <div className="grid grid-cols-2 gap-2 border-t pt-3">
          <div className="grid gap-1.5">
            <Label htmlFor={fromId} className="text-xs text-muted-foreground">
              From
            </Label>
            <Input
              id={fromId}
              type="date"
              value={since ?? ''}
              max={until ?? formatDay(today)}
              onChange={(e) => set(e.target.value || null, until)}
              className="px-2 text-xs"
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={toId} className="text-xs text-muted-foreground">
              To
            </Label>
            <Input
              id={toId}
              type="date"
              value={until ?? ''}
              min={since ?? undefined}
              onChange={(e) => set(since, e.target.value || null)}
              className="px-2 text-xs"
            />
          </div>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={!active}
          onClick={() => {
            set(null, null)
            setOpen(false)
          }}
        >
          Any time
        </Button>
      </PopoverContent>
    </Popover>
  )
}
