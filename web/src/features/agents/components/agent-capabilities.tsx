import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { agentColor } from '@/lib/agent-color'
import { cn } from '@/lib/utils'

import { useAgents } from '../api/get-agents'
import type { AgentDetail } from '../api/types'
import { formatExtraValue } from '../lib/format'

const CHIP = 'inline-flex h-6 items-center rounded-md border bg-muted/60 px-2 text-xs'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="grid gap-2">
      <h3 className="text-xs font-medium text-muted-foreground">{title}</h3>
      {children}
    </div>
  )
}

function Chips({ items, label, mono = false }: { items: string[]; label: string; mono?: boolean }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li key={item} className={cn(CHIP, mono && 'font-mono text-[12px]')}>
          {item}
        </li>
      ))}
    </ul>
  )
}

/** Other agents it works with, each a link to its page, in its colour. */
function Collaborators({ names }: { names: string[] }) {
  // The colour their files declare is in the catalog (usually cached by the list page); until it
  // arrives, and for agents without one, each name's own colour.
  const catalog = useAgents({})
  const declared = new Map(catalog.data?.items.map((agent) => [agent.name, agent.color]))
  return (
    <ul aria-label="Collaborates with" className="flex flex-wrap gap-1.5">
      {names.map((name) => {
        const color = agentColor(name, declared.get(name))
        return (
          <li key={name}>
            <Link
              to={`/agents/${encodeURIComponent(name)}`}
              style={color.style}
              className={cn(CHIP, 'gap-1.5 font-medium outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50')}
            >
              <span aria-hidden className={cn('size-2 rounded-full', color.dot)} />
              {name}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

/** Front-matter fields Baton does not model (maxTurns, mcpServers, hooks…), as keys and values. */
function ExtraFields({ extra }: { extra: Record<string, unknown> }) {
  return (
    <dl className="grid gap-2 text-sm">
      {Object.entries(extra).map(([key, value]) => {
        const shown = formatExtraValue(value)
        return (
          <div key={key} className={cn('min-w-0', shown.block ? 'grid gap-1' : 'flex items-baseline justify-between gap-3')}>
            <dt className="shrink-0 font-mono text-[12px] text-muted-foreground">{key}</dt>
            <dd className="min-w-0">
              {shown.block ? (
                <pre className="max-h-48 overflow-auto rounded-md border bg-muted/50 px-2.5 py-2 font-mono text-[12px] leading-relaxed">{shown.text}</pre>
              ) : (
                <span className="block truncate text-right font-mono text-[12px]" title={shown.text}>
                  {shown.text}
                </span>
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/** What the agent may use and knows, who it works with, and the rest of its front matter. */
export function AgentCapabilities({ agent }: { agent: AgentDetail }) {
  const extra = Object.keys(agent.extra ?? {}).length > 0
  return (
    <Card role="region" aria-labelledby="agent-capabilities-heading">
      <CardHeader>
        <CardTitle id="agent-capabilities-heading">Capabilities</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <Section title="Tools">
          {agent.tools == null ? (
            <p className="text-sm">
              All tools <span className="text-muted-foreground">— the file does not limit them.</span>
            </p>
          ) : agent.tools.length === 0 ? (
            <p className="text-sm text-muted-foreground">None.</p>
          ) : (
            <Chips items={agent.tools} label="Tools" mono />
          )}
        </Section>
        {agent.expertise.length > 0 && (
          <Section title="Expertise">
            <Chips items={agent.expertise} label="Expertise" />
          </Section>
        )}
        {agent.collaborates_with.length > 0 && (
          <Section title="Collaborates with">
            <Collaborators names={agent.collaborates_with} />
          </Section>
        )}
        {extra && (
          <Section title="Other settings">
            <ExtraFields extra={agent.extra} />
          </Section>
        )}
      </CardContent>
    </Card>
  )
}
