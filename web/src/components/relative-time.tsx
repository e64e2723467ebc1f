import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { formatDateTime, formatRelativeTime } from '@/lib/format'

/** "5 minutes ago", with the exact time on hover and focus. */
export function RelativeTime({ value }: { value: string }) {
  const exact = formatDateTime(value)
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={value} className="cursor-default tabular-nums">
          {formatRelativeTime(value)}
        </time>
      </TooltipTrigger>
      <TooltipContent>{exact}</TooltipContent>
    </Tooltip>
  )
}
