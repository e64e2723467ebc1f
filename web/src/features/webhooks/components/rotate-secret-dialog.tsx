import { Loader2Icon } from 'lucide-react'
import { useState } from 'react'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'

import { useRotateWebhookSecret } from '../api/save-webhook'
import type { Webhook } from '../api/types'
import { SecretReveal } from './secret-reveal'

/** Confirms, rotates, then shows the new secret once. */
export function RotateSecretDialog({ webhook, open, onOpenChange }: { webhook: Webhook; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [secret, setSecret] = useState<string | null>(null)
  const rotate = useRotateWebhookSecret()
  const pending = rotate.isPending
  const change = (next: boolean) => {
    if (pending) return
    if (!next) setSecret(null)
    onOpenChange(next)
  }
  const confirm = () =>
    rotate.mutate(webhook.id, {
      onSuccess: (result) => {
        setSecret(result.secret)
        toast.success('Signing secret rotated')
      },
      onError: (error) => toast.error('Could not rotate the secret', { description: error.message }),
    })
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent onInteractOutside={(event) => secret && event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{secret ? 'New signing secret' : `Rotate the secret of “${webhook.name}”?`}</DialogTitle>
          <DialogDescription>
            {secret
              ? 'Deliveries from now on are signed with it.'
              : 'Baton signs with a new secret at once; the receiver rejects deliveries until you give it the new one.'}
          </DialogDescription>
        </DialogHeader>
        {secret && <SecretReveal secret={secret} />}
        <DialogFooter>
          {secret ? (
            <Button onClick={() => change(false)}>Done</Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => change(false)} disabled={pending}>
                Cancel
              </Button>
              <Button onClick={confirm} disabled={pending}>
                {pending && <Loader2Icon className="animate-spin" />}
                {pending ? 'Rotating…' : 'Rotate secret'}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
