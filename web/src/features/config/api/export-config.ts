import { useMutation } from '@tanstack/react-query'

import { send } from './request'
import type { ExportFormat } from './types'

export type ExportedBundle = { text: string; disposition: string | null; contentType: string }

/** The bundle as text. Without a passphrase, secrets are left out. */
export async function exportConfig({ format, passphrase }: { format: ExportFormat; passphrase?: string }): Promise<ExportedBundle> {
  const response = await send('POST', '/api/config/export', passphrase ? { format, passphrase } : { format })
  return {
    text: await response.text(),
    disposition: response.headers.get('Content-Disposition'),
    contentType: response.headers.get('Content-Type') ?? (format === 'json' ? 'application/json' : 'application/yaml'),
  }
}

export function useExportConfig() {
  return useMutation({ mutationFn: exportConfig })
}
