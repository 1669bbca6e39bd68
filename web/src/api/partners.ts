// The network's partner organizations (docs/api-campaigns.md, "Partners"): women's rights and
// civil-society groups, government, police, hospitals, legal aid, international bodies and the
// press, with alliance memberships, agreements and the history of contacts with them. Their
// staff contacts are a third party's personal data: read only by those who may edit the
// partner, on request (every read is audited), never in a list.
import { request, type ApiResult } from './client';

export const PARTNER_KINDS = [
  'womens_rights',
  'civil_society',
  'government',
  'police',
  'hospital',
  'legal_aid',
  'international',
  'press',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const INTERACTION_KINDS = [
  'meeting',
  'call',
  'email',
  'letter',
  'joint_action',
  'visit',
  'other',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Partner {
  id: string;
  kind: PartnerKind;
  name_ko: string;
  name_en: string;
  website: string;
  note: string;
  organization: { id: string; name: string };
  can_edit: boolean;
  created_at: string;
  updated_at: string;
}

export interface Alliance {
  id: string;
  name: string;
  since: string;
  until: string | null;
}

export interface Agreement {
  id: string;
  title: string;
  signed_on: string;
  expires_on: string | null;
  file: { name: string; type: string; size: number } | null;
  active: boolean;
}

export interface Interaction {
  id: string;
  date: string;
  kind: InteractionKind;
  summary: string;
  by: { id: string; name: string };
  created_at: string;
}

export interface PartnerContact {
  id: string;
  name: string;
  role: string;
  phone: string;
  email: string;
  created_at: string;
}

export interface PartnerDetail extends Partner {
  alliances: Alliance[];
  agreements: Agreement[];
  interactions: Interaction[];
  hosted_stops: { campaign_id: string; stop_id: string; date: string; city: string }[];
  co_organized_events: { id: string; title_ko: string; starts_at: string }[];
}

export interface PartnerFields {
  kind: PartnerKind;
  name_ko: string;
  name_en: string;
  website: string;
  note: string;
}

const P = '/api/v1/partners';
const enc = encodeURIComponent;
const one = (id: string) => `${P}/${enc(id)}`;

export const listPartners = (kind?: PartnerKind): Promise<ApiResult<{ items: Partner[] }>> =>
  request('GET', kind ? `${P}?kind=${enc(kind)}` : P);
export const getPartner = (id: string): Promise<ApiResult<PartnerDetail>> =>
  request('GET', one(id));
export const createPartner = (body: PartnerFields): Promise<ApiResult<PartnerDetail>> =>
  request('POST', P, { body });
export const updatePartner = (
  id: string,
  body: Partial<PartnerFields>,
): Promise<ApiResult<PartnerDetail>> => request('PATCH', one(id), { body });

export const listPartnerContacts = (id: string): Promise<ApiResult<{ items: PartnerContact[] }>> =>
  request('GET', `${one(id)}/contacts`);
export const addPartnerContact = (
  id: string,
  body: { name: string; role?: string; phone?: string; email?: string },
): Promise<ApiResult<PartnerContact>> => request('POST', `${one(id)}/contacts`, { body });
export const removePartnerContact = (id: string, cid: string): Promise<ApiResult<void>> =>
  request('DELETE', `${one(id)}/contacts/${enc(cid)}`);

export const addAlliance = (
  id: string,
  body: { name: string; since: string; until?: string | null },
): Promise<ApiResult<Alliance>> => request('POST', `${one(id)}/alliances`, { body });
export const removeAlliance = (id: string, aid: string): Promise<ApiResult<void>> =>
  request('DELETE', `${one(id)}/alliances/${enc(aid)}`);

export const addAgreement = (
  id: string,
  body: { title: string; signed_on: string; expires_on?: string | null },
): Promise<ApiResult<Agreement>> => request('POST', `${one(id)}/agreements`, { body });
export const agreementFileUrl = (id: string, aid: string) =>
  `${one(id)}/agreements/${enc(aid)}/file`;
export const removeAgreement = (id: string, aid: string): Promise<ApiResult<void>> =>
  request('DELETE', `${one(id)}/agreements/${enc(aid)}`);

export const addInteraction = (
  id: string,
  body: { date: string; kind: InteractionKind; summary: string },
): Promise<ApiResult<Interaction>> => request('POST', `${one(id)}/interactions`, { body });
