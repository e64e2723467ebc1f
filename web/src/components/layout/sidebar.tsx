import { Link } from 'react-router'

import { BrandMark, SidebarNav } from '@/components/layout/sidebar-nav'

/** The navigation column on md and wider; narrower screens get the same nav in a sheet (see Header). */
export function Sidebar() {
  return (
    <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground md:flex">
      <div className="flex h-14 items-center px-5">
        <Link to="/" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          <BrandMark />
        </Link>
      </div>
      <div className="flex-1 px-3 pt-2 pb-4">
        <SidebarNav />
      </div>
    </aside>
  )
}
