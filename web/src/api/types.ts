// Wire types of the Dandelion HTTP API (shared/design/api-contract.md), as the web app reads
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
  'KR-11', 'KR-26', 'KR-27', 'KR-28', 'KR-29', 'KR-30', 'KR-31', 'KR-41', 'KR-42',
  'KR-43', 'KR-44', 'KR-45', 'KR-46', 'KR-47', 'KR-48', 'KR-49', 'KR-50',
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

// The signed-in user, as GET /api/v1/me and POST /api/v1/session return it.
export interface SessionUser {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  organization: Organization;
  mfa_enabled?: boolean;
  language?: Language;
}

export interface Session {
  user: SessionUser;
  csrf_token: string;
  mfa_enrollment_required: boolean;
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

// A user of an organization as org admins see it.
export interface OrgUser {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  disabled_at?: string | null;
  locked_until?: string | null;
  mfa_enabled?: boolean;
  last_active_at?: string | null;
  created_at?: string;
}

export interface NewOrgUser {
  username: string;
  display_name: string;
  roles: Role[];
}

export interface CreatedOrgUser {
  user: OrgUser;
  one_time_password: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
