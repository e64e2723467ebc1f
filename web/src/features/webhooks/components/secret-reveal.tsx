import { AlertTriangleIcon, CheckIcon, CopyIcon } from 'lucide-react'
import { useState } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

/** A signing secret the server shows once, with a copy button and the warning that goes with it. */
export function SecretReveal({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
      window.setTimeout(() => setCopied(false), 2000)
    } catch {
      toast.error('Could not copy the secret', { description: 'Select it and copy it yourself.' })
    }
  }
  return (
    <div className="grid gap-4">
      <div role="alert" className="flex gap-2.5 rounded-md border border-warning/30 bg-warning-soft px-3 py-2.5 text-sm text-warning">
        <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p>Copy the signing secret now: it will not be shown again. Your receiver uses it to check the Baton-Signature header.</p>
      </div>
      <FormField label="Signing secret">
        {(props) => (
          <div className="flex items-center gap-2">
            <Input {...props} readOnly value={secret} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
            <Button variant="outline" onClick={() => void copy()} className="w-24 shrink-0">
              {copied ? <CheckIcon /> : <CopyIcon />}
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        )}
      </FormField>
    </div>
  )
}
