import { useQueryClient } from '@tanstack/react-query'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

import { webhookKeys } from '../api/keys'

/**
 * Each delivery attempt (`webhook:delivery`, global room) re-reads the webhook's delivery log
 * and the list's "last delivery", so a test event or a retry shows as it happens.
 */
export function useLiveDeliveries() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })
  useSocketEvent('webhook:delivery', ({ webhook_id }) => {
    void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhook_id) })
    void queryClient.invalidateQueries({ queryKey: webhookKeys.list() })
  })
}
