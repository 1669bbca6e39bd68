// What each role sees: the navigation entries and the home a user lands on. Modules that are
// not built yet still get their place, so the layout is right from the start.
import { ROLES, type OrgKind, type Role } from '../api';

export type ModuleKey =
  'cases' | 'supervision' | 'shelter' | 'emergency' | 'funds' | 'statistics' | 'audit';

export type NavKey =
  | ModuleKey
  | 'users'
  | 'organizations'
  | 'people'
  | 'calendar'
  | 'referrals'
  | 'directory'
  | 'coverage'
  | 'programs'
  | 'reports'
  | 'policy'
  | 'events'
  | 'campaigns'
  | 'partners'
  | 'training'
  | 'survivors';

export interface NavItem {
  key: NavKey;
  path: string;
  roles: readonly Role[];
  // Only for organizations of these kinds (every kind when absent).
  orgKinds?: readonly OrgKind[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'emergency', path: '/emergency', roles: ['dispatcher'] },
  // Which regions one's organization covers, and who is on call: set by its admin, kept by dispatchers.
  { key: 'coverage', path: '/emergency/coverage', roles: ['dispatcher', 'org_admin'] },
  { key: 'cases', path: '/cases', roles: ['case_worker', 'supervisor', 'shelter_staff'] },
  { key: 'people', path: '/people', roles: ['case_worker', 'supervisor'] },
  { key: 'calendar', path: '/calendar', roles: ['case_worker', 'supervisor'] },
  // Referrals to and from other members, and the network directory they are chosen from.
  { key: 'referrals', path: '/referrals', roles: ['case_worker', 'supervisor'] },
  { key: 'directory', path: '/directory', roles: ['case_worker', 'supervisor', 'org_admin'] },
  // Self-reliance programs: courses, placements and schooling with their attendance, run by
  // self-reliance centers; their admins keep the programs, never her data.
  {
    key: 'programs',
    path: '/programs',
    roles: ['case_worker', 'supervisor', 'org_admin'],
    orgKinds: ['self_reliance_center'],
  },
  { key: 'supervision', path: '/supervision', roles: ['supervisor'] },
  { key: 'shelter', path: '/shelter', roles: ['shelter_staff'] },
  // Support funds: finance's home; org admins keep the sources, supervisors approve payments.
  { key: 'funds', path: '/funds', roles: ['finance', 'org_admin', 'supervisor'] },
  // Figures only: the network's (suppressed) for the network admin and researchers, an
  // organization's own for its admin and supervisors.
  {
    key: 'statistics',
    path: '/statistics',
    roles: ['researcher', 'network_admin', 'org_admin', 'supervisor'],
  },
  // Periodic reports: prepared and filed by the org admin, reviewed by supervisors; the network
  // admin sees which members have filed.
  { key: 'reports', path: '/reports', roles: ['org_admin', 'supervisor', 'network_admin'] },
  // The policy monitor: laws and ordinances, their scorecard and map; everyone signed in reads,
  // advocates and the network admin edit (policy/model.ts, EDITOR_ROLES).
  { key: 'policy', path: '/policy', roles: ROLES },
  // Events with public registration and check-in at the door: the organizing organization's
  // advocates and admins (event.read, docs/security.md).
  { key: 'events', path: '/events', roles: ['advocate', 'org_admin', 'network_admin'] },
  // Campaigns (the pilgrimage's route…) and partner organizations: everyone signed in reads
  // (campaign.read, partner.read); advocates and admins edit. Activist training: the organizing
  // organization's advocates and admins (training.read, docs/security.md).
  { key: 'campaigns', path: '/campaigns', roles: ROLES },
  { key: 'partners', path: '/partners', roles: ROLES },
  { key: 'training', path: '/training', roles: ['advocate', 'org_admin', 'network_admin'] },
  // The survivors' network's own screens: members by alias, groups, peer support, statements
  // (survivor.read, docs/api-survivors.md); only in a survivors' network, narrowed by her role
  // in it.
  {
    key: 'survivors',
    path: '/survivors',
    roles: ['survivor_member', 'org_admin'],
    orgKinds: ['survivor_network'],
  },
  { key: 'audit', path: '/audit', roles: ['auditor'] },
  { key: 'users', path: '/admin/users', roles: ['org_admin'] },
  { key: 'organizations', path: '/admin/organizations', roles: ['network_admin'] },
];

// Daily work before administration: a counselor who is also her center's admin lands on cases.
const HOME_ORDER: readonly [Role, string][] = [
  ['dispatcher', '/emergency'],
  ['case_worker', '/cases'],
  // A supervisor's day starts from the cases too; approvals are one link away.
  ['supervisor', '/cases'],
  ['shelter_staff', '/shelter'],
  ['finance', '/funds'],
  // An advocate's work starts from the campaigns (the pilgrimage's route, its events).
  ['advocate', '/campaigns'],
  ['researcher', '/statistics'],
  ['auditor', '/audit'],
  // A member account that opens the staff app (a facilitator, a coordinator): her network.
  ['survivor_member', '/survivors'],
  ['org_admin', '/admin/users'],
  ['network_admin', '/admin/organizations'],
];

// The entries of the user's roles; an entry kept for some kinds of organization only when the
// user's organization is of one of them.
export function navFor(roles: readonly Role[], orgKind?: OrgKind | null): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      item.roles.some((r) => roles.includes(r)) &&
      (!item.orgKinds || (orgKind ? item.orgKinds.includes(orgKind) : false)),
  );
}

export function homeFor(roles: readonly Role[]): string {
  return HOME_ORDER.find(([role]) => roles.includes(role))?.[1] ?? '/account';
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

// Where a session goes next: first replace a one-time password, then enrol TOTP, then work.
export function nextPath(
  session: {
    password_change_required: boolean;
    mfa_enrollment_required: boolean;
    user: { roles: readonly Role[] };
  },
  wanted?: string,
): string {
  if (session.password_change_required) return '/change-password';
  if (session.mfa_enrollment_required) return '/enrol';
  return wanted ?? homeFor(session.user.roles);
}
