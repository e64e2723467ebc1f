import { McpServersTab } from '@/features/mcp-servers'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function McpServersRoute() {
  useDocumentTitle('MCP servers')
  return <McpServersTab />
}
