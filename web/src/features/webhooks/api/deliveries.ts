import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { pollInterval } from '../lib/delivery-status'
import { webhookKeys } from './keys'
import type { Delivery, DeliveryPage } from './types'

export const DELIVERIES_PAGE_SIZE = 20

export function getDeliveries(id: string, cursor: string | null, signal?: AbortSignal) {
  return apiRequest<DeliveryPage>('GET', `/api/webhooks/${segment(id)}/deliveries`, {
    query: { limit: DELIVERIES_PAGE_SIZE, cursor },
    signal,
  })
}

export function getDeliveriesQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ pageParam, signal }) => getDeliveries(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  })
}

/** While a delivery is on its way or waiting for a retry, read the log again now and then. */
export function useDeliveries(id: string) {
  return useInfiniteQuery({
    ...getDeliveriesQueryOptions(id),
    refetchInterval: (query) => pollInterval(query.state.data?.pages.flatMap((page) => page.deliveries.map((d) => d.status))),
  })
}

export function sendTestEvent(id: string) {
  return apiRequest<Delivery>('POST', `/api/webhooks/${segment(id)}/test`)
}

export function redeliver({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  return apiRequest<Delivery>('POST', `/api/webhooks/${segment(webhookId)}/deliveries/${segment(deliveryId)}/redeliver`)
}

function useInvalidateDeliveries() {
  const queryClient = useQueryClient()
  return (webhookId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(webhookId) }),
      queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
    ])
}

export function useSendTestEvent() {
  const invalidate = useInvalidateDeliveries()
  return useMutation({ mutationFn: sendTestEvent, onSuccess: (_delivery, id) => invalidate(id) })
}

export function useRedeliver() {
  const invalidate = useInvalidateDeliveries()
  return useMutation({ mutationFn: redeliver, onSuccess: (_delivery, { webhookId }) => invalidate(webhookId) })
}
