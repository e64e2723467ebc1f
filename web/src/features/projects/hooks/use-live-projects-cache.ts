import { useQueryClient } from '@tanstack/react-query'

import { useSocketEvent } from '@/lib/realtime'

import { getProjectQueryOptions } from '../api/get-project'
import { getProjectsQueryOptions } from '../api/get-projects'
import type { ProjectPage } from '../api/types'
import { patchProjectPage, removeProjectFromPage } from '../lib/live-cache'

/**
 * Keeps cached projects current from `project:updated` and `project:deleted` (the provider is in
 * the `global` room). Mounted once, in the app's provider.
 */
export function useLiveProjectsCache() {
  const queryClient = useQueryClient()
  const listKey = getProjectsQueryOptions().queryKey

  useSocketEvent('project:updated', ({ project }) => {
    queryClient.setQueryData(getProjectQueryOptions(project.id).queryKey, project)
    let missing = false
    for (const [queryKey, page] of queryClient.getQueriesData<ProjectPage>({ queryKey: listKey })) {
      if (!page) continue
      const next = patchProjectPage(page, project)
      if (next) queryClient.setQueryData(queryKey, next)
      else missing = true
    }
    // A new project, or one that now matches a search: only the server knows where it goes.
    if (missing) void queryClient.invalidateQueries({ queryKey: listKey })
  })

  useSocketEvent('project:deleted', ({ id }) => {
    for (const [queryKey, page] of queryClient.getQueriesData<ProjectPage>({ queryKey: listKey })) {
      if (page) queryClient.setQueryData(queryKey, removeProjectFromPage(page, id))
    }
    void queryClient.invalidateQueries({ queryKey: listKey })
    // Whoever looks at it learns it is gone (the page shows "not found").
    void queryClient.invalidateQueries({ queryKey: getProjectQueryOptions(id).queryKey })
  })
}
