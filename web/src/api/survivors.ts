// The survivors' network (docs/api-survivors.md): members known by alias (her contact sealed
// under her own key, never linked to any person or case), admission by vouching, self-help
// groups with their meetings and attendance by alias, peer-support contacts, collective
// statements signed by members, and a member's own page. Only inside an organization of kind
// survivor_network; every other organization gets 404. No DOM and no translations here: the
// member's own page (src/members/) imports this file directly.
import { request, type ApiResult } from './client';

export const NETWORK_ROLES = ['member', 'facilitator', 'peer_supporter', 'coordinator'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const PEER_MODES = ['in_person', 'phone', 'online', 'message'] as const;
export type PeerMode = (typeof PEER_MODES)[number];

export const STATEMENT_STATUSES = ['draft', 'open', 'published', 'closed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export interface AliasRef {
  id: string;
  alias: string;
}

export interface SurvivorSettings {
  statement_minimum: number;
}

export interface SurvivorGroup {
  id: string;
  name: string;
  region: string;
  facilitators: AliasRef[];
  member_count: number;
  created_at: string;
}

export interface Member {
  id: string;
  alias: string;
  group: { id: string; name: string };
  joined_on: string; // YYYY-MM-DD
  roles: NetworkRole[];
  vouched_by: AliasRef | null;
  account_user_id: string | null;
  status: 'active' | 'erased';
  // Sealed under her own key: only in a coordinator's read of one member (audited).
  legal_name?: string | null;
  contact?: string | null;
  safe_contact?: string | null;
  created_at: string;
}

export interface NewMember {
  alias: string;
  group_id: string;
  joined_on?: string;
  roles?: NetworkRole[];
  legal_name?: string;
  contact?: string;
  safe_contact?: string;
  vouched_by?: string;
}

export interface MemberChanges {
  alias?: string;
  group_id?: string;
  roles?: NetworkRole[];
  legal_name?: string;
  contact?: string;
  safe_contact?: string;
}

export interface Meeting {
  id: string;
  group: { id: string; name: string };
  starts_at: string;
  date: string;
  topic: string;
  facilitator: AliasRef | null;
  place?: string; // sealed; for the group's members, facilitators and coordinators
  attendance_count: number;
}

export interface MeetingFields {
  starts_at: string; // RFC 3339 with +09:00
  topic: string;
  place: string;
  facilitator_id?: string;
}

export interface MeetingAttendance {
  items: { member_id: string; alias: string }[];
  anonymous: number; // attendance of members since erased
  count: number;
}

export interface PeerContact {
  id: string;
  date: string;
  region: string;
  mode: PeerMode;
  minutes: number;
  note?: string;
  supporter: AliasRef;
  created_at: string;
}

export interface NewPeerContact {
  date: string;
  region: string;
  mode: PeerMode;
  minutes: number;
  note?: string;
}

export interface NetworkStatement {
  id: string;
  title_ko: string;
  title_en: string;
  body_ko: string;
  body_en: string;
  status: StatementStatus;
  signatures: number;
  minimum: number;
  on_site: boolean;
  signed: boolean;
  created_at: string;
  published_at: string | null;
}

export interface StatementFields {
  title_ko: string;
  title_en?: string;
  body_ko: string;
  body_en?: string;
}

// GET /api/v1/survivors/me: her own page.
export interface MyPage {
  member: { id: string; alias: string; roles: NetworkRole[]; joined_on: string };
  group: { id: string; name: string; region: string } | null;
  meetings: { id: string; starts_at: string; date: string; topic: string; place: string }[];
  gathering: {
    id: string;
    title_ko: string;
    title_en: string;
    starts_at: string;
    date: string;
    venue: string;
  } | null;
  statements: {
    id: string;
    title_ko: string;
    title_en: string;
    body_ko: string;
    body_en: string;
    status: StatementStatus;
    signed: boolean;
  }[];
  contact: MyContact;
}

export interface MyContact {
  contact: string | null;
  safe_contact: string | null;
}

const S = '/api/v1/survivors';
const enc = encodeURIComponent;

// Her own page.
export const getMyPage = (): Promise<ApiResult<MyPage>> => request('GET', `${S}/me`);
export const updateMyContact = (body: Partial<MyContact>): Promise<ApiResult<MyContact>> =>
  request('PATCH', `${S}/me/contact`, { body });
export const signStatement = (id: string): Promise<ApiResult<NetworkStatement>> =>
  request('PUT', `${S}/statements/${enc(id)}/signature`);
export const withdrawSignature = (id: string): Promise<ApiResult<NetworkStatement>> =>
  request('DELETE', `${S}/statements/${enc(id)}/signature`);

// Settings.
export const getSurvivorSettings = (): Promise<ApiResult<SurvivorSettings>> =>
  request('GET', `${S}/settings`);
export const updateSurvivorSettings = (
  body: SurvivorSettings,
): Promise<ApiResult<SurvivorSettings>> => request('PUT', `${S}/settings`, { body });

// Groups.
export const listSurvivorGroups = (): Promise<ApiResult<{ items: SurvivorGroup[] }>> =>
  request('GET', `${S}/groups`);
export const createSurvivorGroup = (body: {
  name: string;
  region: string;
}): Promise<ApiResult<SurvivorGroup>> => request('POST', `${S}/groups`, { body });
export const updateSurvivorGroup = (
  id: string,
  body: { name?: string; region?: string },
): Promise<ApiResult<SurvivorGroup>> => request('PATCH', `${S}/groups/${enc(id)}`, { body });

// Members.
export const listMembers = (groupId?: string): Promise<ApiResult<{ items: Member[] }>> =>
  request('GET', `${S}/members${groupId ? `?group_id=${enc(groupId)}` : ''}`);
export const admitMember = (body: NewMember): Promise<ApiResult<Member>> =>
  request('POST', `${S}/members`, { body });
// With her sealed fields: an audited read, made only when a coordinator asks to see them.
export const getMember = (id: string): Promise<ApiResult<Member>> =>
  request('GET', `${S}/members/${enc(id)}`);
export const updateMember = (id: string, body: MemberChanges): Promise<ApiResult<Member>> =>
  request('PATCH', `${S}/members/${enc(id)}`, { body });
export const linkMemberAccount = (id: string, userId: string | null): Promise<ApiResult<Member>> =>
  request('PUT', `${S}/members/${enc(id)}/account`, { body: { user_id: userId } });
// Leaving the network: her key is destroyed at once.
export const eraseMember = (id: string): Promise<ApiResult<{ id: string; status: 'erased' }>> =>
  request('DELETE', `${S}/members/${enc(id)}`);

// Meetings and attendance.
export const listMeetings = (groupId: string): Promise<ApiResult<{ items: Meeting[] }>> =>
  request('GET', `${S}/groups/${enc(groupId)}/meetings`);
export const createMeeting = (groupId: string, body: MeetingFields): Promise<ApiResult<Meeting>> =>
  request('POST', `${S}/groups/${enc(groupId)}/meetings`, { body });
export const updateMeeting = (
  id: string,
  body: Partial<MeetingFields>,
): Promise<ApiResult<Meeting>> => request('PATCH', `${S}/meetings/${enc(id)}`, { body });
export const getMeetingAttendance = (meetingId: string): Promise<ApiResult<MeetingAttendance>> =>
  request('GET', `${S}/meetings/${enc(meetingId)}/attendance`);
export const markAttended = (
  meetingId: string,
  memberId: string,
): Promise<ApiResult<MeetingAttendance>> =>
  request('PUT', `${S}/meetings/${enc(meetingId)}/attendance/${enc(memberId)}`);
export const unmarkAttended = (
  meetingId: string,
  memberId: string,
): Promise<ApiResult<MeetingAttendance>> =>
  request('DELETE', `${S}/meetings/${enc(meetingId)}/attendance/${enc(memberId)}`);

// Peer support.
export const listPeerContacts = (): Promise<ApiResult<{ items: PeerContact[] }>> =>
  request('GET', `${S}/peer-contacts`);
export const logPeerContact = (body: NewPeerContact): Promise<ApiResult<PeerContact>> =>
  request('POST', `${S}/peer-contacts`, { body });

// Statements.
export const listNetworkStatements = (): Promise<ApiResult<{ items: NetworkStatement[] }>> =>
  request('GET', `${S}/statements`);
export const draftStatement = (body: StatementFields): Promise<ApiResult<NetworkStatement>> =>
  request('POST', `${S}/statements`, { body });
export const editStatement = (
  id: string,
  body: Partial<StatementFields>,
): Promise<ApiResult<NetworkStatement>> => request('PATCH', `${S}/statements/${enc(id)}`, { body });
export const statementStep = (
  id: string,
  step: 'open' | 'publish' | 'close',
): Promise<ApiResult<NetworkStatement>> => request('POST', `${S}/statements/${enc(id)}/${step}`);
