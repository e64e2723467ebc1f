export type PathSegment = string | number
export type Path = readonly PathSegment[]

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/

/** The server's notation: `timeout_s`, `command[0]`, `env.FOO`; other keys in brackets: `env["A B"]`. */
export function formatPath(path: Path): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`
    else text += `[${JSON.stringify(segment)}]`
  }
  return text
}

/**
 * Reads `a.b[0]`, `a["x.y"]`, a JSON Pointer (`/a/b/0`) or `$.a.b`. Unreadable parts are kept as
 * plain keys: a server path is only ever used to find a line, never to change data.
 */
export function parsePath(text: string): PathSegment[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('/')) {
    return trimmed
      .slice(1)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  }
  const source = trimmed === '$' ? '' : trimmed.replace(/^\$\.?/, '')
  const segments: PathSegment[] = []
  const token = /\[(\d+)\]|\[\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*\]|([^.[\]]+)/g
  for (const match of source.matchAll(token)) {
    if (match[1] !== undefined) segments.push(Number(match[1]))
    else if (match[2] !== undefined) segments.push(unquote(match[2]))
    else if (match[3] !== undefined) segments.push(match[3])
  }
  return segments
}

function unquote(quoted: string): string {
  if (quoted.startsWith("'")) return quoted.slice(1, -1)
  try {
    return JSON.parse(quoted) as string
  } catch {
    return quoted.slice(1, -1)
  }
}

export type PathWalk<T> = {
  /** Every node reached, the root first; the last one is the target when `exact`. */
  trail: { node: T; key: PathSegment | null }[]
  exact: boolean
}

/**
 * Follows a path through any tree, given how to take one step. Tolerant the way servers need:
 * a numeric key indexes a list, and `env.A.B` finds the key `A.B` when `env` has no key `A`.
 */
export function walkPath<T>(root: T, path: Path, child: (node: T, key: PathSegment) => T | undefined): PathWalk<T> {
  const trail: PathWalk<T>['trail'] = [{ node: root, key: null }]
  let node = root
  let index = 0
  while (index < path.length) {
    const step = nextStep(node, path, index, child)
    if (!step) return { trail, exact: false }
    node = step.node
    trail.push({ node, key: step.key })
    index += step.consumed
  }
  return { trail, exact: true }
}

function nextStep<T>(node: T, path: Path, index: number, child: (node: T, key: PathSegment) => T | undefined) {
  const segment = path[index]!
  const direct = child(node, segment)
  if (direct !== undefined) return { node: direct, key: segment, consumed: 1 }
  let joined = String(segment)
  for (let end = index + 1; end < path.length; end++) {
    const next = path[end]
    if (typeof next !== 'string') break
    joined += `.${next}`
    const found = child(node, joined)
    if (found !== undefined) return { node: found, key: joined, consumed: end - index + 1 }
  }
  return undefined
}

/** The value at a path, or undefined when the path leads nowhere. */
export function valueAt(value: unknown, path: Path): unknown {
  const walk = walkPath(value, path, (node, key) => {
    if (Array.isArray(node)) {
      const index = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : -1
      return index >= 0 && index < node.length ? node[index] : undefined
    }
    if (typeof node === 'object' && node !== null && Object.hasOwn(node, String(key))) {
      return (node as Record<string, unknown>)[String(key)]
    }
    return undefined
  })
  return walk.exact ? walk.trail.at(-1)!.node : undefined
}
