import { MenuIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router'

import { BrandMark, SidebarNav } from '@/components/layout/sidebar-nav'
import { ThemeSwitch } from '@/components/layout/theme-switch'
import { Button } from '@/components/ui/button'
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from '@/components/ui/sheet'
import { CommandPaletteTrigger } from '@/features/command-palette/components/command-palette-trigger'
import { NotificationCenter } from '@/features/notifications/components/notification-center'
import { RealtimeIndicator } from '@/lib/realtime'

export function Header({ userMenu }: { userMenu?: ReactNode }) {
  const [navOpen, setNavOpen] = useState(false)
  return (
    <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b bg-background/80 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70 md:px-6">
      <Sheet open={navOpen} onOpenChange={setNavOpen}>
        <SheetTrigger asChild>
          <Button variant="ghost" size="icon" className="-ml-2 md:hidden" aria-label="Open navigation">
            <MenuIcon />
          </Button>
        </SheetTrigger>
        <SheetContent>
          <div className="flex h-14 items-center px-5">
            <SheetTitle asChild>
              <h2>
                <BrandMark />
              </h2>
            </SheetTitle>
            <SheetDescription className="sr-only">Main navigation</SheetDescription>
          </div>
          <div className="flex-1 px-3 pt-2 pb-4">
            <SidebarNav onNavigate={() => setNavOpen(false)} />
          </div>
        </SheetContent>
      </Sheet>
      <Link to="/" className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 md:hidden">
        <BrandMark />
      </Link>
      <div className="ml-auto flex items-center gap-1">
        <CommandPaletteTrigger />
        <NotificationCenter />
        <RealtimeIndicator />
        <ThemeSwitch />
        {userMenu}
      </div>
    </header>
  )
}
