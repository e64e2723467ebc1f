import { useCanEditConfig } from '../hooks/use-can-edit-config'
import { ExportCard } from './export-card'
import { ImportCard } from './import-card'

/** Export everything configured to one file; import one with a preview of what it changes. */
export function ImportExportTab() {
  const admin = useCanEditConfig()
  return (
    <div className="grid gap-4">
      <ExportCard canExport={admin} />
      <ImportCard canImport={admin} />
    </div>
  )
}
