import { ChevronRightIcon } from 'lucide-react'

import { formatJson } from '@/lib/json'

import type { McpTool } from '../api/types'

/** Each tool with its description; its input schema opens on demand. */
export function ToolList({ tools }: { tools: readonly McpTool[] }) {
  if (tools.length === 0) return <p className="text-sm text-muted-foreground">It offers no tools.</p>
  return (
    <ul aria-label="Tools" className="divide-y rounded-md border">
      {tools.map((tool) => (
        <li key={tool.name} className="px-3 py-2">
          <details className="group">
            <summary className="flex cursor-pointer list-none items-start gap-2 rounded-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
              <ChevronRightIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-90" />
              <span className="grid min-w-0 gap-0.5">
                <code className="font-mono text-sm font-medium">{tool.name}</code>
                {tool.description && <span className="line-clamp-2 text-xs text-muted-foreground group-open:line-clamp-none">{tool.description}</span>}
              </span>
            </summary>
            <div className="mt-2 ml-6 grid gap-1">
              <span className="text-xs font-medium text-muted-foreground">Input schema</span>
              <pre className="max-h-72 overflow-auto rounded bg-muted px-2 py-1.5 font-mono text-xs">{formatJson(tool.input_schema)}</pre>
            </div>
          </details>
        </li>
      ))}
    </ul>
  )
}
