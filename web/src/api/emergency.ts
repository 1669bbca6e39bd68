// Emergency rescue (briefs: api-emergency): help requests routed to the caller's organization,
// their transitions, police coordination, and the measures of the dispatch board. The live
// stream (GET /api/v1/emergency/events) is opened by the board itself with EventSource.
import { request, type ApiResult } from './client';
import type { Page, Region } from './types';

export const REQUEST_STATUSES = [
  'new',
  'acknowledged',
  'dispatched',
  'resolved',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type StatusFilter = RequestStatus | 'open';

export const CHANNELS = [
  'public_web_form',
  'hotline',
  'sms',
  'police',
  'partner',
  'walk_in',
] as const;
export type Channel = (typeof CHANNELS)[number];
// Channels staff log by hand: everything but the public form.
export const STAFF_CHANNELS = [
  'hotline',
  'sms',
  'police',
  'partner',
  'walk_in',
] as const satisfies readonly Channel[];

export const OUTCOMES = ['rescued', 'referred', 'no_contact', 'declined', 'not_genuine'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const URGENCIES = ['immediate', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface PoliceCoordination {
  station: string;
  notified_at: string;
  officer: string | null;
  report_number: string | null;
  outcome: string | null;
}

export interface HelpRequest {
  id: string;
  reference: string;
  channel: Channel;
  region: Region;
  received_at: string;
  status: RequestStatus;
  urgency: string;
  situation: string;
  location: string | null;
  contact: string | null;
  safe_contact: string | null;
  language: string | null;
  assigned_org_id: string;
  escalation_level: number;
  ack_due_at: string | null;
  acknowledged_at: string | null;
  dispatched_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  outcome: Outcome | null;
  person_id: string | null;
  case_id: string | null;
  police: PoliceCoordination | null;
}

// The data of an "request" event on the live stream: enough to place the request on the board.
export interface RequestEvent {
  id: string;
  status: RequestStatus;
  region: Region;
  received_at: string;
  urgency: string;
  escalation_level: number;
}

export interface LoggedRequest {
  channel: Channel;
  region: Region;
  situation: string;
  contact?: string;
  safe_contact?: string;
  location?: string;
  urgency?: string;
}

export interface PoliceReport {
  station: string;
  notified_at: string;
  officer?: string;
  report_number?: string;
  outcome?: string;
}

export interface Measure {
  count: number;
  median_ack_seconds: number | null;
  median_resolve_seconds: number | null;
}
export interface Measures {
  by_org: (Measure & { org_id: string })[];
  by_region: (Measure & { region: Region })[];
}

export interface Coverage {
  org_id: string;
  org_name: string;
  region: Region;
  priority: number;
  // Can someone there see a request now (a shift now, or dispatchers and no roster kept)?
  // Routing skips an organization that cannot.
  on_call_now?: boolean;
  dispatchers?: boolean;
  reachable?: boolean;
}

export const EMERGENCY_EVENTS_URL = '/api/v1/emergency/events';
const base = '/api/v1/emergency/requests';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function listHelpRequests(
  status: StatusFilter = 'open',
  options: { background?: boolean } = {},
): Promise<ApiResult<Page<HelpRequest>>> {
  return request<Page<HelpRequest>>('GET', `${base}?${new URLSearchParams({ status })}`, options);
}

export function getHelpRequest(id: string): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('GET', one(id));
}

export function logHelpRequest(r: LoggedRequest): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', base, { body: r });
}

export function acknowledgeHelpRequest(id: string): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/acknowledge`, { body: {} });
}

export function dispatchHelpRequest(id: string, note?: string): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/dispatch`, { body: note ? { note } : {} });
}

export function recordPolice(id: string, report: PoliceReport): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/police`, { body: report });
}

export function resolveHelpRequest(
  id: string,
  outcome: Outcome,
  note?: string,
): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/resolve`, {
    body: note ? { outcome, note } : { outcome },
  });
}

export function linkHelpRequest(
  id: string,
  personId: string,
  caseId?: string,
): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/link`, {
    body: caseId ? { person_id: personId, case_id: caseId } : { person_id: personId },
  });
}

// A resolved request whose follow-up is done: it changes no more.
export function closeHelpRequest(id: string): Promise<ApiResult<HelpRequest>> {
  return request<HelpRequest>('POST', `${one(id)}/close`, { body: {} });
}

// A woman of the organization matching a request's lookup, as a dispatcher may see her. A
// restricted woman she may not reach is hidden: only id, code and restricted.
export interface CaseStub {
  id: string;
  number: string;
}
export interface RequestCandidate {
  id: string;
  code: string;
  restricted: boolean;
  hidden: boolean;
  alias: string | null;
  age_band: string | null;
  open_cases: CaseStub[];
}
export type PersonLookup = { name: string } | { phone: string };

// Exact match by name or phone among her organization's people, on one request (audited).
export function findPersonCandidates(
  id: string,
  lookup: PersonLookup,
): Promise<ApiResult<{ items: RequestCandidate[] }>> {
  return request<{ items: RequestCandidate[] }>(
    'GET',
    `${one(id)}/candidates?${new URLSearchParams(lookup)}`,
  );
}

// The live stream's "flood" event: the public form's posts past the network-wide ceiling are
// held at the secretariat, without a deadline, from started_at on.
export interface FloodEvent {
  first_id: string;
  started_at: string;
}

export function getEmergencyMeasures(): Promise<ApiResult<Measures>> {
  return request<Measures>('GET', '/api/v1/emergency/measures');
}

// The network's coverage and the caller's own acknowledgement limit (minutes before an
// unacknowledged request escalates to the next organization).
export interface CoverageAnswer {
  items: Coverage[];
  // Regions where no covering organization can see a request now: they go to the secretariat.
  gaps?: Region[];
  ack_limit_minutes: number;
}

export interface OnCallShift {
  id: string;
  user_id: string;
  display_name: string;
  starts_at: string;
  ends_at: string;
}

export function getCoverageSettings(
  options: { background?: boolean } = {},
): Promise<ApiResult<CoverageAnswer>> {
  return request<CoverageAnswer>('GET', '/api/v1/emergency/coverage', options);
}

// org_admin: the regions her own organization covers (the answer is the network's coverage).
export function setCoverage(
  regions: Region[],
  ackLimitMinutes?: number,
): Promise<ApiResult<CoverageAnswer>> {
  const body =
    ackLimitMinutes === undefined ? { regions } : { regions, ack_limit_minutes: ackLimitMinutes };
  return request<CoverageAnswer>('PUT', '/api/v1/emergency/coverage', { body });
}

export function listOnCall(from: string, to: string): Promise<ApiResult<{ items: OnCallShift[] }>> {
  return request<{ items: OnCallShift[] }>(
    'GET',
    `/api/v1/emergency/on-call?${new URLSearchParams({ from, to })}`,
  );
}

export function addOnCall(shift: {
  user_id: string;
  starts_at: string;
  ends_at: string;
}): Promise<ApiResult<OnCallShift>> {
  return request<OnCallShift>('POST', '/api/v1/emergency/on-call', { body: shift });
}
