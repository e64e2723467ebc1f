import { DownloadIcon, Loader2Icon } from 'lucide-react'
import { toast } from 'sonner'
import { useState } from 'react'

import { FormField } from '@/components/form-field'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'

import { useExportConfig } from '../api/export-config'
import type { ExportFormat } from '../api/types'
import { downloadText, exportFileName } from '../lib/download'

const MIN_PASSPHRASE = 8

/** Downloads one bundle of everything configured; secrets only with a passphrase, encrypted by it. */
export function ExportCard({ canExport }: { canExport: boolean }) {
  const [format, setFormat] = useState<ExportFormat>('yaml')
  const [passphrase, setPassphrase] = useState('')
  const [tried, setTried] = useState(false)
  const exporting = useExportConfig()
  const passphraseError = passphrase !== '' && passphrase.length < MIN_PASSPHRASE ? `At least ${MIN_PASSPHRASE} characters.` : undefined

  const run = () => {
    setTried(true)
    if (passphraseError) return
    exporting.mutate(
      { format, passphrase: passphrase || undefined },
      {
        onSuccess: (bundle) => {
          const filename = exportFileName(bundle.disposition, format)
          downloadText(bundle.text, filename, bundle.contentType)
          toast.success(`Exported ${filename}`, { description: passphrase ? 'Secrets are in it, encrypted with your passphrase.' : 'Secrets were left out.' })
        },
        onError: (error) => toast.error('Could not export', { description: error.message }),
      },
    )
  }

  return (
    <Card role="region" aria-labelledby="export-heading">
      <CardHeader>
        <CardTitle id="export-heading">Export</CardTitle>
        <CardDescription>
          {canExport
            ? 'One file with the global configuration, projects with their configuration and plans, agent configurations, MCP servers and webhooks.'
            : 'Only admins can export the configuration.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault()
            run()
          }}
        >
          <div className="grid items-start gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
            <FormField label="Format">
              {(props) => (
                <Select value={format} onValueChange={(value) => setFormat(value as ExportFormat)} disabled={!canExport}>
                  <SelectTrigger {...props} className="w-full">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="yaml">YAML</SelectItem>
                    <SelectItem value="json">JSON</SelectItem>
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <FormField
              label="Passphrase"
              optional
              error={tried ? passphraseError : undefined}
              hint="Without one, secrets are left out of the file. With one (8 characters or more), they are in it, encrypted with it."
            >
              {(props) => (
                <Input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  value={passphrase}
                  disabled={!canExport}
                  onChange={(event) => setPassphrase(event.target.value)}
                />
              )}
            </FormField>
          </div>
          <div>
            <Button type="submit" disabled={!canExport || exporting.isPending}>
              {exporting.isPending ? <Loader2Icon className="animate-spin" /> : <DownloadIcon />}
              {exporting.isPending ? 'Exporting…' : 'Download export'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  )
}
