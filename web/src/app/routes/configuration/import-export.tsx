import { ImportExportTab } from '@/features/config/components/import-export-tab'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function ImportExportRoute() {
  useDocumentTitle('Import and export')
  return <ImportExportTab />
}
