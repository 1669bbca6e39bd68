// The routes of the survivors' network's staff screens, for App.tsx to place inside the
// signed-in layout: members (by alias), admitting one by vouching, one member's page, the
// self-help groups with their meetings and attendance, peer support, statements. Accounts with
// survivor.read (docs/api-survivors.md); the screens narrow by her role in the network, and the
// server answers 404 to every other organization. Loaded on first use.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { CaseRole } from '../cases/routes';
import { SURVIVOR_ROLES } from './model';

const screens = () => import('.');
const MembersPage = lazy(() => screens().then((m) => ({ default: m.MembersPage })));
const AdmitMemberPage = lazy(() => screens().then((m) => ({ default: m.AdmitMemberPage })));
const MemberPage = lazy(() => screens().then((m) => ({ default: m.MemberPage })));
const GroupsPage = lazy(() => screens().then((m) => ({ default: m.GroupsPage })));
const GroupPage = lazy(() => screens().then((m) => ({ default: m.GroupPage })));
const PeerSupportPage = lazy(() => screens().then((m) => ({ default: m.PeerSupportPage })));
const StatementsPage = lazy(() => screens().then((m) => ({ default: m.StatementsPage })));

export function survivorRoutes() {
  const routes: [string, ReactNode][] = [
    ['survivors', <MembersPage />],
    ['survivors/members/new', <AdmitMemberPage />],
    ['survivors/members/:memberId', <MemberPage />],
    ['survivors/groups', <GroupsPage />],
    ['survivors/groups/:groupId', <GroupPage />],
    ['survivors/peer-support', <PeerSupportPage />],
    ['survivors/statements', <StatementsPage />],
  ];
  return routes.map(([path, page]) => (
    <Route key={path} path={path} element={<CaseRole roles={SURVIVOR_ROLES}>{page}</CaseRole>} />
  ));
}
