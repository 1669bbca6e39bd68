// The routes of the report screens, for App.tsx to place inside the signed-in layout: the list
// (or, for the network admin, every member's filing status) and one report. Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Role } from '../api';
import { CaseRole } from '../cases/routes';

const screens = () => import('.');
const ReportsPage = lazy(() => screens().then((m) => ({ default: m.ReportsPage })));
const ReportPage = lazy(() => screens().then((m) => ({ default: m.ReportPage })));

export const REPORT_ROLES: readonly Role[] = ['org_admin', 'supervisor', 'network_admin'];

export function reportRoutes() {
  const routes: [string, ReactNode][] = [
    ['reports', <ReportsPage />],
    ['reports/:reportId', <ReportPage />],
  ];
  return routes.map(([path, page]) => (
    <Route key={path} path={path} element={<CaseRole roles={REPORT_ROLES}>{page}</CaseRole>} />
  ));
}
