/** Neutral first paint while the session is restored: neither the app nor the sign-in page yet. */
export function FullPageLoader() {
  return (
    <div className="flex min-h-dvh items-center justify-center" aria-busy="true">
      <div className="flex flex-col items-center gap-4">
        <img src="/favicon.svg" alt="" className="size-10 animate-pulse rounded-lg dark:ring-1 dark:ring-white/20" />
        <p role="status" className="sr-only">
          Loading Baton…
        </p>
      </div>
    </div>
  )
}
