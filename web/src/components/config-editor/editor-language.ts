import { json } from '@codemirror/lang-json'
import { yaml } from '@codemirror/lang-yaml'

import type { ConfigFormat } from './source'

export function languageFor(format: ConfigFormat) {
  return format === 'json' ? json() : yaml()
}
