import { Loader2Icon } from 'lucide-react'
import { toast } from 'sonner'

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Button } from '@/components/ui/button'
import { formatDateTime } from '@/lib/format'

import { useRevertConfig } from '../api/revert-config'
import type { ConfigVersion } from '../api/types'
import { scopeTitle, type ConfigScope } from '../lib/scope'

/** Confirms a revert: a new version with the chosen version's content; the history keeps everything. */
export function RevertDialog({ scope, version, onOpenChange }: { scope: ConfigScope; version: ConfigVersion | null; onOpenChange: (open: boolean) => void }) {
  const revert = useRevertConfig()
  const pending = revert.isPending

  const confirm = () => {
    if (!version) return
    revert.mutate(
      { scope, version: version.version },
      {
        onSuccess: (view) => {
          toast.success(`Reverted to version ${version.version}`, { description: `Saved as version ${view.version} of ${scopeTitle(scope)}.` })
          onOpenChange(false)
        },
        onError: (error) => {
          onOpenChange(false)
          toast.error('Could not revert', { description: error.message })
        },
      },
    )
  }

  return (
    <AlertDialog open={version !== null} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revert to version {version?.version}?</AlertDialogTitle>
          <AlertDialogDescription>
            This saves a new version of {scopeTitle(scope)} with the content of version {version?.version}
            {version && ` (${version.author ? `saved by ${version.author}, ` : ''}${formatDateTime(version.created_at)})`}. Baton uses it at once;
            the versions in between stay in the history.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button onClick={confirm} disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" />}
            {pending ? 'Reverting…' : 'Revert'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
