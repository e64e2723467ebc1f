import { BookOpenIcon, BotIcon, ExternalLinkIcon, FolderKanbanIcon, LayoutDashboardIcon, WorkflowIcon, PlayCircleIcon, SettingsIcon, SlidersHorizontalIcon } from 'lucide-react'
import { NavLink } from 'react-router'

import { cn } from '@/lib/utils'

/** Only pages that work appear here; each new feature adds its entry when it ships. */
const NAV_ITEMS = [
  { to: '/', label: 'Dashboard', icon: LayoutDashboardIcon },
  { to: '/projects', label: 'Projects', icon: FolderKanbanIcon },
  { to: '/executions', label: 'Executions', icon: PlayCircleIcon },
  { to: '/flow', label: 'Flow', icon: WorkflowIcon },
  { to: '/agents', label: 'Agents', icon: BotIcon },
  // Global and per-project configuration, MCP servers, webhooks, import and export (admins edit).
  { to: '/configuration', label: 'Configuration', icon: SlidersHorizontalIcon },
  // Everyone has their account there; admins also users, API tokens and the audit log.
  { to: '/settings', label: 'Settings', icon: SettingsIcon },
] as const

const itemClass =
  'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-muted-foreground outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 [&_svg]:size-4 [&_svg]:shrink-0'

export function BrandMark() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <img src="/favicon.svg" alt="" className="size-6 rounded-md dark:ring-1 dark:ring-white/20" />
      Baton
    </span>
  )
}

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <div className="flex h-full flex-col gap-4">
      <nav aria-label="Main" className="grid gap-0.5">
        {NAV_ITEMS.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            to={to}
            // `/` is every page's prefix: Dashboard is current on `/` only.
            end={to === '/'}
            onClick={onNavigate}
            className={({ isActive }) => cn(itemClass, isActive && 'bg-sidebar-accent text-sidebar-foreground')}
          >
            <Icon />
            {label}
          </NavLink>
        ))}
      </nav>
      <div className="mt-auto grid gap-0.5 border-t border-sidebar-border pt-3">
        <a href="/api/docs" target="_blank" rel="noreferrer" className={itemClass}>
          <BookOpenIcon />
          API reference
          <ExternalLinkIcon aria-hidden className="ml-auto !size-3.5 opacity-60" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      </div>
    </div>
  )
}
