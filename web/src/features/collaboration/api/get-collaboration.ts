import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { CollaborationParams } from './types'

export function getCollaboration(params: CollaborationParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/collaboration', { params: { query: params }, signal }))
}

/** Without params the key is the prefix of every range and project, which live updates refresh. */
export function getCollaborationQueryOptions(params?: CollaborationParams) {
  return queryOptions({
    queryKey: params ? ['collaboration', params] : ['collaboration'],
    queryFn: ({ signal }) => getCollaboration(params ?? {}, signal),
  })
}

export function useCollaboration(params: CollaborationParams) {
  // Another range or project keeps the current graph (dimmed) until its answer arrives.
  return useQuery({ ...getCollaborationQueryOptions(params), placeholderData: keepPreviousData })
}
