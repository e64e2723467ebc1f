import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { toast } from 'sonner'

import { api, unwrap } from '@/lib/api-client'

import { markAllReadInCache, restoreSnapshot } from '../lib/cache'
import { getNotificationsQueryOptions } from './get-notifications'
import type { NotificationPage } from './types'

type Pages = InfiniteData<NotificationPage, string | undefined>

export function markAllNotificationsRead() {
  return unwrap(api.POST('/api/notifications/read-all'))
}

/** Everything read at once, everywhere; rolled back with the server's message if it refuses. */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient()
  const listKey = getNotificationsQueryOptions().queryKey
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: listKey })
      const before = queryClient.getQueriesData<Pages>({ queryKey: listKey })
      queryClient.setQueriesData<Pages>({ queryKey: listKey }, (data) => markAllReadInCache(data, new Date().toISOString()))
      return { before }
    },
    onError: (error, _vars, context) => {
      restoreSnapshot(queryClient, context?.before)
      toast.error('Could not mark notifications as read', { description: error.message })
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  })
}
