import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiRequest } from '@/lib/api-request'

import { pollInterval } from '../lib/delivery-status'
import { webhookKeys } from './keys'
import type { Webhook, WebhookList } from './types'

export async function getWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  const data = await apiRequest<WebhookList>('GET', '/api/webhooks', { signal })
  // The contract leaves the envelope open: accept a bare list as well.
  return Array.isArray(data) ? data : data.webhooks
}

export function getWebhooksQueryOptions() {
  return queryOptions({ queryKey: webhookKeys.list(), queryFn: ({ signal }) => getWebhooks(signal) })
}

/** While a last delivery is under way, read the list again now and then to show how it ended. */
export function useWebhooks() {
  return useQuery({
    ...getWebhooksQueryOptions(),
    refetchInterval: (query) => pollInterval(query.state.data?.map((w) => w.last_delivery?.status)),
  })
}

