import { AlertCircleIcon, Loader2Icon } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { ApiError } from '@/lib/api-client'

import { useLogin } from '../api/login'
import { formatRetryAfter } from '../lib/retry-after'

function describeFailure(error: Error): { title: string; detail?: string } {
  if (error instanceof ApiError && error.status === 429) {
    return { title: 'Too many failed attempts', detail: formatRetryAfter(error.retryAfterSeconds) }
  }
  return { title: error.message }
}

/**
 * Username and password. The route sends the user on once the session starts; this form only
 * signs in and shows the server's reason when that fails.
 */
export function SignInForm({ sessionEnded = false }: { sessionEnded?: boolean }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({})
  const login = useLogin()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const errors = {
      ...(username.trim() ? {} : { username: 'Enter your username.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    }
    setMissing(errors)
    if (Object.keys(errors).length > 0) return
    login.mutate({ username: username.trim(), password })
  }

  const failure = login.error ? describeFailure(login.error) : null
  const pending = login.isPending || login.isSuccess

  return (
    <Card className="w-full max-w-sm shadow-sm">
      <CardContent className="grid gap-6 p-6 sm:p-8">
        <div className="grid justify-items-center gap-3 text-center">
          <img src="/favicon.svg" alt="" className="size-11 rounded-xl dark:ring-1 dark:ring-white/20" />
          <div className="space-y-1">
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Baton</h1>
            <p className="text-sm text-muted-foreground">Run and watch your teams of coding agents.</p>
          </div>
        </div>

        {sessionEnded && !failure && (
          <p role="status" className="rounded-md border bg-muted/60 px-3 py-2 text-sm text-muted-foreground">
            Your session has ended. Sign in again to continue.
          </p>
        )}
        {failure && (
          <div
            role="alert"
            className="flex gap-2.5 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm text-destructive"
          >
            <AlertCircleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div className="space-y-0.5">
              <p className="font-medium first-letter:uppercase">{failure.title}</p>
              {failure.detail && <p className="text-destructive/90">{failure.detail}</p>}
            </div>
          </div>
        )}

        <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Sign in">
          <FormField label="Username" error={missing.username}>
            {(props) => (
              <Input
                {...props}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </FormField>
          <FormField label="Password" error={missing.password}>
            {(props) => (
              <Input
                {...props}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </FormField>
          <Button type="submit" className="mt-2 w-full" disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="text-center text-xs text-muted-foreground">Forgot your password? Ask an admin to reset it.</p>
      </CardContent>
    </Card>
  )
}
