// Campaigns such as the annual Dandelion Pilgrimage (docs/api-campaigns.md): the campaign with
// its goal, period and themes, its route of stops, materials (links and files), press coverage
// and linked events; progress is derived by the server (a stop is done once its day is past in
// Korea). Materials are public or organizational files, never a woman's data.
import { request, type ApiResult } from './client';
import { uploadBytes } from './caseRecords';

export const CAMPAIGN_THEMES = [
  'curbing_demand',
  'punishing_pimps',
  'decriminalizing_women',
  'exit_support',
  'memorial',
  'public_awareness',
  'local_ordinances',
  'anti_trafficking',
] as const;
export type CampaignTheme = (typeof CAMPAIGN_THEMES)[number];

export const CAMPAIGN_STATUSES = ['planning', 'active', 'finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const STOP_ACTIVITIES = [
  'rally',
  'vigil',
  'press_conference',
  'forum',
  'march',
  'memorial',
] as const;
export type StopActivity = (typeof STOP_ACTIVITIES)[number];

export const MATERIAL_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-hwp',
];
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

export interface CampaignProgress {
  stops_total: number;
  stops_done: number;
  next_stop_on: string | null;
  checked_in_total?: number;
}

export interface Campaign {
  id: string;
  title_ko: string;
  title_en: string;
  summary_ko: string;
  summary_en: string;
  goal_ko: string;
  goal_en: string;
  starts_on: string;
  ends_on: string;
  themes: CampaignTheme[];
  status: CampaignStatus;
  published: boolean;
  organizer: { id: string; name: string };
  can_edit: boolean;
  progress: CampaignProgress;
  created_at: string;
  updated_at: string;
}

export interface StopHost {
  kind: 'member' | 'partner';
  id: string;
  name: string;
}

export interface CampaignStop {
  id: string;
  position: number;
  date: string;
  region: string;
  city: string;
  venue: string;
  host: StopHost | null;
  activities: StopActivity[];
  event_id: string | null;
  note: string;
  done: boolean;
}

export interface CampaignMaterial {
  id: string;
  title: string;
  url: string | null;
  file: { name: string; type: string; size: number } | null;
  public: boolean;
  created_at: string;
}

export interface CampaignPress {
  id: string;
  date: string;
  outlet: string;
  title: string;
  url: string;
  created_at: string;
}

export interface LinkedEvent {
  id: string;
  kind: string;
  title_ko: string;
  title_en: string;
  date: string;
  starts_at: string;
  published: boolean;
  organizer: { id: string; name: string };
  counts: { registered: number; checked_in: number } | null;
}

export interface CampaignDetail extends Campaign {
  stops: CampaignStop[];
  materials: CampaignMaterial[];
  press: CampaignPress[];
  events: LinkedEvent[];
}

export interface CampaignFields {
  title_ko: string;
  title_en: string;
  summary_ko: string;
  summary_en: string;
  goal_ko: string;
  goal_en: string;
  starts_on: string;
  ends_on: string;
  themes: CampaignTheme[];
  status: CampaignStatus;
  published: boolean;
}

export interface StopFields {
  date: string;
  region: string;
  city: string;
  venue: string;
  activities: StopActivity[];
  host_org_id?: string | null;
  host_partner_id?: string | null;
  event_id?: string | null;
  note?: string;
  position?: number;
}

const C = '/api/v1/campaigns';
const enc = encodeURIComponent;
const one = (id: string) => `${C}/${enc(id)}`;

export const listCampaigns = (): Promise<ApiResult<{ items: Campaign[] }>> => request('GET', C);
export const getCampaign = (id: string): Promise<ApiResult<CampaignDetail>> =>
  request('GET', one(id));
export const createCampaign = (body: CampaignFields): Promise<ApiResult<CampaignDetail>> =>
  request('POST', C, { body });
export const updateCampaign = (
  id: string,
  body: Partial<CampaignFields>,
): Promise<ApiResult<CampaignDetail>> => request('PATCH', one(id), { body });

export const addStop = (id: string, body: StopFields): Promise<ApiResult<CampaignDetail>> =>
  request('POST', `${one(id)}/stops`, { body });
export const updateStop = (
  id: string,
  sid: string,
  body: Partial<StopFields>,
): Promise<ApiResult<CampaignDetail>> => request('PATCH', `${one(id)}/stops/${enc(sid)}`, { body });
export const removeStop = (id: string, sid: string): Promise<ApiResult<CampaignDetail>> =>
  request('DELETE', `${one(id)}/stops/${enc(sid)}`);
export const reorderRoute = (id: string, stopIds: string[]): Promise<ApiResult<CampaignDetail>> =>
  request('PUT', `${one(id)}/route`, { body: { stop_ids: stopIds } });

export const linkEvent = (id: string, eventId: string): Promise<ApiResult<CampaignDetail>> =>
  request('POST', `${one(id)}/events`, { body: { event_id: eventId } });
export const unlinkEvent = (id: string, eventId: string): Promise<ApiResult<CampaignDetail>> =>
  request('DELETE', `${one(id)}/events/${enc(eventId)}`);

export const addMaterialLink = (
  id: string,
  body: { title: string; url: string; public?: boolean },
): Promise<ApiResult<CampaignMaterial>> => request('POST', `${one(id)}/materials`, { body });
export function uploadMaterial(
  id: string,
  title: string,
  isPublic: boolean,
  file: Blob & { name: string },
  onProgress: (fraction: number) => void,
): Promise<ApiResult<CampaignMaterial>> {
  const q = new URLSearchParams({ title, name: file.name, public: String(isPublic) });
  return uploadBytes<CampaignMaterial>(`${one(id)}/materials?${q}`, file, file.type, onProgress);
}
export const materialFileUrl = (id: string, mid: string) => `${one(id)}/materials/${enc(mid)}/file`;
export const removeMaterial = (id: string, mid: string): Promise<ApiResult<void>> =>
  request('DELETE', `${one(id)}/materials/${enc(mid)}`);

export const addPress = (
  id: string,
  body: { date: string; outlet: string; title: string; url: string },
): Promise<ApiResult<CampaignPress>> => request('POST', `${one(id)}/press`, { body });
export const removePress = (id: string, pid: string): Promise<ApiResult<void>> =>
  request('DELETE', `${one(id)}/press/${enc(pid)}`);
