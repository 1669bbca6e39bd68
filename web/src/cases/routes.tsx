// The routes of the case screens, for App.tsx to place inside the signed-in layout. Only this
// small file is in the initial bundle; the screens load on first use.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import type { Role } from '../api';
import { hasAnyRole, type NavKey } from '../domain/navigation';
import { ForbiddenPage } from '../pages/NotFoundPage';
import { useSession } from '../session';

const screens = () => import('.');
const CaseloadPage = lazy(() => screens().then((m) => ({ default: m.CaseloadPage })));
const PeoplePage = lazy(() => screens().then((m) => ({ default: m.PeoplePage })));
const RegisterPersonPage = lazy(() => screens().then((m) => ({ default: m.RegisterPersonPage })));
const PersonPage = lazy(() => screens().then((m) => ({ default: m.PersonPage })));
const OpenCasePage = lazy(() => screens().then((m) => ({ default: m.OpenCasePage })));
const CasePage = lazy(() => screens().then((m) => ({ default: m.CasePage })));
const CalendarPage = lazy(() => screens().then((m) => ({ default: m.CalendarPage })));
const ModulePage = lazy(() =>
  import('../pages/ModulePage').then((m) => ({ default: m.ModulePage })),
);

// The roles that work on cases (the API's "case roles").
export const CASE_ROLES: readonly Role[] = ['case_worker', 'supervisor'];

// Navigation entries these routes serve (App.tsx gives the other entries a module page).
export const CASE_NAV_KEYS: readonly NavKey[] = ['cases', 'people', 'calendar'];

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

// `roles`: the case roles unless a screen names others (the directory is for org admins too).
export function CaseRole({
  children,
  roles = CASE_ROLES,
}: {
  children: ReactNode;
  roles?: readonly Role[];
}) {
  const { state } = useSession();
  if (state.status !== 'signedIn' || !hasAnyRole(state.session.user.roles, roles))
    return <ForbiddenPage />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

// /cases: the caseload for case roles; shelter staff keep the module's page until their view
// of residents' cases is built.
function CasesHome() {
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const roles = state.session.user.roles;
  if (hasAnyRole(roles, CASE_ROLES)) {
    return (
      <Suspense fallback={<Loading />}>
        <CaseloadPage />
      </Suspense>
    );
  }
  if (hasAnyRole(roles, ['shelter_staff'])) {
    return (
      <Suspense fallback={<Loading />}>
        <ModulePage module="cases" />
      </Suspense>
    );
  }
  return <ForbiddenPage />;
}

const guarded = (path: string, page: ReactNode) => (
  <Route key={path} path={path} element={<CaseRole>{page}</CaseRole>} />
);

export function caseRoutes() {
  return [
    <Route key="cases" path="cases" element={<CasesHome />} />,
    // One route for every section, so moving between sections keeps the case loaded.
    guarded('cases/:caseId/:section?', <CasePage />),
    guarded('people', <PeoplePage />),
    guarded('people/new', <RegisterPersonPage />),
    guarded('people/:personId', <PersonPage />),
    guarded('people/:personId/open-case', <OpenCasePage />),
    guarded('calendar', <CalendarPage />),
  ];
}
