// Events of the secretariat and its members (docs/api-events.md): forums, workshops, rallies,
// memorials and pilgrimage stops with their registrations, the attendee list (staff only; a
// woman registered under an alias is listed by her alias, the API never sends her name) and
// check-in at the door, idempotent so that a check-in queued on a flaky connection can be sent
// again safely.
import { request, type ApiResult } from './client';

export const NETWORK_EVENT_KINDS = [
  'forum',
  'policy_workshop',
  'panel',
  'rally',
  'memorial',
  'pilgrimage_stop',
  'press_conference',
  'training_session',
  // A survivors' network's yearly gathering: private, never published (docs/api-survivors.md).
  'gathering',
] as const;
export type NetworkEventKind = (typeof NETWORK_EVENT_KINDS)[number];

export const REGISTRATION_ROLES = ['attendee', 'speaker', 'host', 'volunteer', 'press'] as const;
export type RegistrationRole = (typeof REGISTRATION_ROLES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const CHECK_IN_METHODS = ['qr', 'reference', 'list'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export interface EventCounts {
  registered: number;
  waitlisted: number;
  cancelled: number;
  checked_in: number;
}

export interface NetworkEvent {
  id: string;
  kind: NetworkEventKind;
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  starts_at: string; // RFC 3339, UTC
  ends_at: string;
  date: string; // the Korea calendar day of the start
  venue: string;
  region: string;
  capacity: number | null;
  registration_open: boolean;
  published: boolean;
  campaign_id: string | null;
  organizer: { id: string; name: string };
  counts: EventCounts;
  created_at: string;
  updated_at: string;
}

// What the form sends: on create the required fields, on edit any of them.
export interface EventFields {
  kind: NetworkEventKind;
  title_ko: string;
  title_en?: string;
  description_ko?: string;
  description_en?: string;
  starts_at: string; // RFC 3339 with +09:00
  ends_at: string;
  venue: string;
  region: string;
  capacity: number | null;
  registration_open: boolean;
  published: boolean;
}

export interface Registration {
  id: string;
  reference: string; // "XXXX-XXXX"
  role: RegistrationRole;
  status: RegistrationStatus;
  source: 'public' | 'staff';
  // What every list shows: her alias when she registered under one, else the name she gave.
  name: string;
  alias: boolean;
  photo_consent: boolean;
  registered_at: string;
  cancelled_at: string | null;
  checked_in_at: string | null;
  check_in_method: CheckInMethod | null;
}

export type RoleCounts = Partial<Record<RegistrationRole, number>>;

export interface RegistrationList {
  items: Registration[];
  counts: EventCounts;
  by_role: RoleCounts;
}

export interface NewRegistration {
  name: string;
  contact?: string;
  alias?: string; // the name she is listed by, when she gives one
  role?: RegistrationRole;
  photo_consent?: boolean;
}

export type CreatedRegistration = Registration & { ticket_qr_svg: string; ticket_token: string };

export interface CancelAnswer {
  registration: Registration;
  promoted: Registration | null;
}

// Exactly one of token, reference and registration_id.
export type CheckInBy = { token: string } | { reference: string } | { registration_id: string };
export type CheckInBody = CheckInBy & { idempotency_key: string; checked_in_at?: string };

export interface CheckInAnswer {
  registration: Registration;
  checked_in_at: string;
  replayed: boolean;
}

export interface EventAttendance {
  counts: EventCounts;
  by_role: RoleCounts;
  capacity: number | null;
}

const E = '/api/v1/events';
const one = (id: string) => `${E}/${encodeURIComponent(id)}`;

export const listNetworkEvents = (): Promise<ApiResult<{ items: NetworkEvent[] }>> =>
  request('GET', E);
export const getNetworkEvent = (id: string): Promise<ApiResult<NetworkEvent>> =>
  request('GET', one(id));
export const createNetworkEvent = (body: EventFields): Promise<ApiResult<NetworkEvent>> =>
  request('POST', E, { body });
export const updateNetworkEvent = (
  id: string,
  body: Partial<EventFields>,
): Promise<ApiResult<NetworkEvent>> => request('PATCH', one(id), { body });
export const getEventAttendance = (id: string): Promise<ApiResult<EventAttendance>> =>
  request('GET', `${one(id)}/attendance`);
export const listRegistrations = (id: string): Promise<ApiResult<RegistrationList>> =>
  request('GET', `${one(id)}/registrations`);
export const addRegistration = (
  id: string,
  body: NewRegistration,
): Promise<ApiResult<CreatedRegistration>> => request('POST', `${one(id)}/registrations`, { body });
export const cancelRegistration = (id: string, rid: string): Promise<ApiResult<CancelAnswer>> =>
  request('POST', `${one(id)}/registrations/${encodeURIComponent(rid)}/cancel`, { body: {} });
export const checkIn = (id: string, body: CheckInBody): Promise<ApiResult<CheckInAnswer>> =>
  request('POST', `${one(id)}/check-ins`, { body });
