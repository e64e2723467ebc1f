import { AccessDenied } from '@/components/access-denied'
import { AuditLog } from '@/features/audit/components/audit-log'
import { useCan } from '@/hooks/use-can'
import { useDocumentTitle } from '@/hooks/use-document-title'

export default function AuditRoute() {
  useDocumentTitle('Audit log')
  const allowed = useCan('audit:read')
  if (!allowed) return <AccessDenied what="The audit log" />
  return (
    <section aria-labelledby="audit-heading" className="grid gap-4">
      <div className="space-y-1">
        <h2 id="audit-heading" className="text-lg font-semibold tracking-tight">
          Audit log
        </h2>
        <p className="text-sm text-muted-foreground">Who signed in and what changed, newest first.</p>
      </div>
      <AuditLog />
    </section>
  )
}
