/**
 * A stable colour per agent: the same name always gets the same hue, in every tab and after every
 * reload, so people learn to recognise `backend-expert` by its colour. FNV-1a spreads similar
 * names (`agent-1`, `agent-2`) far apart on the wheel.
 */
export function hueFromName(name: string): number {
  let hash = 0x811c9dc5
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % 360
}

/** Up to two letters: `backend-expert` → "BE", `tester` → "TE", `qa_test_engineer` → "QT". */
export function initialsFromName(name: string): string {
  const words = name.trim().split(/[\s\-_.:/]+/).filter(Boolean)
  if (words.length === 0) return '?'
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase()
  return (words[0]!.charAt(0) + words[1]!.charAt(0)).toUpperCase()
}
