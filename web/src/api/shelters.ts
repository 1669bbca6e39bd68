// Shelters (docs/api-shelters.md): the bed board, the shelter staff's home, admissions,
// outings, exits and follow-ups. Residents appear by alias and code only.
import { request, type ApiResult } from './client';

export const BED_KINDS = ['standard', 'accessible', 'with_child', 'emergency'] as const;
export type BedKind = (typeof BED_KINDS)[number];
export const STAY_SOURCES = ['referral', 'rescue', 'direct'] as const;
export type StaySource = (typeof STAY_SOURCES)[number];
export const EXIT_REASONS = [
  'completed',
  'own_choice',
  'rule_breach',
  'transfer',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export const EXIT_DESTINATIONS = [
  'own_housing',
  'public_rental',
  'family',
  'another_facility',
  'group_home',
  'unknown',
  'returned_to_trade',
] as const;
export type ExitDestination = (typeof EXIT_DESTINATIONS)[number];
export const FOLLOW_UP_OUTCOMES = [
  'stable',
  'struggling',
  'returned_to_trade',
  'unreachable',
] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
// Her exit-readiness checklist, in the order the server lists it.
export const READINESS_ITEMS = [
  'housing_application',
  'income',
  'savings',
  'id_documents',
  'self_reliance_referral',
  'legal_matters',
] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];
export const READINESS_STATUSES = ['not_started', 'in_progress', 'done', 'not_needed'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];
export interface ReadinessAnswer {
  item: ReadinessItem;
  status: ReadinessStatus;
  note: string | null;
  recorded_at: string | null;
}
// Settled: nothing more to do for that item before she leaves.
export const isSettled = (a: ReadinessAnswer) => a.status === 'done' || a.status === 'not_needed';
export type BedState = 'free' | 'occupied' | 'held' | 'out_of_service';
export type OutingKind = 'outing' | 'overnight';

export interface Outing {
  id: string;
  stay_id: string;
  kind: OutingKind;
  left_at: string;
  planned_return_at: string;
  returned_at: string | null;
  destination: string | null;
  overdue: boolean;
  alerted_at: string | null;
}

export interface FollowUp {
  id: string;
  stay_id: string;
  person_code: string;
  months: 1 | 3 | 6;
  due_on: string;
  done_on: string | null;
  outcome: FollowUpOutcome | null;
}

export interface Stay {
  id: string;
  person: { id: string; code: string; alias: string | null };
  bed_id: string;
  bed: string;
  room: string;
  source: StaySource;
  admitted_on: string;
  house_rules_agreed_on: string;
  planned_end_on: string;
  max_end_on: string;
  days_in_stay: number;
  days_to_limit: number;
  countdown: 0 | 7 | 30 | 90;
  readiness_due: boolean;
  readiness_items?: string[];
  // Every item on her stay's own page; on lists only while readiness_due.
  readiness?: ReadinessAnswer[];
  exited_on: string | null;
  exit_reason: ExitReason | null;
  exit_destination: ExitDestination | null;
  destination_safe: boolean | null;
  exit_note: string | null;
  out: Outing | null;
  follow_ups: FollowUp[];
}

export interface Bed {
  id: string;
  room_id: string;
  room: string;
  label: string;
  kind: BedKind;
  status: 'in_service' | 'out_of_service' | 'removed';
}

export interface BoardBed extends Bed {
  state: BedState;
  held_until: string | null;
  hold_id?: string | null; // a dispatcher's running hold on it, named at admission
  stay?: Stay;
}

export interface Board {
  today: string;
  beds: BoardBed[];
}

export interface ShelterHome {
  today: string;
  grace_minutes: number;
  residents: Stay[];
  out: Outing[];
  follow_ups_due: FollowUp[];
}

export interface AdmitInput {
  person_code: string;
  bed_id: string;
  admitted_on: string;
  source: StaySource;
  house_rules_agreed_on: string;
  hold_id?: string;
}

export interface OutingInput {
  kind: OutingKind;
  left_at: string;
  planned_return_at: string;
  destination?: string;
}

export interface ExitInput {
  exited_on: string;
  reason: ExitReason;
  destination: ExitDestination;
  destination_safe?: boolean;
  note?: string;
}

export function getBoard(): Promise<ApiResult<Board>> {
  return request<Board>('GET', '/api/v1/shelter/board');
}

export function getShelterHome(): Promise<ApiResult<ShelterHome>> {
  return request<ShelterHome>('GET', '/api/v1/shelter/home');
}

export function admit(input: AdmitInput): Promise<ApiResult<Stay>> {
  return request<Stay>('POST', '/api/v1/shelter/stays', { body: input });
}

export function startOuting(stayId: string, input: OutingInput): Promise<ApiResult<Outing>> {
  return request<Outing>('POST', `/api/v1/shelter/stays/${encodeURIComponent(stayId)}/outings`, {
    body: input,
  });
}

export function endOuting(outingId: string): Promise<ApiResult<Outing>> {
  return request<Outing>('POST', `/api/v1/shelter/outings/${encodeURIComponent(outingId)}/return`, {
    body: {},
  });
}

export function exitStay(stayId: string, input: ExitInput): Promise<ApiResult<Stay>> {
  return request<Stay>('POST', `/api/v1/shelter/stays/${encodeURIComponent(stayId)}/exit`, {
    body: input,
  });
}

export function recordFollowUp(
  id: string,
  input: { done_on: string; outcome: FollowUpOutcome; note?: string },
): Promise<ApiResult<FollowUp>> {
  return request<FollowUp>('POST', `/api/v1/shelter/follow-ups/${encodeURIComponent(id)}`, {
    body: input,
  });
}

export function getStay(stayId: string): Promise<ApiResult<Stay>> {
  return request<Stay>('GET', `/api/v1/shelter/stays/${encodeURIComponent(stayId)}`);
}

export function recordReadiness(
  stayId: string,
  item: ReadinessItem,
  input: { status: ReadinessStatus; note?: string },
): Promise<ApiResult<ReadinessAnswer>> {
  return request<ReadinessAnswer>(
    'PUT',
    `/api/v1/shelter/stays/${encodeURIComponent(stayId)}/readiness/${item}`,
    { body: input },
  );
}

export interface Extension {
  id: string;
  stay_id: string;
  person_code: string;
  until_on: string;
  reason: string | null;
  status: 'pending' | 'approved' | 'refused';
  requested_at: string;
  max_end_on: string;
}

export function requestExtension(
  stayId: string,
  input: { until_on: string; reason: string },
): Promise<ApiResult<Extension>> {
  return request<Extension>(
    'POST',
    `/api/v1/shelter/stays/${encodeURIComponent(stayId)}/extensions`,
    { body: input },
  );
}

// The nights residents spent in the facility in a month ("YYYY-MM"), as funders count them.
export function getOccupancy(month: string): Promise<ApiResult<{ month: string; nights: number }>> {
  return request<{ month: string; nights: number }>(
    'GET',
    `/api/v1/shelter/occupancy?month=${encodeURIComponent(month)}`,
  );
}

export type WaitlistUrgency = 'low' | 'medium' | 'high' | 'critical';

export interface WaitlistEntry {
  id: string;
  person: { id: string; code: string; alias: string | null };
  urgency: WaitlistUrgency;
  source: StaySource;
  note: string | null;
  added_at: string;
}

export function getWaitlist(): Promise<ApiResult<{ items: WaitlistEntry[] }>> {
  return request<{ items: WaitlistEntry[] }>('GET', '/api/v1/shelter/waitlist');
}

export interface Room {
  id: string;
  name: string;
  beds: Bed[];
}

// A new room with its beds, labelled 1..beds.
export function addRoom(input: {
  name: string;
  beds: number;
  kind: BedKind;
}): Promise<ApiResult<Room>> {
  return request<Room>('POST', '/api/v1/shelter/rooms', { body: input });
}

export function setBedStatus(
  bedId: string,
  status: 'in_service' | 'out_of_service' | 'removed',
): Promise<ApiResult<Bed>> {
  return request<Bed>('POST', `/api/v1/shelter/beds/${encodeURIComponent(bedId)}/status`, {
    body: { status },
  });
}

// Supervisors: the pending extension requests of their organization, and their decision.
export function listExtensions(): Promise<ApiResult<{ items: Extension[] }>> {
  return request<{ items: Extension[] }>('GET', '/api/v1/shelter/extensions');
}

export function decideExtension(id: string, approve: boolean): Promise<ApiResult<Extension>> {
  return request<Extension>(
    'POST',
    `/api/v1/shelter/extensions/${encodeURIComponent(id)}/decision`,
    { body: { approve } },
  );
}

// Free beds across the network: counts only, per facility and kind of bed.
export interface FacilityBeds {
  org_id: string;
  facility_type: string;
  region: string;
  free: number;
  kinds: Partial<Record<BedKind, { total: number; free: number }>>;
}

export function getNetworkBeds(
  options: { background?: boolean } = {},
): Promise<ApiResult<{ items: FacilityBeds[] }>> {
  return request<{ items: FacilityBeds[] }>('GET', '/api/v1/network/beds', options);
}

export interface BedHold {
  id: string;
  org_id: string;
  bed_id: string;
  kind: BedKind;
  expires_at: string;
}

// A dispatcher holds a free bed of that kind for 90 minutes, for a rescue on its way.
export function holdBed(orgId: string, kind: BedKind): Promise<ApiResult<BedHold>> {
  return request<BedHold>('POST', '/api/v1/network/beds/holds', {
    body: { org_id: orgId, kind },
  });
}
