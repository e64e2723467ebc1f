import { DownloadIcon, LoaderCircleIcon } from 'lucide-react'
import { useState } from 'react'
import { toast } from 'sonner'

import { Button } from '@/components/ui/button'

import { getExecutionLogs } from '../../api/get-execution-logs'
import { fetchAllEntries, logFileName, toLogFile } from './lib/download'

const count = new Intl.NumberFormat('en')

function saveText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // Some browsers start the download after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Downloads the whole log as a .log file, read from the server page by page. */
export function DownloadLogButton({ executionId, executionName }: { executionId: string; executionName: string }) {
  const [progress, setProgress] = useState<number | null>(null)

  const download = async () => {
    setProgress(0)
    try {
      const entries = await fetchAllEntries(
        (afterSeq, limit, signal) => getExecutionLogs(executionId, { after_seq: afterSeq, limit }, signal),
        { onProgress: setProgress },
      )
      saveText(logFileName(executionName, executionId), toLogFile(entries))
      toast.success(`Downloaded ${count.format(entries.length)} log ${entries.length === 1 ? 'line' : 'lines'}`)
    } catch (error) {
      toast.error('Could not download the log', { description: error instanceof Error ? error.message : undefined })
    } finally {
      setProgress(null)
    }
  }

  return (
    <Button variant="outline" onClick={() => void download()} disabled={progress !== null} className="lg:ml-auto">
      {progress !== null ? <LoaderCircleIcon className="animate-spin" /> : <DownloadIcon />}
      {progress !== null && progress > 0 ? `Downloading… ${count.format(progress)}` : 'Download'}
    </Button>
  )
}
