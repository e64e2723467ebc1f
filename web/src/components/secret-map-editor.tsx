import { PlusIcon, XIcon } from 'lucide-react'
import { useId } from 'react'

import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Switch } from '@/components/ui/switch'
import { emptyRow, type SecretRow } from '@/lib/secret-map'

/**
 * Name/value rows with a "secret" toggle per value (headers, environment). A stored secret shows
 * as kept until a new value is typed; the server never sends it back.
 */
export function SecretMapEditor({
  legend,
  itemLabel,
  rows,
  onChange,
  errors = {},
  namePlaceholder = 'Name',
  disabled = false,
}: {
  legend: string
  /** One entry, for labels: "header", "variable". */
  itemLabel: string
  rows: readonly SecretRow[]
  onChange: (rows: SecretRow[]) => void
  errors?: Record<string, string>
  namePlaceholder?: string
  disabled?: boolean
}) {
  const legendId = useId()
  const update = (id: string, patch: Partial<SecretRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  return (
    <fieldset className="grid gap-2" aria-labelledby={legendId} disabled={disabled}>
      <legend id={legendId} className="mb-2 text-sm leading-none font-medium">
        {legend}
      </legend>
      {rows.length === 0 && <p className="text-xs text-muted-foreground">None.</p>}
      {rows.map((row, index) => {
        const n = index + 1
        const error = errors[row.id]
        return (
          <div key={row.id} className="grid gap-1">
            <div className="flex items-center gap-2">
              <Input
                aria-label={`${itemLabel} ${n} name`}
                placeholder={namePlaceholder}
                value={row.name}
                autoComplete="off"
                spellCheck={false}
                className="w-2/5 font-mono text-xs"
                aria-invalid={error ? true : undefined}
                onChange={(e) => update(row.id, { name: e.target.value })}
              />
              <Input
                aria-label={`${itemLabel} ${n} value`}
                type={row.secret ? 'password' : 'text'}
                placeholder={row.kept ? 'unchanged (stored secret)' : 'Value'}
                value={row.value}
                autoComplete={row.secret ? 'new-password' : 'off'}
                spellCheck={false}
                className="flex-1 font-mono text-xs"
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
              <label className="flex shrink-0 items-center gap-1.5 text-xs text-muted-foreground">
                <Switch
                  aria-label={`${itemLabel} ${n} is secret`}
                  checked={row.secret}
                  // A kept secret has no value to show in the clear: turning it off starts empty.
                  onCheckedChange={(secret) => update(row.id, secret ? { secret } : { secret, kept: false })}
                />
                Secret
              </label>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Remove ${itemLabel} ${n}`}
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              >
                <XIcon />
              </Button>
            </div>
            {error && <p className="text-xs font-medium text-destructive">{error}</p>}
          </div>
        )
      })}
      <div>
        <Button variant="outline" size="sm" onClick={() => onChange([...rows, emptyRow()])}>
          <PlusIcon />
          Add {itemLabel}
        </Button>
      </div>
    </fieldset>
  )
}
