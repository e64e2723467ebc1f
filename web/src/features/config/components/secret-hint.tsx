import { LockIcon } from 'lucide-react'

/** How to mark a value secret, in one line. */
export function SecretHint() {
  return (
    <p className="flex items-start gap-1.5 text-xs text-muted-foreground">
      <LockIcon aria-hidden className="mt-px size-3.5 shrink-0" />
      <span>
        Mark a secret as <code className="rounded bg-muted px-1 font-mono">API_KEY: {'{secret: "sk-…"}'}</code>: it is stored encrypted and shows as{' '}
        <code className="rounded bg-muted px-1 font-mono">********</code>; leave the mask to keep the stored value.
      </span>
    </p>
  )
}
