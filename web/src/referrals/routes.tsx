// The routes of the referral screens, for App.tsx to place inside the signed-in layout: case
// roles, as the API; the directory for org admins too, and their own organization's profile
// for org admins only. The screens load on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Role } from '../api';
import { CASE_ROLES, CaseRole } from '../cases/routes';

const screens = () => import('.');
const DirectoryPage = lazy(() => screens().then((m) => ({ default: m.DirectoryPage })));
const DirectoryProfilePage = lazy(() =>
  screens().then((m) => ({ default: m.DirectoryProfilePage })),
);
const ReferPage = lazy(() => screens().then((m) => ({ default: m.ReferPage })));
const ReferralsPage = lazy(() => screens().then((m) => ({ default: m.ReferralsPage })));
const ReferralDetailPage = lazy(() => screens().then((m) => ({ default: m.ReferralDetailPage })));

export const DIRECTORY_ROLES: readonly Role[] = [...CASE_ROLES, 'org_admin'];

export function referralRoutes() {
  const routes: [string, ReactNode, readonly Role[]][] = [
    ['directory', <DirectoryPage />, DIRECTORY_ROLES],
    ['directory/profile', <DirectoryProfilePage />, ['org_admin']],
    ['referrals', <ReferralsPage />, CASE_ROLES],
    ['referrals/:referralId', <ReferralDetailPage />, CASE_ROLES],
    ['cases/:caseId/refer', <ReferPage />, CASE_ROLES],
  ];
  return routes.map(([path, page, roles]) => (
    <Route key={path} path={path} element={<CaseRole roles={roles}>{page}</CaseRole>} />
  ));
}
