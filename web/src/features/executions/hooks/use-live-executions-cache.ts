import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

import { useSocketEvent } from '@/lib/realtime'

import { createLiveExecutions } from '../lib/live-executions'

/**
 * Keeps every cached execution list and execution page current from the socket's lifecycle
 * events (the provider is in the `global` room): rows and details are patched in place, lists
 * whose membership may have changed are fetched again. Mounted once, in the app's provider.
 */
export function useLiveExecutionsCache() {
  const queryClient = useQueryClient()
  const [live] = useState(() => createLiveExecutions(queryClient))
  useEffect(() => {
    const unsubscribe = live.start()
    return () => {
      unsubscribe()
      live.stop()
    }
  }, [live])

  useSocketEvent('execution:started', ({ execution }) => live.change({ execution, membershipMayChange: true, ended: false }))
  useSocketEvent('execution:progress', ({ execution, task }) => live.change({ execution, task, membershipMayChange: false, ended: false }))
  useSocketEvent('execution:completed', ({ execution }) => live.change({ execution, membershipMayChange: true, ended: true }))
  useSocketEvent('execution:failed', ({ execution }) => live.change({ execution, membershipMayChange: true, ended: true }))
  useSocketEvent('execution:cancelled', ({ execution }) => live.change({ execution, membershipMayChange: true, ended: true }))
  useSocketEvent('project:updated', ({ project }) => live.renameProject(project.id, project.name))
}
