import { PlusIcon } from 'lucide-react'
import { useState } from 'react'

import { AccessDenied } from '@/components/access-denied'
import { Button } from '@/components/ui/button'
import { CreateTokenDialog } from '@/features/tokens/components/create-token-dialog'
import { TokensList } from '@/features/tokens/components/tokens-list'
import { useCan } from '@/hooks/use-can'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function TokensRoute() {
  useDocumentTitle('API tokens')
  const allowed = useCan('tokens:manage')
  const [creating, setCreating] = useState(false)
  if (!allowed) return <AccessDenied what="API tokens" />
  return (
    <section aria-labelledby="tokens-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h2 id="tokens-heading" className="text-lg font-semibold tracking-tight">
            API tokens
          </h2>
          <p className="text-sm text-muted-foreground">
            Scripts and agent hooks send these as a bearer token. Revoking one stops it at once.
          </p>
        </div>
        <Button onClick={() => setCreating(true)}>
          <PlusIcon />
          Create token
        </Button>
      </div>
      <TokensList onCreate={() => setCreating(true)} />
      <CreateTokenDialog open={creating} onOpenChange={setCreating} />
    </section>
  )
}
