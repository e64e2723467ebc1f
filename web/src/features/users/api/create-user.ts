import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getUsersQueryOptions } from './get-users'
import type { CreateUserBody } from './types'

export function createUser(body: CreateUserBody) {
  return unwrap(api.POST('/api/users', { body }))
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey }),
  })
}
