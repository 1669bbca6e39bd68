// Routes and their guards. Signed-out users go to /sign-in (and come back where they were);
// a session that must still enrol TOTP can only reach /enrol; role pages check roles.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from './api';
import { hasAnyRole, homeFor, NAV_ITEMS, nextPath, type ModuleKey } from './domain/navigation';
import { ForbiddenPage, NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { CASE_NAV_KEYS, caseRoutes } from './cases/routes';
import { programRoutes } from './programs/routes';
import { policyRoutes } from './policy/routes';
import { eventRoutes } from './events/routes';
import { campaignRoutes } from './campaigns/routes';
import { trainingRoutes } from './training/routes';
import { survivorRoutes } from './survivors/routes';
import { reportRoutes } from './reports/routes';
import { referralRoutes } from './referrals/routes';
import { SessionProvider, useSession } from './session';

// Only the sign-in screen is in the initial bundle; everything behind it loads on demand.
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const AccountPage = lazy(() =>
  import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })),
);
const ChangePasswordPage = lazy(() =>
  import('./pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);
const EnrolTotpPage = lazy(() =>
  import('./pages/EnrolTotpPage').then((m) => ({ default: m.EnrolTotpPage })),
);
const ModulePage = lazy(() =>
  import('./pages/ModulePage').then((m) => ({ default: m.ModulePage })),
);
const OrganizationsPage = lazy(() =>
  import('./admin').then((m) => ({ default: m.OrganizationsPage })),
);
const OrgUsersPage = lazy(() => import('./admin').then((m) => ({ default: m.OrgUsersPage })));
const OwnOrgUsersPage = lazy(() => import('./admin').then((m) => ({ default: m.OwnOrgUsersPage })));
const EmergencyBoard = lazy(() =>
  import('./emergency').then((m) => ({ default: m.EmergencyBoard })),
);
const CoveragePage = lazy(() => import('./emergency').then((m) => ({ default: m.CoveragePage })));
const AuditPage = lazy(() => import('./audit').then((m) => ({ default: m.AuditPage })));
const SupervisionPage = lazy(() =>
  import('./supervision').then((m) => ({ default: m.SupervisionPage })),
);
const ShelterPage = lazy(() => import('./shelters').then((m) => ({ default: m.ShelterPage })));
const StatisticsPage = lazy(() => import('./stats').then((m) => ({ default: m.StatisticsPage })));
const FinancePage = lazy(() => import('./funds').then((m) => ({ default: m.FinancePage })));
const FundsPersonPage = lazy(() => import('./funds').then((m) => ({ default: m.FundsPersonPage })));

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

const STAGE_PATH = { password: '/change-password', enrol: '/enrol', app: 'app' } as const;

// step: which stage of signing in the route belongs to. A session that must still replace its
// one-time password or enrol TOTP is sent there first (the server refuses the rest anyway).
function RequireSession({
  children,
  step = 'app',
}: {
  children: ReactNode;
  step?: 'password' | 'enrol' | 'app';
}) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut') {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={state.reason ? undefined : { from: location.pathname }}
      />
    );
  }
  // Pending stages come first; once signed in fully, enrolment and password pages stay open
  // for voluntary use.
  const required = nextPath(state.session, 'app');
  if (required !== 'app' && required !== STAGE_PATH[step])
    return <Navigate to={required} replace />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signedIn' || !hasAnyRole(state.session.user.roles, roles))
    return <ForbiddenPage />;
  return <>{children}</>;
}

function Home() {
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  return <Navigate to={homeFor(state.session.user.roles)} replace />;
}

// Modules with screens of their own get their own routes below; the rest show "coming soon".
const BUILT: readonly string[] = [
  'users',
  'organizations',
  'emergency',
  'coverage',
  'supervision',
  'shelter',
  'funds',
  'statistics',
  'audit',
  'referrals',
  'directory',
  'programs',
  'reports',
  'policy',
  'events',
  'campaigns',
  'partners',
  'training',
  'survivors',
];
const MODULES = NAV_ITEMS.filter((i) => !BUILT.includes(i.key) && !CASE_NAV_KEYS.includes(i.key));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        path="/change-password"
        element={
          <RequireSession step="password">
            <ChangePasswordPage />
          </RequireSession>
        }
      />
      <Route
        path="/enrol"
        element={
          <RequireSession step="enrol">
            <EnrolTotpPage />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        {/* The advocate's former home: her work now starts from the campaigns. */}
        <Route path="advocacy" element={<Navigate to="/campaigns" replace />} />
        {MODULES.map((m) => (
          <Route
            key={m.key}
            path={m.path.slice(1)}
            element={
              <RequireRole roles={m.roles}>
                <ModulePage module={m.key as ModuleKey} />
              </RequireRole>
            }
          />
        ))}
        <Route
          path="audit"
          element={
            <RequireRole roles={['auditor']}>
              <Suspense fallback={<Loading />}>
                <AuditPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="supervision"
          element={
            <RequireRole roles={['supervisor']}>
              <Suspense fallback={<Loading />}>
                <SupervisionPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="shelter"
          element={
            <RequireRole roles={['shelter_staff']}>
              <Suspense fallback={<Loading />}>
                <ShelterPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="statistics"
          element={
            <RequireRole roles={NAV_ITEMS.find((i) => i.key === 'statistics')!.roles}>
              <Suspense fallback={<Loading />}>
                <StatisticsPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="funds"
          element={
            <RequireRole roles={NAV_ITEMS.find((i) => i.key === 'funds')!.roles}>
              <Suspense fallback={<Loading />}>
                <FinancePage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="funds/people/:personId"
          element={
            <RequireRole roles={['finance', 'supervisor', 'case_worker']}>
              <Suspense fallback={<Loading />}>
                <FundsPersonPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={['org_admin']}>
              <Suspense fallback={<Loading />}>
                <OwnOrgUsersPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="admin/organizations"
          element={
            <RequireRole roles={['network_admin']}>
              <Suspense fallback={<Loading />}>
                <OrganizationsPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="admin/organizations/:orgId/users"
          element={
            <RequireRole roles={['org_admin', 'network_admin']}>
              <Suspense fallback={<Loading />}>
                <OrgUsersPage />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="emergency"
          element={
            <RequireRole roles={NAV_ITEMS.find((i) => i.key === 'emergency')!.roles}>
              <Suspense fallback={<Loading />}>
                <EmergencyBoard />
              </Suspense>
            </RequireRole>
          }
        />
        <Route
          path="emergency/coverage"
          element={
            <RequireRole roles={NAV_ITEMS.find((i) => i.key === 'coverage')!.roles}>
              <Suspense fallback={<Loading />}>
                <CoveragePage />
              </Suspense>
            </RequireRole>
          }
        />
        {caseRoutes()}
        {referralRoutes()}
        {programRoutes()}
        {reportRoutes()}
        {policyRoutes()}
        {eventRoutes()}
        {campaignRoutes()}
        {trainingRoutes()}
        {survivorRoutes()}
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <SessionProvider>
      {/* The app is served under /app/ (docs/architecture.md); routes below are relative to it. */}
      <BrowserRouter basename="/app">
        <AppRoutes />
      </BrowserRouter>
    </SessionProvider>
  );
}
