import { Badge } from '@/components/ui/badge'
import { ROLE_LABELS, type TokenRole } from '@/lib/permissions'

const VARIANT = {
  admin: 'default',
  operator: 'secondary',
  viewer: 'muted',
  ingest: 'outline',
} as const satisfies Record<TokenRole, 'default' | 'secondary' | 'muted' | 'outline'>

export function RoleBadge({ role }: { role: TokenRole }) {
  return <Badge variant={VARIANT[role]}>{ROLE_LABELS[role]}</Badge>
}
