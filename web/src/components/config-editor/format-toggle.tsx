import { cn } from '@/lib/utils'

import type { ConfigFormat } from './source'

const FORMATS: { value: ConfigFormat; label: string }[] = [
  { value: 'yaml', label: 'YAML' },
  { value: 'json', label: 'JSON' },
]

/** YAML | JSON, as two toggle buttons: the pressed one is the format shown. */
export function FormatToggle({ value, onChange }: { value: ConfigFormat; onChange: (format: ConfigFormat) => void }) {
  return (
    <div role="group" aria-label="Format" className="inline-flex h-8 items-center rounded-md border bg-muted/60 p-0.5">
      {FORMATS.map((format) => (
        <button
          key={format.value}
          type="button"
          aria-pressed={value === format.value}
          onClick={() => value !== format.value && onChange(format.value)}
          className={cn(
            'h-full cursor-pointer rounded-[5px] px-2.5 text-xs font-medium text-muted-foreground transition-colors outline-none hover:text-foreground',
            'focus-visible:ring-[3px] focus-visible:ring-ring/50',
            'aria-pressed:bg-background aria-pressed:text-foreground aria-pressed:shadow-xs dark:aria-pressed:bg-input/40',
          )}
        >
          {format.label}
        </button>
      ))}
    </div>
  )
}
