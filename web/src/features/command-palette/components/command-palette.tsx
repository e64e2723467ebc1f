import {
  BookOpenIcon,
  BotIcon,
  FolderKanbanIcon,
  KeyboardIcon,
  LaptopIcon,
  LayoutDashboardIcon,
  MoonIcon,
  PlayCircleIcon,
  ScrollTextIcon,
  SettingsIcon,
  SunIcon,
  UserIcon,
  UsersIcon,
  KeyRoundIcon,
  type LucideIcon,
} from 'lucide-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'

import { useTheme } from '@/app/theme-context'
import { RelativeTime } from '@/components/relative-time'
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
  CommandSeparator,
  CommandShortcut,
  Kbd,
} from '@/components/ui/command'
import { useCurrentUser } from '@/hooks/use-session'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { can } from '@/lib/permissions'
import { cn } from '@/lib/utils'

import { useExecutionSearch } from '../api/search-executions'
import { useProjectSearch } from '../api/search-projects'
import { commandCenter, useCommandCenter } from '../hooks/use-command-center'
import { PAGES } from '../lib/catalog'
import { matchesQuery } from '../lib/match'
import { detectMac, displayKeys, parseShortcut } from '../lib/shortcuts'

const SEARCH_DEBOUNCE_MS = 200

const PAGE_ICONS: Record<string, LucideIcon> = {
  dashboard: LayoutDashboardIcon,
  projects: FolderKanbanIcon,
  executions: PlayCircleIcon,
  agents: BotIcon,
  account: UserIcon,
  users: UsersIcon,
  tokens: KeyRoundIcon,
  audit: ScrollTextIcon,
}

const STATUS_DOT: Record<string, string> = {
  queued: 'bg-muted-foreground/60',
  running: 'bg-sky-500',
  completed: 'bg-success',
  failed: 'bg-destructive',
  cancelled: 'border border-muted-foreground/70',
  interrupted: 'bg-warning',
}

const IS_MAC = typeof navigator !== 'undefined' && detectMac(navigator.platform)

function Keys({ shortcut }: { shortcut: string }) {
  return (
    <CommandShortcut aria-hidden>
      {displayKeys(parseShortcut(shortcut), IS_MAC).map((step, i) => (
        <Kbd key={i}>{step.join(IS_MAC ? '' : '+')}</Kbd>
      ))}
    </CommandShortcut>
  )
}

type Action = { id: string; label: string; keywords: string[]; icon: LucideIcon; run: () => void; shortcut?: string }

/** Ctrl/⌘+K: go to any page, project or execution, or run a command, by typing a few letters. */
export function CommandPalette() {
  const { palette: open } = useCommandCenter()
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState('')
  // Every opening starts from an empty box, however the last one ended (Esc, Enter, a click).
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (open) {
      setSearch('')
      setSelected('')
    }
  }
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS)
  const navigate = useNavigate()
  const user = useCurrentUser()
  const { resolvedTheme, setTheme } = useTheme()

  const projects = useProjectSearch(q, open)
  const executions = useExecutionSearch(q, open)

  const close = () => commandCenter.setPaletteOpen(false)
  const go = (path: string) => {
    close()
    void navigate(path)
  }

  const typed = search.trim()
  const pages = PAGES.filter((page) => !page.needs || can(user?.role, page.needs)).filter((page) =>
    matchesQuery(page.group === 'Settings' ? `Settings ${page.label}` : page.label, page.keywords, typed),
  )
  const actions: Action[] = [
    {
      id: 'theme-toggle',
      label: resolvedTheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
      keywords: ['theme', 'toggle', 'appearance', 'mode', resolvedTheme === 'dark' ? 'light' : 'dark'],
      icon: resolvedTheme === 'dark' ? SunIcon : MoonIcon,
      run: () => {
        setTheme(resolvedTheme === 'dark' ? 'light' : 'dark')
        close()
      },
    },
    {
      id: 'theme-system',
      label: 'Use the system theme',
      keywords: ['theme', 'appearance', 'mode', 'auto', 'os'],
      icon: LaptopIcon,
      run: () => {
        setTheme('system')
        close()
      },
    },
    {
      id: 'shortcuts',
      label: 'Keyboard shortcuts',
      keywords: ['help', 'keys', 'hotkeys'],
      icon: KeyboardIcon,
      shortcut: '?',
      run: () => commandCenter.setHelpOpen(true),
    },
    {
      id: 'api-docs',
      label: 'Open the API reference',
      keywords: ['docs', 'openapi', 'swagger', 'rest'],
      icon: BookOpenIcon,
      run: () => {
        window.open('/api/docs', '_blank', 'noopener,noreferrer')
        close()
      },
    },
  ].filter((action) => matchesQuery(action.label, action.keywords, typed))

  // Server results only for what is in the box now (never a previous search's, which Enter could
  // open by mistake); while the box is empty, the latest executions.
  const settled = q === typed
  const projectItems = settled && typed && projects.data && !projects.isPlaceholderData ? projects.data.items : []
  const executionItems = settled && executions.data && !executions.isPlaceholderData ? executions.data.items : []
  const searching = typed !== '' && (!settled || projects.isFetching || executions.isFetching)

  // The highlighted entry: the one the user moved to while it is still listed, else the first.
  const values = [
    ...pages.map((page) => `page:${page.id}`),
    ...projectItems.map((project) => `project:${project.id}`),
    ...executionItems.map((execution) => `execution:${execution.id}`),
    ...actions.map((action) => `action:${action.id}`),
  ]
  const highlighted = values.includes(selected) ? selected : (values[0] ?? '')

  return (
    <CommandDialog
      open={open}
      onOpenChange={commandCenter.setPaletteOpen}
      title="Command palette"
      description="Go to a page, a project or an execution, or run a command."
      commandProps={{
        shouldFilter: false,
        loop: true,
        label: 'Search pages, projects, executions and commands',
        value: highlighted,
        onValueChange: setSelected,
      }}
    >
      <CommandInput
        value={search}
        onValueChange={setSearch}
        placeholder="Search pages, projects, executions…"
      />
      <CommandList>
        {searching && <CommandLoading>Searching…</CommandLoading>}
        {!searching && <CommandEmpty>Nothing matches “{typed}”.</CommandEmpty>}

        {pages.length > 0 && (
          <CommandGroup heading="Go to">
            {pages.map((page) => {
              const Icon = PAGE_ICONS[page.id] ?? SettingsIcon
              return (
                <CommandItem key={page.id} value={`page:${page.id}`} onSelect={() => go(page.path)}>
                  <Icon />
                  <span>
                    {page.group === 'Settings' && <span className="text-muted-foreground">Settings › </span>}
                    {page.label}
                  </span>
                  {page.chord && <Keys shortcut={page.chord} />}
                </CommandItem>
              )
            })}
          </CommandGroup>
        )}

        {projectItems.length > 0 && (
          <>
            <CommandSeparator />
            <CommandGroup heading="Projects">
              {projectItems.map((project) => (
                <CommandItem key={project.id} value={`project:${project.id}`} onSelect={() => go(`/projects/${project.id}`)}>
                  <FolderKanbanIcon />
                  <span className="truncate">{project.name}</span>
                  <span className="ml-auto shrink-0 text-xs text-muted-foreground capitalize">{project.status}</span>
                </CommandItem>
              ))}
            </CommandGroup>
          </>
        )}

        {executionItems.length > 0 && (
          <>
            <CommandSeparator />
            <CommandGroup heading={typed ? 'Executions' : 'Recent executions'}>
              {executionItems.map((execution) => (
                <CommandItem key={execution.id} value={`execution:${execution.id}`} onSelect={() => go(`/executions/${execution.id}`)}>
                  <span aria-hidden className="flex size-4 shrink-0 items-center justify-center">
                    <span className={cn('size-2 rounded-full', STATUS_DOT[execution.status] ?? 'bg-muted-foreground/60')} />
                  </span>
                  <span className="min-w-0 truncate">
                    {execution.name}
                    {execution.project_name && <span className="text-muted-foreground"> · {execution.project_name}</span>}
                  </span>
                  <span className="sr-only">, {execution.status}</span>
                  <span className="ml-auto shrink-0 pl-2 text-xs text-muted-foreground">
                    {execution.created_at ? <RelativeTime value={execution.created_at} /> : execution.id.slice(0, 8)}
                  </span>
                </CommandItem>
              ))}
            </CommandGroup>
          </>
        )}

        {actions.length > 0 && (
          <>
            <CommandSeparator />
            <CommandGroup heading="Commands">
              {actions.map((action) => (
                <CommandItem key={action.id} value={`action:${action.id}`} onSelect={action.run}>
                  <action.icon />
                  <span>{action.label}</span>
                  {action.shortcut && <Keys shortcut={action.shortcut} />}
                </CommandItem>
              ))}
            </CommandGroup>
          </>
        )}
      </CommandList>
      <div className="flex items-center gap-3 border-t px-4 py-2 text-[11px] text-muted-foreground" aria-hidden>
        <span className="flex items-center gap-1">
          <Kbd>↑</Kbd>
          <Kbd>↓</Kbd> to move
        </span>
        <span className="flex items-center gap-1">
          <Kbd>Enter</Kbd> to open
        </span>
        <span className="ml-auto flex items-center gap-1">
          <Kbd>Esc</Kbd> to close
        </span>
      </div>
    </CommandDialog>
  )
}
