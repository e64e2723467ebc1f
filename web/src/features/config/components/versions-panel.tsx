import { GitCompareArrowsIcon, HistoryIcon, RotateCcwIcon } from 'lucide-react'
import { useId, useState } from 'react'

import { ErrorState } from '@/components/error-state'
import { RelativeTime } from '@/components/relative-time'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { cn } from '@/lib/utils'

import { useConfigVersions } from '../api/get-config-versions'
import type { ConfigVersion } from '../api/types'
import { compareRange, summarizeVersion, toggleSelection } from '../lib/changes'
import type { ConfigScope } from '../lib/scope'
import { DiffDialog } from './diff-dialog'
import { RevertDialog } from './revert-dialog'

function compareLabel(selected: readonly number[]) {
  const range = compareRange(selected)
  if (!range) return 'Select versions to compare'
  return range.to === null ? `Compare version ${range.from} with current` : `Compare versions ${range.from} and ${range.to}`
}

/** Every saved version: who, when, what changed; compare two (or one with the current), revert to one. */
export function VersionsPanel({ scope, canRevert }: { scope: ConfigScope; canRevert: boolean }) {
  const id = useId()
  const versions = useConfigVersions(scope)
  const [selected, setSelected] = useState<number[]>([])
  const [comparing, setComparing] = useState<{ from: number; to: number | null } | null>(null)
  const [reverting, setReverting] = useState<ConfigVersion | null>(null)

  let body
  if (versions.isPending) {
    body = (
      <div aria-busy="true" aria-label="Loading versions" className="grid gap-3 px-4 py-4">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-9" />
        ))}
      </div>
    )
  } else if (versions.isError) {
    body = <ErrorState title="Could not load the versions" error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />
  } else if (!versions.data.versions[0]) {
    body = (
      <p className="flex items-center justify-center gap-2 px-4 py-8 text-sm text-muted-foreground">
        <HistoryIcon aria-hidden className="size-4" />
        No versions yet: each save makes one.
      </p>
    )
  } else {
    const latest = versions.data.versions[0].version
    body = (
      <ol aria-label="Versions" className="max-h-[26rem] divide-y overflow-auto">
        {versions.data.versions.map((version) => {
          const checked = selected.includes(version.version)
          const summary = summarizeVersion(version)
          return (
            <li key={version.version} data-version={version.version} className={cn('flex items-start gap-3 px-4 py-2.5', checked && 'bg-muted/60')}>
              <input
                type="checkbox"
                id={`${id}-v${version.version}`}
                checked={checked}
                onChange={() => setSelected((current) => toggleSelection(current, version.version))}
                className="mt-1 size-4 shrink-0 cursor-pointer rounded accent-primary focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
                aria-describedby={`${id}-s${version.version}`}
              />
              <div className="grid min-w-0 flex-1 gap-0.5">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                  <label htmlFor={`${id}-v${version.version}`} className="cursor-pointer font-medium">
                    Version {version.version}
                  </label>
                  {version.version === latest && <Badge variant="muted" className="px-1.5 py-px text-[11px]/4">current</Badge>}
                  <span className="text-xs text-muted-foreground">
                    {version.author ?? 'system'} · <RelativeTime value={version.created_at} />
                  </span>
                </div>
                <p id={`${id}-s${version.version}`} className="truncate font-mono text-xs text-muted-foreground" title={summary}>
                  {summary}
                </p>
              </div>
              {canRevert && version.version !== latest && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="-my-0.5 shrink-0"
                  onClick={() => setReverting(version)}
                  aria-label={`Revert to version ${version.version}`}
                >
                  <RotateCcwIcon />
                  Revert
                </Button>
              )}
            </li>
          )
        })}
      </ol>
    )
  }

  const range = compareRange(selected)
  return (
    <Card role="region" aria-labelledby={`${id}-heading`} className="overflow-hidden">
      <CardHeader className="flex-row items-start justify-between gap-3 border-b px-4 pt-4 pb-4">
        <div className="space-y-1">
          <CardTitle id={`${id}-heading`}>Versions</CardTitle>
          <CardDescription>Every save is a version. Tick one to compare it with the current version, or two to compare them.</CardDescription>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={!range}
          onClick={() => setComparing(range)}
          aria-label={compareLabel(selected)}
          title={compareLabel(selected)}
          className="shrink-0"
        >
          <GitCompareArrowsIcon />
          Compare
        </Button>
      </CardHeader>
      {body}
      <DiffDialog scope={scope} range={comparing} onClose={() => setComparing(null)} />
      <RevertDialog scope={scope} version={reverting} onOpenChange={(open) => !open && setReverting(null)} />
    </Card>
  )
}
