import { lazy } from 'react'
import { createBrowserRouter, Navigate } from 'react-router'

import { RouteError } from '@/app/routes/route-error'
import { AppLayout } from '@/components/layout/app-layout'

// Pages load on demand so the first paint only waits for the shell.
const ProjectsRoute = lazy(() => import('@/app/routes/projects/projects'))
const ProjectRoute = lazy(() => import('@/app/routes/projects/project'))
const NotFoundRoute = lazy(() => import('@/app/routes/not-found'))

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'projects', element: <ProjectsRoute /> },
      { path: 'projects/:id', element: <ProjectRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])
