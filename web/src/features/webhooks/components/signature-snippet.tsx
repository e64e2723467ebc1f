import { VERIFY_SNIPPET } from '../lib/signature'

/** How a receiver checks that a request came from Baton. */
export function SignatureSnippet() {
  return (
    <details className="rounded-md border px-3 py-2 text-sm">
      <summary className="w-fit cursor-pointer rounded-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
        Verify the signature
      </summary>
      <div className="mt-2 grid gap-2 text-muted-foreground">
        <p>
          Each request carries <code className="font-mono text-xs text-foreground">Baton-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where{' '}
          <code className="font-mono text-xs text-foreground">v1</code> is the HMAC-SHA256, keyed with the signing secret, of{' '}
          <code className="font-mono text-xs text-foreground">"&lt;t&gt;.&lt;raw body&gt;"</code>. Reject old timestamps to stop replays;{' '}
          <code className="font-mono text-xs text-foreground">Baton-Delivery</code> is the same on every retry, for de-duplication.
        </p>
        <pre className="overflow-x-auto rounded bg-muted px-3 py-2 font-mono text-xs text-foreground">{VERIFY_SNIPPET}</pre>
      </div>
    </details>
  )
}
