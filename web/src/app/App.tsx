import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { createApolloClient } from './apollo';
import { AppShellLayout } from './AppShellLayout';
import { HomePage } from './HomePage';
import { NotFoundPage, RouteErrorPage } from './RouteErrorPage';
import { RequireSession } from './RequireSession';
import { SessionProvider } from './session';
import { SignInPage } from './SignInPage';

// One chunk per area: the first load carries the shell and sign-in only.
const recruiting = {
  Positions: lazy(() => import('../recruiting/positions/PositionsPage')),
  PipelineBoard: lazy(() => import('../recruiting/pipeline/PipelineBoardPage')),
  Candidates: lazy(() => import('../recruiting/candidates/CandidatesPage')),
  Candidate: lazy(() => import('../recruiting/candidates/CandidatePage')),
  Scheduling: lazy(() => import('../recruiting/scheduling/SchedulingPage')),
  Application: lazy(() => import('../recruiting/ApplicationRedirect')),
};
const interviewing = {
  MyInterviews: lazy(() => import('../interviewing/MyInterviewsPage')),
  Interview: lazy(() => import('../interviewing/InterviewPage')),
};
const Dashboard = lazy(() => import('../analytics/DashboardPage'));
const Decisions = lazy(() => import('../decisions/DecisionsPage'));
const WorkQueue = lazy(() => import('../work-queue/WorkQueuePage'));
const Settings = lazy(() => import('../settings/SettingsPage'));
const admin = {
  Users: lazy(() => import('../admin/UsersPage')),
  Webhooks: lazy(() => import('../admin/WebhooksPage')),
  AuditLog: lazy(() => import('../admin/AuditLogPage')),
  PlanTemplates: lazy(() => import('../admin/PlanTemplatesPage')),
  PlanEditor: lazy(() => import('../admin/plan-editor/PlanEditorPage')),
};
const NotificationsPage = lazy(() => import('./NotificationsPage'));

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Darker shades than Mantine's defaults keep dimmed text and badges at AA contrast.
  primaryShade: 8,
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
});

// Mantine's dimmed grey is 3.3:1 on white; gray.7 is 7:1 (WCAG AA asks 4.5:1 for text).
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Field errors (message and the wrong value) in red.9: Mantine's red is 3.3:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    element: (
      <RequireSession>
        <AppShellLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'work-queue', element: <WorkQueue /> },
      { path: 'positions', element: <recruiting.Positions /> },
      { path: 'positions/:positionId/pipeline', element: <recruiting.PipelineBoard /> },
      { path: 'candidates', element: <recruiting.Candidates /> },
      { path: 'candidates/:candidateId', element: <recruiting.Candidate /> },
      { path: 'applications/:applicationId', element: <recruiting.Application /> },
      { path: 'applications/:applicationId/schedule', element: <recruiting.Scheduling /> },
      { path: 'interviews', element: <interviewing.MyInterviews /> },
      { path: 'interviews/:interviewId', element: <interviewing.Interview /> },
      { path: 'dashboard', element: <Dashboard /> },
      { path: 'decisions', element: <Decisions /> },
      { path: 'settings', element: <Settings /> },
      { path: 'admin/users', element: <admin.Users /> },
      { path: 'admin/webhooks', element: <admin.Webhooks /> },
      { path: 'admin/audit-log', element: <admin.AuditLog /> },
      { path: 'admin/plan-templates', element: <admin.PlanTemplates /> },
      { path: 'admin/plan-templates/:planId', element: <admin.PlanEditor /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'home', element: <Navigate to="/" replace /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariables}>
      <Notifications position="top-right" />
      <ApolloProvider client={client}>
        <SessionProvider onSignedOut={() => void client.clearStore()}>
          <RouterProvider router={router} />
        </SessionProvider>
      </ApolloProvider>
    </MantineProvider>
  );
}
