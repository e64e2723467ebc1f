import { CompassIcon } from 'lucide-react'
import { Link, useLocation } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function NotFoundRoute() {
  useDocumentTitle('Page not found')
  const { pathname } = useLocation()
  return (
    <Card>
      <EmptyState
        icon={<CompassIcon />}
        title="Page not found"
        description={
          <>
            Nothing lives at <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs break-all">{pathname}</code>.
            Check the address, or go back to your projects.
          </>
        }
        action={
          <Button asChild>
            <Link to="/projects">Go to projects</Link>
          </Button>
        }
      />
    </Card>
  )
}
