import { Suspense } from 'react'
import { Navigate, NavLink, Outlet } from 'react-router'

import { PageHeader } from '@/components/layout/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { useCan } from '@/hooks/use-can'
import { cn } from '@/lib/utils'

const tabClass =
  'relative -mb-px inline-flex h-9 items-center border-b-2 border-transparent px-1 text-sm font-medium text-muted-foreground outline-none transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 rounded-t-sm'

/** Settings: everyone has their account; admins also users, API tokens and the audit log. */
export function SettingsLayout() {
  const canManageUsers = useCan('users:manage')
  const canManageTokens = useCan('tokens:manage')
  const canReadAudit = useCan('audit:read')
  const tabs = [
    { to: '/settings/account', label: 'Account', show: true },
    { to: '/settings/users', label: 'Users', show: canManageUsers },
    { to: '/settings/tokens', label: 'API tokens', show: canManageTokens },
    { to: '/settings/audit', label: 'Audit log', show: canReadAudit },
  ].filter((tab) => tab.show)

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Settings"
        description={canManageUsers ? 'Your account, who can use Baton, API tokens and the audit log.' : 'Your account.'}
      />
      <nav aria-label="Settings" className="flex gap-5 overflow-x-auto border-b">
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            className={({ isActive }) => cn(tabClass, isActive && 'border-foreground text-foreground')}
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Skeleton className="h-72 rounded-xl" />}>
        <Outlet />
      </Suspense>
    </div>
  )
}

export function SettingsIndex() {
  const admin = useCan('users:manage')
  return <Navigate to={admin ? '/settings/users' : '/settings/account'} replace />
}
