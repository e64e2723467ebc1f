import { InfoIcon, PlusIcon } from 'lucide-react'
import { useState } from 'react'

import { AccessDenied } from '@/components/access-denied'
import { Button } from '@/components/ui/button'
import { AddUserDialog } from '@/features/users/components/add-user-dialog'
import { UsersList } from '@/features/users/components/users-list'
import { useCan } from '@/hooks/use-can'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function UsersRoute() {
  useDocumentTitle('Users')
  const allowed = useCan('users:manage')
  const [adding, setAdding] = useState(false)
  if (!allowed) return <AccessDenied what="Users" />
  return (
    <section aria-labelledby="users-heading" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h2 id="users-heading" className="text-lg font-semibold tracking-tight">
            Users
          </h2>
          <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
            <InfoIcon aria-hidden className="size-3.5 shrink-0" />
            Changing a user&apos;s role or password, or disabling them, signs them out everywhere.
          </p>
        </div>
        <Button onClick={() => setAdding(true)}>
          <PlusIcon />
          Add user
        </Button>
      </div>
      <UsersList onAdd={() => setAdding(true)} />
      <AddUserDialog open={adding} onOpenChange={setAdding} />
    </section>
  )
}
