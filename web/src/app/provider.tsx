import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Toaster } from 'sonner'

import { ThemeProvider } from '@/app/theme-provider'
import { useTheme } from '@/app/theme-context'
import { useSessionLifecycle } from '@/app/use-session-lifecycle'
import { TooltipProvider } from '@/components/ui/tooltip'
import { useLiveExecutionsCache } from '@/features/executions/hooks/use-live-executions-cache'
import { useLiveProjectsCache } from '@/features/projects/hooks/use-live-projects-cache'
import { ApiError } from '@/lib/api-client'
import { RealtimeProvider } from '@/lib/realtime'

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A 4xx will not get better by asking again; network blips and 5xx might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  })
}

function ThemedToaster() {
  const { resolvedTheme } = useTheme()
  return <Toaster theme={resolvedTheme} position="bottom-right" closeButton />
}

/** Socket events → cached responses, for the whole app. */
function LiveCache() {
  useLiveExecutionsCache()
  useLiveProjectsCache()
  return null
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient)
  useSessionLifecycle(queryClient)
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider>
          <LiveCache />
          <TooltipProvider delayDuration={300}>
            {children}
            <ThemedToaster />
          </TooltipProvider>
        </RealtimeProvider>
      </QueryClientProvider>
    </ThemeProvider>
  )
}
