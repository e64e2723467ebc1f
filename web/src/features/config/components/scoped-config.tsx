import type { ReactNode } from 'react'

import { ErrorState } from '@/components/error-state'
import { RelativeTime } from '@/components/relative-time'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

import { useConfig } from '../api/get-config'
import type { ConfigView } from '../api/types'
import { useCanEditConfig } from '../hooks/use-can-edit-config'
import { useLiveConfig } from '../hooks/use-live-config'
import type { ConfigScope } from '../lib/scope'
import { ConfigDocumentEditor } from './config-document-editor'
import { EffectiveTable } from './effective-table'
import { VersionsPanel } from './versions-panel'

function SavedLine({ view }: { view: ConfigView }) {
  if (view.version === 0) return <>Never saved: everything below comes from defaults and flags.</>
  return (
    <>
      Version {view.version}
      {view.updated_at && (
        <>
          {' '}
          · saved {view.updated_by ? `by ${view.updated_by} ` : ''}
          <RelativeTime value={view.updated_at} />
        </>
      )}
    </>
  )
}

function LoadingLayout() {
  return (
    <div aria-busy="true" aria-label="Loading the configuration" className="grid gap-4 xl:grid-cols-2">
      <Skeleton className="h-96 rounded-xl" />
      <Skeleton className="h-96 rounded-xl" />
    </div>
  )
}

/**
 * One configuration document (global, or a project's): the editor on what is set, the versions,
 * and beside them the effective configuration with where each value comes from.
 */
export function ScopedConfig({ scope, hint }: { scope: ConfigScope; hint?: ReactNode }) {
  const view = useConfig(scope)
  const canEdit = useCanEditConfig()
  useLiveConfig()

  if (view.isPending) return <LoadingLayout />
  if (view.isError) {
    return (
      <Card>
        <ErrorState title="Could not load the configuration" error={view.error} onRetry={() => void view.refetch()} retrying={view.isFetching} />
      </Card>
    )
  }

  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      <div className="grid min-w-0 gap-4">
        <Card className="grid gap-3 p-4">
          <p className="text-sm text-muted-foreground">
            Only what is set here is stored; the rest keeps its default. <SavedLine view={view.data} />
          </p>
          {hint}
          <ConfigDocumentEditor scope={scope} view={view.data} canEdit={canEdit} />
          {!canEdit && <p className="text-xs text-muted-foreground">Read-only: only admins can change the configuration.</p>}
        </Card>
        <VersionsPanel scope={scope} canRevert={canEdit} />
      </div>
      <div className="min-w-0">
        <EffectiveTable view={view.data} scopeKind={scope.kind} />
      </div>
    </div>
  )
}
