// The routes of the program screens, for App.tsx to place inside the signed-in layout: the
// list for staff and org admins (who keep the programs), a program's class list and a session's
// attendance sheet for staff only, as the API. The screens load on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Role } from '../api';
import { CASE_ROLES, CaseRole } from '../cases/routes';

const screens = () => import('.');
const ProgramsPage = lazy(() => screens().then((m) => ({ default: m.ProgramsPage })));
const ProgramPage = lazy(() => screens().then((m) => ({ default: m.ProgramPage })));
const AttendancePage = lazy(() => screens().then((m) => ({ default: m.AttendancePage })));

export const PROGRAM_ADMIN_ROLES: readonly Role[] = [...CASE_ROLES, 'org_admin'];

export function programRoutes() {
  const routes: [string, ReactNode, readonly Role[]][] = [
    ['programs', <ProgramsPage />, PROGRAM_ADMIN_ROLES],
    ['programs/:programId', <ProgramPage />, CASE_ROLES],
    ['programs/:programId/sessions/:sessionId', <AttendancePage />, CASE_ROLES],
  ];
  return routes.map(([path, page, roles]) => (
    <Route key={path} path={path} element={<CaseRole roles={roles}>{page}</CaseRole>} />
  ));
}
