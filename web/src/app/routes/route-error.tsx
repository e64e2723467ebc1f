import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { Button } from '@/components/ui/button'

/** Last line of defence for a render error; keeps the user one click away from a working page. */
export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <div className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        role="alert"
        title="Something went wrong"
        description={message}
        action={
          <>
            <Button variant="outline" onClick={() => window.location.reload()}>
              Reload
            </Button>
            <Button asChild>
              <Link to="/projects" reloadDocument>
                Go to projects
              </Link>
            </Button>
          </>
        }
      />
    </div>
  )
}
