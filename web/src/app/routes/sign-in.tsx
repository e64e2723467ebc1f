import { Navigate, useSearchParams } from 'react-router'

import { FullPageLoader } from '@/components/layout/full-page-loader'
import { ThemeSwitch } from '@/components/layout/theme-switch'
import { SignInForm } from '@/features/auth/components/sign-in-form'
import { sanitizeNextPath } from '@/features/auth/lib/next-path'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { useSession } from '@/hooks/use-session'

export default function SignInRoute() {
  useDocumentTitle('Sign in')
  const state = useSession()
  const [params] = useSearchParams()
  if (state.status === 'restoring') return <FullPageLoader />
  // Signed in already, or just now: on to where the user was going (a path in this app only).
  if (state.status === 'signed-in') return <Navigate to={sanitizeNextPath(params.get('next'))} replace />
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center bg-muted/40 px-4 py-12 dark:bg-background">
      <div className="absolute top-3 right-3">
        <ThemeSwitch />
      </div>
      <main id="main" className="flex w-full justify-center">
        <SignInForm sessionEnded={state.reason === 'expired'} />
      </main>
    </div>
  )
}
