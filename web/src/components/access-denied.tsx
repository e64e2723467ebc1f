import { LockIcon } from 'lucide-react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'

/** For a page the signed-in role may not use (the server would answer 403). */
export function AccessDenied({ what }: { what: string }) {
  return (
    <Card>
      <EmptyState
        icon={<LockIcon />}
        title="Admins only"
        description={`${what} can only be managed by an admin. Ask an admin if you need a change here.`}
        action={
          <Button asChild variant="outline">
            <Link to="/settings/account">Back to your account</Link>
          </Button>
        }
      />
    </Card>
  )
}
