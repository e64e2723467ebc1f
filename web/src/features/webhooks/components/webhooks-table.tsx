import { toast } from 'sonner'

import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { Switch } from '@/components/ui/switch'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table'

import { useUpdateWebhook } from '../api/save-webhook'
import type { Webhook } from '../api/types'
import { eventsSummary } from '../lib/events'
import { DeliveryStatusBadge } from './delivery-status-badge'

function Columns() {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        <TableHead>Webhook</TableHead>
        <TableHead className="hidden w-44 md:table-cell">Events</TableHead>
        <TableHead className="hidden w-32 lg:table-cell">Project</TableHead>
        <TableHead className="w-20">Active</TableHead>
        <TableHead className="w-44">Last delivery</TableHead>
      </TableRow>
    </TableHeader>
  )
}

export function WebhooksTable({
  webhooks,
  projectNames,
  canManage,
  onOpen,
}: {
  webhooks: Webhook[]
  projectNames: Map<string, string>
  canManage: boolean
  onOpen: (webhook: Webhook) => void
}) {
  const update = useUpdateWebhook()
  const setActive = (webhook: Webhook, active: boolean) =>
    update.mutate(
      { id: webhook.id, body: { active } },
      {
        onSuccess: () => toast.success(active ? `“${webhook.name}” is active` : `“${webhook.name}” paused`),
        onError: (error) => toast.error('Could not change the webhook', { description: error.message }),
      },
    )
  return (
    <Table aria-label="Webhooks" className="table-fixed">
      <Columns />
      <TableBody>
        {webhooks.map((webhook) => (
          <TableRow key={webhook.id} data-webhook={webhook.id}>
            <TableCell className="max-w-0">
              <button
                type="button"
                onClick={() => onOpen(webhook)}
                aria-label={`Open ${webhook.name}`}
                className="block max-w-full cursor-pointer truncate rounded-sm text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {webhook.name}
              </button>
              <span className="block truncate font-mono text-xs text-muted-foreground" title={webhook.url}>
                {webhook.url}
              </span>
            </TableCell>
            <TableCell className="hidden max-w-0 md:table-cell">
              <span className="block truncate text-muted-foreground" title={webhook.events.join(', ') || 'All events'}>
                {eventsSummary(webhook.events)}
              </span>
            </TableCell>
            <TableCell className="hidden max-w-0 lg:table-cell">
              {webhook.project_id ? (
                <span className="block truncate">{projectNames.get(webhook.project_id) ?? webhook.project_id}</span>
              ) : (
                <Badge variant="muted">Global</Badge>
              )}
            </TableCell>
            <TableCell>
              {canManage ? (
                <Switch
                  checked={webhook.active}
                  aria-label={`${webhook.name} active`}
                  disabled={update.isPending && update.variables?.id === webhook.id}
                  onCheckedChange={(active) => setActive(webhook, active)}
                />
              ) : (
                <Badge variant={webhook.active ? 'success' : 'muted'}>{webhook.active ? 'Active' : 'Off'}</Badge>
              )}
            </TableCell>
            <TableCell>
              {webhook.last_delivery ? (
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <DeliveryStatusBadge status={webhook.last_delivery.status} />
                  <span className="text-xs text-muted-foreground">
                    {webhook.last_delivery.status_code != null && `${webhook.last_delivery.status_code} · `}
                    <RelativeTime value={webhook.last_delivery.at} />
                  </span>
                </span>
              ) : (
                <span className="text-muted-foreground">Never</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

export function WebhooksTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Table aria-label="Loading webhooks" aria-busy="true" className="table-fixed">
      <Columns />
      <TableBody>
        {Array.from({ length: rows }, (_, index) => (
          <TableRow key={index} className="hover:bg-transparent">
            <TableCell>
              <Skeleton className="h-4 w-32" />
              <Skeleton className="mt-1.5 h-3 w-56" />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <Skeleton className="h-3.5 w-24" />
            </TableCell>
            <TableCell className="hidden lg:table-cell">
              <Skeleton className="h-5 w-14 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-9 rounded-full" />
            </TableCell>
            <TableCell>
              <Skeleton className="h-5 w-24 rounded-full" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
