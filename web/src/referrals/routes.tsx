// The routes of the referral screens, for App.tsx to place inside the signed-in layout; case
// roles only, as the API. The screens load on first use.
import { lazy } from 'react';
import { Route } from 'react-router';
import { CaseRole } from '../cases/routes';

const screens = () => import('.');
const DirectoryPage = lazy(() => screens().then((m) => ({ default: m.DirectoryPage })));
const ReferPage = lazy(() => screens().then((m) => ({ default: m.ReferPage })));
const ReferralsPage = lazy(() => screens().then((m) => ({ default: m.ReferralsPage })));
const ReferralDetailPage = lazy(() => screens().then((m) => ({ default: m.ReferralDetailPage })));

export function referralRoutes() {
  return [
    ['directory', <DirectoryPage />],
    ['referrals', <ReferralsPage />],
    ['referrals/:referralId', <ReferralDetailPage />],
    ['cases/:caseId/refer', <ReferPage />],
  ].map(([path, page]) => (
    <Route key={path as string} path={path as string} element={<CaseRole>{page}</CaseRole>} />
  ));
}
