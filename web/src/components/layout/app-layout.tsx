import { Suspense, type ReactNode } from 'react'
import { Outlet, useMatches } from 'react-router'

import { Header } from '@/components/layout/header'
import { Sidebar } from '@/components/layout/sidebar'
import { PageFallback } from '@/components/layout/page-fallback'
import { cn } from '@/lib/utils'

/** A route's `handle`: `fullBleed` pages (graph canvases) fill the content area edge to edge. */
export type RouteHandle = { fullBleed?: boolean }

/** The signed-in shell; `userMenu` fills the header's right slot (it comes from the auth feature). */
export function AppLayout({ userMenu }: { userMenu?: ReactNode }) {
  return (
    <div className="flex min-h-dvh">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Header userMenu={userMenu} />
        <MainContent />
      </div>
    </div>
  )
}

function MainContent() {
  const fullBleed = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.fullBleed)
  return (
    <main
      id="main"
      data-full-bleed={fullBleed || undefined}
      className={cn('w-full min-w-0 flex-1', fullBleed ? 'flex flex-col' : 'mx-auto max-w-6xl px-4 py-6 md:px-8 md:py-8')}
    >
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </main>
  )
}
