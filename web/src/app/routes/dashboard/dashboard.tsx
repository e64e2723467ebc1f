import { PageHeader } from '@/components/layout/page-header'
import { ActivityFeed } from '@/features/dashboard/components/activity-feed'
import { AgentsPanel } from '@/features/dashboard/components/agents-panel'
import { MetricsPanel } from '@/features/dashboard/components/metrics-panel'
import { SystemHealthPanel } from '@/features/dashboard/components/system-health'
import { useDashboardLive } from '@/features/dashboard/hooks/use-dashboard-live'
import { useDocumentTitle } from '@/hooks/use-document-title'

/** The home page: agents now, how runs went, what just happened, and the host. Live throughout. */
export default function DashboardRoute() {
  useDocumentTitle('Dashboard')
  useDashboardLive()
  return (
    <div className="grid gap-8">
      <PageHeader title="Dashboard" description="What your agents are doing now, and how their runs have gone." />
      <AgentsPanel />
      <MetricsPanel />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <ActivityFeed className="lg:col-span-2 lg:max-h-[640px]" />
        <SystemHealthPanel />
      </div>
    </div>
  )
}
