import { TabsList, TabsTrigger } from '@/components/ui/tabs'
import { METRICS_RANGES } from '@/lib/metrics-range'

/** The 1h / 24h / 7d / 30d switch; put it inside a `<Tabs value={range}>`. */
export function RangeTabsList() {
  return (
    <TabsList aria-label="Time range">
      {METRICS_RANGES.map((value) => (
        <TabsTrigger key={value} value={value} className="min-w-11 tabular-nums">
          {value}
        </TabsTrigger>
      ))}
    </TabsList>
  )
}
