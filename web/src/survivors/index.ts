// The survivors' network's staff screens, loaded on first use (routes.tsx).
export { MembersPage } from './MembersPage';
export { AdmitMemberPage } from './AdmitMemberPage';
export { MemberPage } from './MemberPage';
export { GroupsPage } from './GroupsPage';
export { GroupPage } from './GroupPage';
export { PeerSupportPage } from './PeerSupportPage';
export { StatementsPage } from './StatementsPage';
