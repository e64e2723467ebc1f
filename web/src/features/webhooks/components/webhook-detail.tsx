import { KeyRoundIcon, Loader2Icon, PencilIcon, SendIcon, Trash2Icon } from 'lucide-react'
import { toast } from 'sonner'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { displayValue } from '@/lib/secret-map'

import { useSendTestEvent } from '../api/deliveries'
import type { Webhook } from '../api/types'
import { isAllEvents } from '../lib/events'
import { useWebhookPermissions } from '../lib/permissions'
import { DeliveryLog } from './delivery-log'
import { SignatureSnippet } from './signature-snippet'

/** One webhook: what it sends where, its delivery log, and the actions on it. */
export function WebhookDetail({
  webhook,
  projectName,
  open,
  onOpenChange,
  onEdit,
  onRotate,
  onDelete,
}: {
  webhook: Webhook
  projectName: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
  onEdit: () => void
  onRotate: () => void
  onDelete: () => void
}) {
  const may = useWebhookPermissions()
  const test = useSendTestEvent()
  const sendTest = () =>
    test.mutate(webhook.id, {
      onSuccess: () => toast.success('Test event sent', { description: 'It shows in the delivery log below.' }),
      onError: (error) => toast.error('Could not send the test event', { description: error.message }),
    })
  const headers = Object.entries(webhook.headers ?? {})
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle className="flex flex-wrap items-center gap-2">
            {webhook.name}
            <Badge variant={webhook.active ? 'success' : 'muted'}>{webhook.active ? 'Active' : 'Inactive'}</Badge>
          </DialogTitle>
          <DialogDescription className="font-mono break-all">{webhook.url}</DialogDescription>
        </DialogHeader>

        <div className="flex flex-wrap gap-2">
          {may.deliver && (
            <Button onClick={sendTest} disabled={test.isPending}>
              {test.isPending ? <Loader2Icon className="animate-spin" /> : <SendIcon />}
              Send test event
            </Button>
          )}
          {may.manage && (
            <>
              <Button variant="outline" onClick={onEdit}>
                <PencilIcon />
                Edit
              </Button>
              <Button variant="outline" onClick={onRotate}>
                <KeyRoundIcon />
                Rotate secret
              </Button>
              <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive" onClick={onDelete}>
                <Trash2Icon />
                Delete
              </Button>
            </>
          )}
        </div>

        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div className="grid gap-1">
            <dt className="text-xs font-medium text-muted-foreground">Events</dt>
            <dd className="flex flex-wrap gap-1">
              {isAllEvents(webhook.events) ? (
                <Badge variant="secondary">All events</Badge>
              ) : (
                webhook.events.map((event) => (
                  <Badge key={event} variant="outline" className="font-mono">
                    {event}
                  </Badge>
                ))
              )}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-xs font-medium text-muted-foreground">Project</dt>
            <dd>{webhook.project_id ? (projectName ?? webhook.project_id) : 'Global (every project)'}</dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-xs font-medium text-muted-foreground">Headers</dt>
            <dd className="grid gap-0.5 font-mono text-xs">
              {headers.length === 0
                ? <span className="font-sans text-sm text-muted-foreground">None</span>
                : headers.map(([name, value]) => (
                    <span key={name} className="truncate">
                      {name}: <span className="text-muted-foreground">{displayValue(value).text}</span>
                    </span>
                  ))}
            </dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-xs font-medium text-muted-foreground">Signing secret</dt>
            <dd>{webhook.secret_set ? 'Set (shown only when created or rotated)' : 'None: requests are not signed'}</dd>
          </div>
        </dl>

        <section className="grid gap-2">
          <h3 className="text-sm font-semibold">Deliveries</h3>
          <DeliveryLog webhookId={webhook.id} canRedeliver={may.deliver} />
        </section>

        <SignatureSnippet />
      </DialogContent>
    </Dialog>
  )
}
