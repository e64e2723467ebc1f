import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import type { AuditParams } from './types'

export const AUDIT_PAGE_SIZE = 50

export function getAudit(params: AuditParams, signal?: AbortSignal) {
  return unwrap(api.GET('/api/audit', { params: { query: params }, signal }))
}

export function getAuditQueryOptions(params?: AuditParams) {
  return queryOptions({
    queryKey: params ? ['audit', 'list', params] : ['audit', 'list'],
    queryFn: ({ signal }) => getAudit(params ?? {}, signal),
  })
}

export function useAudit(params: AuditParams) {
  return useQuery({ ...getAuditQueryOptions(params), placeholderData: keepPreviousData })
}
