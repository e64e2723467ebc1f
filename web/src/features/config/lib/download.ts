import type { ExportFormat } from '../api/types'

/** The file name from a Content-Disposition header (`filename*=` or `filename=`), else a dated default. */
export function exportFileName(disposition: string | null, format: ExportFormat, now: Date = new Date()): string {
  if (disposition) {
    const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1]
    if (extended) {
      try {
        return decodeURIComponent(extended.trim().replace(/^"|"$/g, ''))
      } catch {
        // Fall through to the plain name.
      }
    }
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition)
    const name = (plain?.[2] ?? plain?.[1])?.trim()
    if (name) return name
  }
  const stamp = now.toISOString().slice(0, 10)
  return `baton-config-${stamp}.${format === 'json' ? 'json' : 'yaml'}`
}

/** Saves text as a file through a temporary link. */
export function downloadText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
