import * as DropdownMenuPrimitive from '@radix-ui/react-dropdown-menu'
import { ArrowDownIcon, ArrowRightIcon, CheckIcon, ChevronDownIcon, EyeOffIcon, LayersIcon } from 'lucide-react'
import { memo, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import type { LayoutDirection } from '@/lib/graph-layout'

import { GROUP_KINDS, type GroupKind } from '../lib/grouping'
import { COLOR_BY, type ColorBy, type ViewState } from '../lib/view-state'
import { GraphIconButton } from './icon-button'

const DIRECTIONS: { value: LayoutDirection; label: string; icon: ReactNode }[] = [
  { value: 'TB', label: 'Top to bottom', icon: <ArrowDownIcon /> },
  { value: 'LR', label: 'Left to right', icon: <ArrowRightIcon /> },
]

/**
 * The view's controls, floating over the canvas's top-left corner: direction, colour, groups,
 * hiding finished work. Everything lands in the URL (see view-state.ts).
 */
export const GraphToolbar = memo(function GraphToolbar({
  view,
  groupKinds,
  onChange,
  onToggleKind,
}: {
  view: ViewState
  /** Which kinds of group the graph has, and whether each is collapsed as a whole. */
  groupKinds: { kind: GroupKind; collapsed: boolean }[]
  onChange: (change: (view: ViewState) => ViewState) => void
  onToggleKind: (kind: GroupKind, collapsed: boolean) => void
}) {
  return (
    <div
      role="toolbar"
      aria-label="Graph view"
      className="flex flex-wrap items-center gap-1 rounded-lg border bg-background/90 p-1 shadow-sm backdrop-blur supports-[backdrop-filter]:bg-background/75"
    >
      <div className="flex items-center" role="group" aria-label="Direction">
        {DIRECTIONS.map((direction) => (
          <GraphIconButton
            key={direction.value}
            label={direction.label}
            pressed={view.direction === direction.value}
            onClick={() => onChange((v) => ({ ...v, direction: direction.value }))}
          >
            {direction.icon}
          </GraphIconButton>
        ))}
      </div>
      <span aria-hidden className="mx-0.5 h-5 w-px bg-border" />
      <Select value={view.colorBy} onValueChange={(value) => onChange((v) => ({ ...v, colorBy: value as ColorBy }))}>
        <SelectTrigger aria-label="Colour by" className="h-7 w-auto gap-1.5 border-0 px-2 text-xs shadow-none dark:bg-transparent">
          <span className="text-muted-foreground">Colour</span>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {COLOR_BY.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {groupKinds.length > 0 && (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" className="h-7 gap-1 px-2 text-xs">
              <LayersIcon className="size-3.5 text-muted-foreground" />
              Collapse
              <ChevronDownIcon className="size-3 opacity-60" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start">
            <DropdownMenuLabel>Collapse into groups</DropdownMenuLabel>
            {groupKinds.map(({ kind, collapsed }) => (
              <DropdownMenuPrimitive.CheckboxItem
                key={kind}
                checked={collapsed}
                onCheckedChange={(checked) => onToggleKind(kind, checked === true)}
                onSelect={(event) => event.preventDefault()}
                className="relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-8 pl-2 text-sm outline-none select-none focus:bg-accent focus:text-accent-foreground"
              >
                {GROUP_KINDS.find((k) => k.kind === kind)!.label}
                <span className="absolute right-2 flex size-3.5 items-center justify-center">
                  <DropdownMenuPrimitive.ItemIndicator>
                    <CheckIcon className="size-4" />
                  </DropdownMenuPrimitive.ItemIndicator>
                </span>
              </DropdownMenuPrimitive.CheckboxItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      )}
      <GraphIconButton
        label="Hide completed"
        pressed={view.hideCompleted}
        onClick={() => onChange((v) => ({ ...v, hideCompleted: !v.hideCompleted }))}
      >
        <EyeOffIcon />
      </GraphIconButton>
    </div>
  )
})
