// Wire types of the Dandelion HTTP API (docs/api-contract.md), as the web app reads
// them. snake_case as on the wire; ids are opaque strings; times RFC 3339 UTC.

export const ROLES = [
  'case_worker',
  'supervisor',
  'shelter_staff',
  'dispatcher',
  'finance',
  'advocate',
  'researcher',
  'auditor',
  'org_admin',
  'network_admin',
  // A member of the survivors' network with an account of her own (docs/api-survivors.md).
  'survivor_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = [
  'secretariat',
  'counseling_center',
  'support_facility',
  'self_reliance_center',
  'survivor_network',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

// ISO 3166-2:KR first-level divisions.
export const REGIONS = [
  'KR-11',
  'KR-26',
  'KR-27',
  'KR-28',
  'KR-29',
  'KR-30',
  'KR-31',
  'KR-41',
  'KR-42',
  'KR-43',
  'KR-44',
  'KR-45',
  'KR-46',
  'KR-47',
  'KR-48',
  'KR-49',
  'KR-50',
] as const;
export type Region = (typeof REGIONS)[number];

export type Language = 'ko' | 'en';

export interface Organization {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  region: Region;
  created_at?: string;
}

export interface NewOrganization {
  slug: string;
  name: string;
  kind: OrgKind;
  region: Region;
}

// A user account as the server shows it: the signed-in user (GET /api/v1/me) and the users an
// org admin manages (GET /api/v1/organizations/{id}/users) have the same shape.
export interface User {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  totp_enabled: boolean;
  disabled: boolean;
  locked: boolean;
  password_change_required: boolean;
  language?: Language;
  last_active_at?: string | null;
  created_at?: string;
}

// POST /api/v1/session and GET /api/v1/me.
export interface Session {
  user: User;
  organization: Organization | null;
  csrf_token: string;
  mfa_enrollment_required: boolean;
  password_change_required: boolean;
  demo?: boolean;
  idle_timeout_seconds?: number;
}

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
  recovery_code?: string;
}

export interface TotpEnrollment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface TotpConfirmation {
  recovery_codes: string[];
}

export interface Instance {
  demo: boolean;
  name?: string;
}

export type OrgUser = User;

export interface NewOrgUser {
  username: string;
  display_name: string;
  roles: Role[];
}

// A created user, or a user whose password was reset: the one-time password is in this answer
// only.
export interface CreatedOrgUser {
  user: OrgUser;
  one_time_password: string;
}

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
