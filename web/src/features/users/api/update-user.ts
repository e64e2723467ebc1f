import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, unwrap } from '@/lib/api-client'

import { getUsersQueryOptions } from './get-users'
import type { UpdateUserBody, User } from './types'

/** Partial: only the fields sent change. Any change ends that user's sessions (server side). */
export function updateUser({ id, body }: { id: string; body: UpdateUserBody }) {
  return unwrap(api.PUT('/api/users/{id}', { params: { path: { id } }, body }))
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData(getUsersQueryOptions().queryKey, (users: User[] | undefined) =>
        users?.map((u) => (u.id === user.id ? user : u)),
      )
      return queryClient.invalidateQueries({ queryKey: getUsersQueryOptions().queryKey })
    },
  })
}
