import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getTokensQueryOptions } from './get-tokens'
import type { CreateTokenBody } from './types'

/** The answer holds the secret: the only time the server shows it. It is never put in the query cache. */
export function createToken(body: CreateTokenBody) {
  return unwrap(api.POST('/api/tokens', { body }))
}

export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getTokensQueryOptions().queryKey }),
  })
}
