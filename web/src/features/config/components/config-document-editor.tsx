import { RefreshCwIcon } from 'lucide-react'
import { lazy, Suspense, useState } from 'react'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { ApiError } from '@/lib/api-client'

import { useConfig } from '../api/get-config'
import { useConfigSchema } from '../api/get-config-schema'
import { useUpdateConfig } from '../api/update-config'
import type { ConfigDocument, ConfigView } from '../api/types'
import { scopeTitle, type ConfigScope } from '../lib/scope'

// CodeMirror stays out of the page's chunk until the editor is on screen.
const ConfigEditor = lazy(() => import('@/components/config-editor').then((module) => ({ default: module.ConfigEditor })))

function EditorSkeleton() {
  return <Skeleton className="h-72 rounded-lg" aria-busy="true" aria-label="Loading the editor" />
}

/** Someone saved a newer version than the one being edited: reloading shows it (the edits stay in the editor). */
function ConflictNotice({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/25 bg-warning-soft px-3 py-2 text-sm">
      <RefreshCwIcon aria-hidden className="size-4 shrink-0 text-warning" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Not saved: someone else saved a newer version.</span>{' '}
        <span className="text-muted-foreground">Reload it, then keep your edits or take theirs, and save again.</span>
      </p>
      <Button size="sm" variant="outline" onClick={onReload} disabled={reloading}>
        <RefreshCwIcon className={reloading ? 'animate-spin' : undefined} />
        Reload
      </Button>
    </div>
  )
}

/**
 * The scope's sparse document in the ConfigEditor: schema checks while typing, a reviewed diff
 * before saving, the server's field errors at their line, and a stale save (409) explained.
 */
export function ConfigDocumentEditor({ scope, view, canEdit }: { scope: ConfigScope; view: ConfigView; canEdit: boolean }) {
  const schema = useConfigSchema(scope)
  const config = useConfig(scope)
  const update = useUpdateConfig()
  const [conflict, setConflict] = useState(false)
  const label = scope.kind === 'global' ? 'Global configuration' : `Configuration of ${scope.projectName}`

  const save = async (value: unknown) => {
    try {
      const saved = await update.mutateAsync({ scope, config: value as ConfigDocument, baseVersion: view.version })
      setConflict(false)
      toast.success(`Saved version ${saved.version} of ${scopeTitle(scope)}`)
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true)
        throw new Error('Someone else saved a newer version while you were editing. Cancel, reload it, and save again.')
      }
      // A 422 is shown in the editor, next to the fields it is about; anything else gets a toast too.
      if (!(error instanceof ApiError && error.status === 422)) {
        toast.error('Could not save the configuration', { description: error instanceof Error ? error.message : undefined })
      }
      throw error
    }
  }

  const reload = async () => {
    await config.refetch()
    setConflict(false)
  }

  return (
    <div className="grid gap-3">
      {conflict && <ConflictNotice onReload={() => void reload()} reloading={config.isFetching} />}
      <Suspense fallback={<EditorSkeleton />}>
        <ConfigEditor
          value={view.config}
          schema={schema.data ?? null}
          onSave={canEdit ? save : undefined}
          format="yaml"
          readOnly={!canEdit}
          label={label}
          className="[--config-editor-max-height:32rem] [--config-editor-min-height:14rem]"
        />
      </Suspense>
    </div>
  )
}
