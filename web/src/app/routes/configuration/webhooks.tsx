import { WebhooksTab } from '@/features/webhooks'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function WebhooksRoute() {
  useDocumentTitle('Webhooks')
  return <WebhooksTab />
}
