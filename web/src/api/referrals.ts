// Referrals between member organizations and the network directory (docs/api-referrals.md):
// the directory of members as the network sees them (never an address), her exclusions, and
// referrals and transfers under her referral_sharing consent, with their answers.
import { request, type ApiResult } from './client';
import type { ServiceType } from './caseTypes';
import type { OrgKind, Page, Region } from './types';

const enc = encodeURIComponent;

export const FACILITY_TYPES = ['general', 'youth', 'foreigner', 'group_home'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

// A member organization's profile as the rest of the network sees it.
export interface DirectoryEntry {
  org_id: string;
  name: string;
  kind: OrgKind;
  facility_type: FacilityType | null;
  regions: Region[];
  services: ServiceType[];
  languages: string[];
  accepting: boolean;
  intake_contact: string;
  response_days: number;
  free_beds: number | null;
  // Only when asked for one person: she asked never to be sent here.
  excluded?: boolean;
}

export interface DirectoryFilter {
  service?: ServiceType | '';
  region?: Region | '';
  language?: string;
  accepting?: boolean;
  person_id?: string;
}

export interface DirectoryProfile {
  regions: Region[];
  services: ServiceType[];
  languages: string[];
  accepting: boolean;
  intake_contact: string;
  response_days: number;
}

export function listDirectory(
  filter: DirectoryFilter = {},
  cursor?: string,
): Promise<ApiResult<Page<DirectoryEntry>>> {
  const q = new URLSearchParams();
  if (filter.service) q.set('service', filter.service);
  if (filter.region) q.set('region', filter.region);
  if (filter.language) q.set('language', filter.language);
  if (filter.accepting) q.set('accepting', 'true');
  if (filter.person_id) q.set('person_id', filter.person_id);
  if (cursor) q.set('cursor', cursor);
  return request<Page<DirectoryEntry>>('GET', `/api/v1/directory${q.size ? `?${q}` : ''}`);
}

// Up to `maxPages` pages of a list, followed by their cursors, as one page.
async function collectPages<T>(
  page: (cursor?: string) => Promise<ApiResult<Page<T>>>,
  maxPages: number,
): Promise<ApiResult<Page<T>>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const r = await page(cursor);
    if (!r.ok) return r;
    items.push(...r.data.items);
    if (!r.data.next_cursor) return { ok: true, data: { items, next_cursor: null } };
    cursor = r.data.next_cursor;
  }
  return { ok: true, data: { items, next_cursor: cursor ?? null } };
}

// Every page of the directory (a network has tens of members, not thousands): for the lists
// a receiver or an exclusion is chosen from, and the directory screen.
export function listWholeDirectory(
  filter: DirectoryFilter = {},
): Promise<ApiResult<Page<DirectoryEntry>>> {
  return collectPages((cursor) => listDirectory(filter, cursor), 20);
}

export function getDirectoryEntry(orgId: string): Promise<ApiResult<DirectoryEntry>> {
  return request<DirectoryEntry>('GET', `/api/v1/directory/${enc(orgId)}`);
}

// An org admin's own organization's profile; every field is required.
export function putDirectoryProfile(p: DirectoryProfile): Promise<ApiResult<DirectoryEntry>> {
  return request<DirectoryEntry>('PUT', '/api/v1/directory/profile', { body: p });
}

// Her exclusions: an organization or a region she must never be sent to.
export interface Exclusion {
  id: string;
  org_id: string | null;
  org_name: string | null;
  region: Region | null;
  created_at: string;
}

export type NewExclusion = { org_id: string } | { region: Region };

const exclusions = (personId: string) => `/api/v1/people/${enc(personId)}/exclusions`;

export function listExclusions(personId: string): Promise<ApiResult<{ items: Exclusion[] }>> {
  return request<{ items: Exclusion[] }>('GET', exclusions(personId));
}

export function addExclusion(personId: string, e: NewExclusion): Promise<ApiResult<Exclusion>> {
  return request<Exclusion>('POST', exclusions(personId), { body: e });
}

export function removeExclusion(personId: string, id: string): Promise<ApiResult<void>> {
  return request<void>('DELETE', `${exclusions(personId)}/${enc(id)}`);
}

// What the receiver gets of her at acceptance; the consent's scope.fields must name each.
export const SHARE_FIELDS = [
  'legal_name',
  'alias',
  'birth_date',
  'phone',
  'safe_contact',
  'nationality',
  'languages',
  'categories',
] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];

export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const REFERRAL_URGENCIES = ['routine', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];
export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'withdrawn',
  'completed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const EXTERNAL_KINDS = [
  'police',
  'hospital',
  'legal_aid',
  'public_office',
  'other',
] as const;
export type ExternalKind = (typeof EXTERNAL_KINDS)[number];
export const DECLINE_REASONS = [
  'no_capacity',
  'not_our_service',
  'not_our_region',
  'safety',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const REFERRAL_OUTCOMES = ['successful', 'unsuccessful'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const OUTCOME_REASONS = [
  'she_declined',
  'no_capacity',
  'no_longer_needed',
  'unreachable',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

// The refusals a send or an accept can answer with (409).
export const CONSENT_REQUIRED = 'consent_required';
export const EXCLUDED = 'excluded';

interface ReferralCommon {
  case_id: string;
  services: ServiceType[];
  urgency: ReferralUrgency;
  note?: string;
  share: ShareField[];
}

export interface NewNetworkReferral extends ReferralCommon {
  to_org_id: string;
  kind: ReferralKind;
  // A supervisor only, when her life is in danger: sent without the consent, for ever shown.
  life_danger_override?: { reason: string };
}

export interface NewExternalReferral extends ReferralCommon {
  external: { name: string; kind: ExternalKind };
}

export type NewReferral = NewNetworkReferral | NewExternalReferral;

export interface Referral {
  id: string;
  kind: ReferralKind;
  status: ReferralStatus;
  direction: 'incoming' | 'outgoing';
  from_org: { id: string; name: string };
  to_org: { id: string; name: string } | null;
  external: { name: string; kind: ExternalKind } | null;
  services: ServiceType[];
  urgency: ReferralUrgency;
  note: string | null;
  share: ShareField[];
  age_band: string | null;
  languages: string[];
  region: Region | null;
  sent_at: string;
  sent_by: string;
  answer_due_at: string | null;
  overdue: boolean;
  answered_at: string | null;
  decline_reason: DeclineReason | null;
  decline_note: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  completed_at: string | null;
  outcome: ReferralOutcome | null;
  outcome_reason: OutcomeReason | null;
  override: { reason: string; by: string; at: string } | null;
  // The caller's own side's person and case; the receiver's are null until it accepts.
  person: { id: string; code: string; alias: string | null } | null;
  case: { id: string; number: string } | null;
}

export interface ReferralFilter {
  direction?: 'incoming' | 'outgoing';
  status?: ReferralStatus;
  limit?: number;
}

export interface Accepted {
  id: string;
  status: 'accepted';
  person_id: string;
  case_id: string;
}

export interface ReferralCounts {
  total: number;
  by_status: Partial<Record<ReferralStatus, number>>;
  by_outcome: Partial<Record<ReferralOutcome, number>>;
  median_hours_to_answer: number | null;
}

export interface ReferralStatistics {
  outgoing: ReferralCounts;
  incoming: ReferralCounts;
}

const one = (id: string) => `/api/v1/referrals/${enc(id)}`;

export function sendReferral(r: NewReferral): Promise<ApiResult<Referral>> {
  return request<Referral>('POST', '/api/v1/referrals', { body: r });
}

// Newest first.
export function listReferrals(
  filter: ReferralFilter = {},
  cursor?: string,
): Promise<ApiResult<Page<Referral>>> {
  const q = new URLSearchParams();
  if (filter.direction) q.set('direction', filter.direction);
  if (filter.status) q.set('status', filter.status);
  if (filter.limit) q.set('limit', String(filter.limit));
  if (cursor) q.set('cursor', cursor);
  return request<Page<Referral>>('GET', `/api/v1/referrals${q.size ? `?${q}` : ''}`);
}

// The organization's newest referrals, both directions, a few pages of them: where a case
// page looks for the referrals it is linked through (the list has no case filter).
export function listRecentReferrals(): Promise<ApiResult<Page<Referral>>> {
  return collectPages((cursor) => listReferrals({ limit: 50 }, cursor), 10);
}

export function getReferral(id: string): Promise<ApiResult<Referral>> {
  return request<Referral>('GET', one(id));
}

export function acceptReferral(id: string): Promise<ApiResult<Accepted>> {
  return request<Accepted>('POST', `${one(id)}/accept`, { body: {} });
}

export function declineReferral(
  id: string,
  reason: DeclineReason,
  note?: string,
): Promise<ApiResult<Referral>> {
  return request<Referral>('POST', `${one(id)}/decline`, {
    body: note ? { reason, note } : { reason },
  });
}

export function withdrawReferral(id: string, reason?: string): Promise<ApiResult<Referral>> {
  return request<Referral>('POST', `${one(id)}/withdraw`, { body: reason ? { reason } : {} });
}

export function completeReferral(
  id: string,
  outcome: ReferralOutcome,
  reason?: OutcomeReason,
): Promise<ApiResult<Referral>> {
  return request<Referral>('POST', `${one(id)}/complete`, {
    body: reason ? { outcome, reason } : { outcome },
  });
}

// The referral letter (a PDF in Korean), for the sender to print.
export function referralLetterUrl(id: string): string {
  return `${one(id)}/letter`;
}

// from/to: YYYY-MM-DD.
export function getReferralStatistics(
  from: string,
  to: string,
): Promise<ApiResult<ReferralStatistics>> {
  return request<ReferralStatistics>(
    'GET',
    `/api/v1/referrals/statistics?${new URLSearchParams({ from, to })}`,
  );
}
