import { RoleBadge } from '@/components/role-badge'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useCurrentUser } from '@/hooks/use-session'
import { ROLE_DESCRIPTIONS } from '@/lib/permissions'

export default function AccountRoute() {
  useDocumentTitle('Account')
  const user = useCurrentUser()
  if (!user) return null
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Your account</CardTitle>
        <CardDescription>To change your role or password, ask an admin.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="divide-y rounded-lg border text-sm">
          <div className="grid gap-1 px-4 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4">
            <dt className="text-muted-foreground">Username</dt>
            <dd className="font-medium">{user.username}</dd>
          </div>
          <div className="grid gap-1 px-4 py-3 sm:grid-cols-[8rem_1fr] sm:gap-4">
            <dt className="text-muted-foreground">Role</dt>
            <dd className="grid gap-1.5">
              <RoleBadge role={user.role} />
              <span className="text-muted-foreground">{ROLE_DESCRIPTIONS[user.role]}</span>
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  )
}
