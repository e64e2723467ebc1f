/** One number above a set of charts: what it is, the value, and a hint beside it. Goes in a `<dl>`. */
export function SummaryStat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 flex items-baseline gap-1.5">
        <span className="text-xl font-semibold tracking-tight whitespace-nowrap tabular-nums">{value}</span>
        {hint && <span className="truncate text-xs text-muted-foreground">{hint}</span>}
      </dd>
    </div>
  )
}
