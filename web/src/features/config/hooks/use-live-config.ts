import { useQueryClient } from '@tanstack/react-query'

import { useSocketEvent, useSubscription } from '@/lib/realtime'

/**
 * Keeps the configuration current from the `global` room: a save, revert or import anywhere has
 * the affected documents read again (an editor with unsaved edits then offers the new version).
 * A global change shows through every project's effective view, so it refreshes them all.
 */
export function useLiveConfig() {
  const queryClient = useQueryClient()
  useSubscription({ kind: 'global' })
  useSocketEvent('config:updated', ({ scope, project_id }) => {
    const queryKey = scope === 'project' && project_id ? ['config', 'project', project_id] : ['config']
    void queryClient.invalidateQueries({ queryKey })
  })
}
