export { ConfigEditor, type ConfigEditorProps } from './config-editor'
export type { ConfigFormat } from './source'
