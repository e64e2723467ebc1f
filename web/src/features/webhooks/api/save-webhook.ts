import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from '@/lib/api-request'

import { webhookKeys } from './keys'
import type { CreatedWebhook, Webhook, WebhookBody } from './types'

/** The answer holds the signing secret, shown once: it is never put in the query cache. */
export function createWebhook(body: WebhookBody) {
  return apiRequest<CreatedWebhook>('POST', '/api/webhooks', { body })
}

export function updateWebhook({ id, body }: { id: string; body: Partial<WebhookBody> }) {
  return apiRequest<Webhook>('PUT', `/api/webhooks/${segment(id)}`, { body })
}

export function deleteWebhook(id: string) {
  return apiRequest<void>('DELETE', `/api/webhooks/${segment(id)}`)
}

export function rotateWebhookSecret(id: string) {
  return apiRequest<{ secret: string }>('POST', `/api/webhooks/${segment(id)}/rotate-secret`)
}

function useInvalidateList() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() })
}

export function useCreateWebhook() {
  const invalidate = useInvalidateList()
  return useMutation({ mutationFn: createWebhook, onSuccess: invalidate })
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateWebhook,
    onSuccess: (saved) => {
      queryClient.setQueryData<Webhook[]>(webhookKeys.list(), (list) => list?.map((w) => (w.id === saved.id ? { ...w, ...saved } : w)))
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list() })
    },
  })
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_data, id) => {
      queryClient.setQueryData<Webhook[]>(webhookKeys.list(), (list) => list?.filter((w) => w.id !== id))
      queryClient.removeQueries({ queryKey: webhookKeys.deliveries(id) })
      return queryClient.invalidateQueries({ queryKey: webhookKeys.list() })
    },
  })
}

export function useRotateWebhookSecret() {
  const invalidate = useInvalidateList()
  return useMutation({ mutationFn: rotateWebhookSecret, onSuccess: invalidate })
}
