import { Suspense } from 'react'
import { Navigate, NavLink, Outlet } from 'react-router'

import { PageHeader } from '@/components/layout/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

const tabClass =
  'relative -mb-px inline-flex h-9 shrink-0 items-center border-b-2 border-transparent px-1 text-sm font-medium text-muted-foreground outline-none transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 rounded-t-sm'

const TABS = [
  { to: '/configuration/global', label: 'Global' },
  { to: '/configuration/projects', label: 'Projects' },
  { to: '/configuration/mcp', label: 'MCP servers' },
  { to: '/configuration/webhooks', label: 'Webhooks' },
  { to: '/configuration/import-export', label: 'Import/Export' },
]

/** Configuration: global settings, per-project overrides, MCP servers, webhooks, import and export; the tab is in the URL. */
export function ConfigurationLayout() {
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Configuration"
        description="What Baton and its agents run with, where each value comes from, and every change as a version."
      />
      <nav aria-label="Configuration" className="flex gap-5 overflow-x-auto border-b">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className={({ isActive }) => cn(tabClass, isActive && 'border-foreground text-foreground')}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
        <Outlet />
      </Suspense>
    </div>
  )
}

export function ConfigurationIndex() {
  return <Navigate to="/configuration/global" replace />
}
