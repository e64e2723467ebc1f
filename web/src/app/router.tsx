import { lazy, Suspense } from 'react'
import { createBrowserRouter } from 'react-router'

import { RequireSession } from '@/app/require-session'
import { ConfigurationIndex, ConfigurationLayout } from '@/app/routes/configuration/configuration-layout'
import { RouteError } from '@/app/routes/route-error'
import { SettingsIndex, SettingsLayout } from '@/app/routes/settings/settings-layout'
import { AppLayout, type RouteHandle } from '@/components/layout/app-layout'
import { FullPageLoader } from '@/components/layout/full-page-loader'
import { UserMenu } from '@/features/auth/components/user-menu'
import { CommandCenter } from '@/features/command-palette/components/command-center'

// Pages load on demand so the first paint only waits for the shell.
const SignInRoute = lazy(() => import('@/app/routes/sign-in'))
// Its charts (Recharts) stay in the dashboard's chunk, out of the shell.
const DashboardRoute = lazy(() => import('@/app/routes/dashboard/dashboard'))
const ProjectsRoute = lazy(() => import('@/app/routes/projects/projects'))
const ProjectRoute = lazy(() => import('@/app/routes/projects/project'))
const ExecutionsRoute = lazy(() => import('@/app/routes/executions/executions'))
const ExecutionRoute = lazy(() => import('@/app/routes/executions/execution'))
// Markdown and the charts load with the agents pages; the config editor (CodeMirror) only when it shows.
const AgentsRoute = lazy(() => import('@/app/routes/agents/agents'))
const AgentRoute = lazy(() => import('@/app/routes/agents/agent'))
// React Flow and the layout worker load with the graph pages only.
const FlowRoute = lazy(() => import('@/app/routes/flow/flow'))
const PlanEditorRoute = lazy(() => import('@/app/routes/plans/plan-editor'))
const CollaborationRoute = lazy(() => import('@/app/routes/agents/collaboration'))
// The configuration tabs; CodeMirror loads only when an editor shows.
const GlobalConfigurationRoute = lazy(() => import('@/app/routes/configuration/global'))
const ProjectConfigurationRoute = lazy(() => import('@/app/routes/configuration/projects'))
const McpServersRoute = lazy(() => import('@/app/routes/configuration/mcp'))
const WebhooksRoute = lazy(() => import('@/app/routes/configuration/webhooks'))
const ImportExportRoute = lazy(() => import('@/app/routes/configuration/import-export'))
const AccountRoute = lazy(() => import('@/app/routes/settings/account'))
const UsersRoute = lazy(() => import('@/app/routes/settings/users'))
const TokensRoute = lazy(() => import('@/app/routes/settings/tokens'))
const AuditRoute = lazy(() => import('@/app/routes/settings/audit'))
const NotFoundRoute = lazy(() => import('@/app/routes/not-found'))

/** Canvases use the whole content area. */
const FULL_BLEED: RouteHandle = { fullBleed: true }

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<FullPageLoader />}>
        <SignInRoute />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout userMenu={<UserMenu />} />
        <CommandCenter />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'projects', element: <ProjectsRoute /> },
      { path: 'projects/:id', element: <ProjectRoute /> },
      { path: 'executions', element: <ExecutionsRoute /> },
      { path: 'executions/:id', element: <ExecutionRoute /> },
      { path: 'flow', element: <FlowRoute />, handle: FULL_BLEED },
      { path: 'flow/:id', element: <FlowRoute />, handle: FULL_BLEED },
      { path: 'projects/:id/plans/new', element: <PlanEditorRoute />, handle: FULL_BLEED },
      { path: 'plans/:planId', element: <PlanEditorRoute />, handle: FULL_BLEED },
      { path: 'agents', element: <AgentsRoute /> },
      { path: 'agents/collaboration', element: <CollaborationRoute /> },
      { path: 'agents/:name', element: <AgentRoute /> },
      {
        path: 'configuration',
        element: <ConfigurationLayout />,
        children: [
          { index: true, element: <ConfigurationIndex /> },
          { path: 'global', element: <GlobalConfigurationRoute /> },
          { path: 'projects/:projectId?', element: <ProjectConfigurationRoute /> },
          { path: 'mcp', element: <McpServersRoute /> },
          { path: 'webhooks', element: <WebhooksRoute /> },
          { path: 'import-export', element: <ImportExportRoute /> },
        ],
      },
      {
        path: 'settings',
        element: <SettingsLayout />,
        children: [
          { index: true, element: <SettingsIndex /> },
          { path: 'account', element: <AccountRoute /> },
          { path: 'users', element: <UsersRoute /> },
          { path: 'tokens', element: <TokensRoute /> },
          { path: 'audit', element: <AuditRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])
