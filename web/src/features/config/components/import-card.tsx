import { AlertTriangleIcon, EyeIcon, FileUpIcon, Loader2Icon, UploadIcon } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { toast } from 'sonner'

import { FormField } from '@/components/form-field'
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
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import { ApiError } from '@/lib/api-client'

import { useImportConfig } from '../api/import-config'
import type { ImportReport } from '../api/types'
import { hasChanges, summarySentence } from '../lib/import-report'
import { ImportReportView } from './import-report-view'
import { ToggleSwitch } from './toggle-switch'

type Inputs = { bundle: string; passphrase: string; prune: boolean }
type Rejection = { message: string; fields: [path: string, message: string][] }

/** The server refused the bundle: which item, and why. Nothing was changed. */
function RejectionAlert({ rejection }: { rejection: Rejection }) {
  return (
    <div role="alert" className="grid gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2.5 text-sm">
      <p className="flex items-start gap-2">
        <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
        <span>
          <span className="font-medium">The bundle was refused: {rejection.message}</span>{' '}
          <span className="text-muted-foreground">Nothing was changed.</span>
        </span>
      </p>
      {rejection.fields.length > 0 && (
        <ul aria-label="Problems in the bundle" className="grid gap-1 pl-6">
          {rejection.fields.map(([path, message]) => (
            <li key={path} className="text-xs">
              <code className="rounded bg-destructive/10 px-1 font-mono font-medium text-destructive">{path}</code> {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * Paste or open a bundle, preview what it would change (a dry run), then apply it in one
 * transaction after confirming.
 */
export function ImportCard({ canImport }: { canImport: boolean }) {
  const id = useId()
  const fileRef = useRef<HTMLInputElement>(null)
  const [inputs, setInputs] = useState<Inputs>({ bundle: '', passphrase: '', prune: false })
  // The dry run of the current inputs; any change to them drops it, so Apply always applies what was shown.
  const [preview, setPreview] = useState<ImportReport | null>(null)
  const [result, setResult] = useState<ImportReport | null>(null)
  const [rejection, setRejection] = useState<Rejection | null>(null)
  const [confirming, setConfirming] = useState(false)
  const importing = useImportConfig()
  const disabled = !canImport || importing.isPending

  const change = (next: Partial<Inputs>) => {
    setInputs((current) => ({ ...current, ...next }))
    setPreview(null)
    setResult(null)
    setRejection(null)
  }

  const run = (dryRun: boolean) => {
    setRejection(null)
    importing.mutate(
      { bundle: inputs.bundle, passphrase: inputs.passphrase || undefined, prune: inputs.prune, dryRun },
      {
        onSuccess: (report) => {
          if (dryRun) {
            setPreview(report)
            setResult(null)
          } else {
            setPreview(null)
            setResult(report)
            setConfirming(false)
            toast.success('Imported the configuration', { description: `${summarySentence(report)}.` })
          }
        },
        onError: (error) => {
          setConfirming(false)
          if (error instanceof ApiError && error.status === 422) {
            setPreview(null)
            setRejection({ message: error.message, fields: Object.entries(error.fields) })
          } else {
            toast.error(dryRun ? 'Could not preview the import' : 'Could not import', { description: error.message })
          }
        },
      },
    )
  }

  const openFile = async (file: File | undefined) => {
    if (!file) return
    try {
      change({ bundle: await file.text() })
    } catch {
      toast.error(`Could not read ${file.name}`)
    }
  }

  return (
    <Card role="region" aria-labelledby="import-heading">
      <CardHeader>
        <CardTitle id="import-heading">Import</CardTitle>
        <CardDescription>
          {canImport
            ? 'Paste or open a bundle, preview what it would change, then apply it: all of it, or nothing if one item is wrong.'
            : 'Only admins can import a bundle.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault()
            run(true)
          }}
        >
          <div className="grid gap-2">
            <div className="flex items-end justify-between gap-2">
              <label htmlFor={`${id}-bundle`} className="text-sm leading-none font-medium">
                Bundle
              </label>
              <Button type="button" variant="outline" size="sm" disabled={disabled} onClick={() => fileRef.current?.click()}>
                <FileUpIcon />
                Open a file…
              </Button>
              <input
                ref={fileRef}
                type="file"
                accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
                className="hidden"
                tabIndex={-1}
                aria-hidden
                onChange={(event) => {
                  void openFile(event.target.files?.[0])
                  event.target.value = ''
                }}
              />
            </div>
            <Textarea
              id={`${id}-bundle`}
              value={inputs.bundle}
              onChange={(event) => change({ bundle: event.target.value })}
              disabled={!canImport}
              spellCheck={false}
              placeholder="baton_bundle: 1&#10;global: …&#10;projects: …"
              className="min-h-48 font-mono text-xs"
            />
          </div>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <FormField label="Passphrase" optional hint="The one used for the export, to read the secrets in it.">
              {(props) => (
                <Input
                  {...props}
                  type="password"
                  autoComplete="off"
                  value={inputs.passphrase}
                  disabled={!canImport}
                  onChange={(event) => change({ passphrase: event.target.value })}
                />
              )}
            </FormField>
            <div className="flex items-start gap-3 sm:pt-6">
              <ToggleSwitch
                id={`${id}-prune`}
                checked={inputs.prune}
                onCheckedChange={(prune) => change({ prune })}
                disabled={!canImport}
                labelledBy={`${id}-prune-label`}
                describedBy={`${id}-prune-hint`}
              />
              <div className="grid gap-1">
                <label id={`${id}-prune-label`} htmlFor={`${id}-prune`} className="cursor-pointer text-sm leading-none font-medium">
                  Include deletions (prune)
                </label>
                <p id={`${id}-prune-hint`} className="text-xs text-muted-foreground">
                  Delete what Baton has and the bundle does not.
                </p>
              </div>
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={preview ? 'outline' : 'default'} disabled={disabled || inputs.bundle.trim() === ''}>
              {importing.isPending && !confirming ? <Loader2Icon className="animate-spin" /> : <EyeIcon />}
              Preview changes
            </Button>
            {preview && (
              <Button type="button" onClick={() => setConfirming(true)} disabled={disabled || !hasChanges(preview)}>
                <UploadIcon />
                Apply
              </Button>
            )}
          </div>
        </form>
        {rejection && <RejectionAlert rejection={rejection} />}
        {preview && <ImportReportView report={preview} />}
        {result && <ImportReportView report={result} />}
      </CardContent>

      <AlertDialog open={confirming} onOpenChange={(open) => !importing.isPending && setConfirming(open)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Apply the import?</AlertDialogTitle>
            <AlertDialogDescription>
              {preview ? summarySentence(preview) : ''}, as previewed. Everything is applied in one transaction, and
              Baton uses the new configuration at once.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={importing.isPending}>Cancel</AlertDialogCancel>
            <Button onClick={() => run(false)} disabled={importing.isPending}>
              {importing.isPending && <Loader2Icon className="animate-spin" />}
              {importing.isPending ? 'Applying…' : 'Apply'}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  )
}
