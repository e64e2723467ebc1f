import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { toast } from 'sonner'

import { api, unwrap } from '@/lib/api-client'

import { markReadInCache, restoreSnapshot } from '../lib/cache'
import { getNotificationsQueryOptions } from './get-notifications'
import type { NotificationPage } from './types'

type Pages = InfiniteData<NotificationPage, string | undefined>

export function markNotificationRead(id: string) {
  return unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }))
}

/** Reads at once in every list (the bell's count drops on click), rolled back if the server refuses. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient()
  const listKey = getNotificationsQueryOptions().queryKey
  return useMutation({
    mutationFn: markNotificationRead,
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: listKey })
      const before = queryClient.getQueriesData<Pages>({ queryKey: listKey })
      queryClient.setQueriesData<Pages>({ queryKey: listKey }, (data) => markReadInCache(data, id, new Date().toISOString()))
      return { before }
    },
    onError: (error, _id, context) => {
      restoreSnapshot(queryClient, context?.before)
      toast.error('Could not mark the notification as read', { description: error.message })
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  })
}
