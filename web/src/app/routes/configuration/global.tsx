import { GlobalConfigTab } from '@/features/config/components/global-config-tab'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function GlobalConfigurationRoute() {
  useDocumentTitle('Global configuration')
  return <GlobalConfigTab />
}
