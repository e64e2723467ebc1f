/** Where to go after signing in when there is no (usable) `next`. */
export const DEFAULT_NEXT = '/'

const BASE = 'http://baton.invalid'

/**
 * The `next` parameter of /sign-in, made safe: only a path inside this app is accepted, so a
 * crafted link cannot send the user to another site after they sign in (open redirect). Anything
 * else, including protocol-relative (`//evil`), backslash tricks and the sign-in page itself,
 * gives the default.
 */
export function sanitizeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return DEFAULT_NEXT
  // Control characters and backslashes are never in a path this app builds; browsers treat some as separators.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return DEFAULT_NEXT
  let url: URL
  try {
    url = new URL(raw, BASE)
  } catch {
    return DEFAULT_NEXT
  }
  if (url.origin !== BASE) return DEFAULT_NEXT
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return DEFAULT_NEXT
  return `${url.pathname}${url.search}${url.hash}`
}

/** The sign-in address that brings the user back to `path` afterwards (slashes left readable). */
export function signInPathFor(path: string): string {
  const next = sanitizeNextPath(path)
  return `/sign-in?next=${encodeURIComponent(next).replaceAll('%2F', '/')}`
}
