import { PlusIcon, WebhookIcon } from 'lucide-react'
import { useMemo, useState, type ReactNode } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

import { useProjectOptions } from '../api/get-projects'
import { useWebhooks } from '../api/get-webhooks'
import type { Webhook } from '../api/types'
import { useWebhookPermissions } from '../lib/permissions'
import { DeleteWebhookDialog } from './delete-webhook-dialog'
import { RotateSecretDialog } from './rotate-secret-dialog'
import { WebhookDetail } from './webhook-detail'
import { WebhookFormDialog } from './webhook-form-dialog'
import { WebhooksTable, WebhooksTableSkeleton } from './webhooks-table'
import { useLiveDeliveries } from '../hooks/use-live-deliveries'

// A webhook being deleted is held as it was: deleting takes it out of the list, and the dialog
// must stay to report the result.
type Open = { kind: 'detail' | 'edit' | 'rotate'; id: string } | { kind: 'delete'; webhook: Webhook } | { kind: 'create' } | null

/** The Configuration page's "Webhooks" tab: where Baton sends events, and how each delivery went. */
export function WebhooksTab() {
  useLiveDeliveries()
  const may = useWebhookPermissions()
  const query = useWebhooks()
  const projects = useProjectOptions()
  const projectNames = useMemo(() => new Map((projects.data ?? []).map((p) => [p.id, p.name])), [projects.data])
  const [open, setOpen] = useState<Open>(null)
  const current = open && open.kind !== 'create' && open.kind !== 'delete' ? query.data?.find((w) => w.id === open.id) : undefined
  const close = () => setOpen(null)
  const backToDetail = () => (current ? setOpen({ kind: 'detail', id: current.id }) : close())

  let body: ReactNode
  if (query.isPending) body = <WebhooksTableSkeleton />
  else if (query.isError)
    body = <ErrorState title="Could not load webhooks" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  else if (query.data.length === 0)
    body = (
      <EmptyState
        icon={<WebhookIcon />}
        title="No webhooks"
        description={
          may.manage
            ? 'Create one to have Baton POST signed events (an execution failed, a project changed) to your own services.'
            : 'An admin can create one to have Baton POST events to other services.'
        }
        action={
          may.manage && (
            <Button onClick={() => setOpen({ kind: 'create' })}>
              <PlusIcon />
              Create webhook
            </Button>
          )
        }
      />
    )
  else body = <WebhooksTable webhooks={query.data} projectNames={projectNames} canManage={may.manage} onOpen={(w) => setOpen({ kind: 'detail', id: w.id })} />

  return (
    <section aria-labelledby="webhooks-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h2 id="webhooks-heading" className="text-lg font-semibold tracking-tight">
            Webhooks
          </h2>
          <p className="text-sm text-muted-foreground">Baton POSTs signed JSON to these URLs when events happen, and retries until they answer.</p>
        </div>
        {may.manage && (
          <Button onClick={() => setOpen({ kind: 'create' })}>
            <PlusIcon />
            Create webhook
          </Button>
        )}
      </div>
      <Card className="overflow-hidden">{body}</Card>

      {current && open?.kind === 'detail' && (
        <WebhookDetail
          webhook={current}
          projectName={current.project_id ? (projectNames.get(current.project_id) ?? null) : null}
          open
          onOpenChange={(next) => !next && close()}
          onEdit={() => setOpen({ kind: 'edit', id: current.id })}
          onRotate={() => setOpen({ kind: 'rotate', id: current.id })}
          onDelete={() => setOpen({ kind: 'delete', webhook: current })}
        />
      )}
      {current && open?.kind === 'edit' && <WebhookFormDialog webhook={current} open onOpenChange={(next) => !next && backToDetail()} />}
      {current && open?.kind === 'rotate' && <RotateSecretDialog webhook={current} open onOpenChange={(next) => !next && backToDetail()} />}
      {open?.kind === 'delete' && (
        <DeleteWebhookDialog
          webhook={open.webhook}
          open
          onOpenChange={(next) => !next && setOpen({ kind: 'detail', id: open.webhook.id })}
          onDeleted={close}
        />
      )}
      <WebhookFormDialog open={open?.kind === 'create'} onOpenChange={(next) => !next && close()} />
    </section>
  )
}
