import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getTokensQueryOptions } from './get-tokens'
import type { ApiToken } from './types'

export async function revokeToken(id: string) {
  await unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id } } }))
}

export function useRevokeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: (_data, id) => {
      queryClient.setQueryData(getTokensQueryOptions().queryKey, (tokens: ApiToken[] | undefined) => tokens?.filter((t) => t.id !== id))
      return queryClient.invalidateQueries({ queryKey: getTokensQueryOptions().queryKey })
    },
  })
}
