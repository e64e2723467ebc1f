export { McpServersTab } from './components/mcp-servers-tab'
