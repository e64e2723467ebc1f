import { Suspense, type ReactNode } from 'react'
import { Outlet } from 'react-router'

import { Header } from '@/components/layout/header'
import { Sidebar } from '@/components/layout/sidebar'
import { PageFallback } from '@/components/layout/page-fallback'

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
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8 md:py-8">
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </main>
  )
}
