import { useEffect, useRef, useState } from 'react'

/**
 * The value, taken at most once per `intervalMs`: a stream of changes (hundreds of socket events a
 * second) costs a few renders a second, and the latest value always arrives, at most that late.
 * Unlike a debounce it never starves while the value keeps changing.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [taken, setTaken] = useState(value)
  const lastTaken = useRef(0)
  useEffect(() => {
    if (Object.is(value, taken)) return
    const wait = Math.max(0, lastTaken.current + intervalMs - Date.now())
    const timer = window.setTimeout(() => {
      lastTaken.current = Date.now()
      setTaken(value)
    }, wait)
    return () => window.clearTimeout(timer)
  }, [value, taken, intervalMs])
  return taken
}
