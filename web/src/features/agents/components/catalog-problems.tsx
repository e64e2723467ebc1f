import { TriangleAlertIcon, XIcon } from 'lucide-react'
import { useState } from 'react'

import { Button } from '@/components/ui/button'

import type { CatalogProblem } from '../api/types'
import { problemsKey } from '../lib/problems'

/**
 * Registry files the server could not read at all (agent files that fail carry their own marker
 * on their card). Dismissing hides these problems; a different set shows again.
 */
export function CatalogProblems({ problems }: { problems: CatalogProblem[] }) {
  const [dismissed, setDismissed] = useState<string | null>(null)
  const key = problemsKey(problems)
  if (problems.length === 0 || key === dismissed) return null
  return (
    <div role="alert" className="flex items-start gap-3 rounded-xl border border-warning/30 bg-warning-soft px-4 py-3 text-sm">
      <TriangleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="font-medium text-warning">
          {problems.length === 1 ? 'A registry file could not be read' : `${problems.length} registry files could not be read`}
        </p>
        <ul className="grid gap-1">
          {problems.map((problem) => (
            <li key={problem.path} className="min-w-0">
              <code className="font-mono text-[13px] break-all">{problem.path}</code>
              <span className="text-muted-foreground">: </span>
              <span className="font-mono text-[13px] break-words text-foreground/80">{problem.error}</span>
            </li>
          ))}
        </ul>
        <p className="text-muted-foreground">Agents it lists are missing their registry details until it is fixed; the page updates when the file is saved.</p>
      </div>
      <Button size="icon-sm" variant="ghost" className="-my-1 -mr-1.5 size-7" aria-label="Dismiss registry problems" onClick={() => setDismissed(key)}>
        <XIcon />
      </Button>
    </div>
  )
}
