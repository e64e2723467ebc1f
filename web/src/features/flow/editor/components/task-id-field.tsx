import { useState } from 'react'

import { FormField } from '@/components/form-field'
import { Input } from '@/components/ui/input'

/**
 * The id is committed on Enter or when the field is left, not on every key: renaming carries the
 * new id into the tasks that depend on it, and a half-typed id would be carried too.
 */
export function TaskIdField({ id, error, readOnly, onCommit }: { id: string; error?: string; readOnly: boolean; onCommit: (id: string) => void }) {
  const [text, setText] = useState(id)
  const [seen, setSeen] = useState(id)
  if (seen !== id) {
    setSeen(id)
    setText(id)
  }
  const commit = () => {
    const next = text.trim()
    if (next !== id) onCommit(next)
    else setText(id)
  }
  return (
    <FormField label="ID" hint="Letters, digits, - _ and . (other tasks depend on it by this name)." error={error}>
      {(props) => (
        <Input
          {...props}
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          autoComplete="off"
          className="font-mono text-[13px]"
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit()
            if (event.key === 'Escape') setText(id)
          }}
        />
      )}
    </FormField>
  )
}
