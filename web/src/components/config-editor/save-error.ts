import { isRecord } from './schema'

export type SaveFailure = { message: string; fields: Record<string, string> }

/**
 * Reads whatever `onSave` threw: the app's ApiError (`message` and per-field `fields`), any other
 * error, or a bare string. Field messages that are not strings are left out.
 */
export function readSaveError(error: unknown): SaveFailure {
  const record = isRecord(error) || error instanceof Error ? (error as unknown as Record<string, unknown>) : {}
  const fields: Record<string, string> = {}
  if (isRecord(record.fields)) {
    for (const [path, message] of Object.entries(record.fields)) {
      if (typeof message === 'string') fields[path] = message
    }
  }
  const message =
    typeof record.message === 'string' && record.message.trim() !== ''
      ? record.message
      : typeof error === 'string' && error.trim() !== ''
        ? error
        : 'The server did not accept the changes.'
  return { message, fields }
}
