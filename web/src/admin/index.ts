// Administration screens: member organizations (network admins) and users (org admins).
export { OrganizationsPage } from './OrganizationsPage';
export { OrgUsersPage, OwnOrgUsersPage } from './OrgUsersPage';
