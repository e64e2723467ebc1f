export { ConfigEditor, type ConfigEditorProps } from './config-editor'
export type { ExtraProblem } from './analyze'
export type { ConfigFormat } from './source'
