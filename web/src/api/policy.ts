// The policy monitor (docs/api-policy.md): laws, decrees, local ordinances, bills, budget items,
// guidelines and court rulings with their status history and documents; the ordinance
// scorecard; the map of the 17 regions; the monitoring work (tasks, hearings, submissions,
// statements); and the CSV import. Network-wide records: everyone signed in reads, advocates and
// the network admin edit.
import { request, type ApiResult } from './client';
import { uploadBytes } from './caseRecords';

export const POLICY_KINDS = [
  'law',
  'decree',
  'ordinance',
  'bill',
  'budget',
  'guideline',
  'ruling',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const STANCES = ['support', 'oppose', 'amend', 'watch'] as const;
export type Stance = (typeof STANCES)[number];

export const POLICY_STATUSES = [
  'proposed',
  'under_review',
  'enacted',
  'amended',
  'repealed',
  'rejected',
] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const CRITERION_KINDS = ['yes_no', 'amount', 'months'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const EVENT_KINDS = ['hearing', 'council_session', 'committee', 'meeting', 'other'] as const;
export type PolicyEventKind = (typeof EVENT_KINDS)[number];

export const SUBMISSION_KINDS = ['recommendation', 'submission', 'opinion'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const MAP_STATUSES = ['in_force', 'municipal', 'considering', 'none'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

export const IMPORT_REFUSALS = ['malformed', 'unknown_jurisdiction', 'duplicate_in_file'] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

// The file types a document may be, as the server takes them.
export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-hwp',
];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface Jurisdiction {
  code: string;
  level: 'nation' | 'region' | 'municipality';
  name_ko: string;
  name_en: string;
  parent: string | null;
}

export interface PolicyItem {
  id: string;
  kind: PolicyKind;
  jurisdiction: string;
  region: string | null;
  jurisdiction_name: string;
  title: string;
  topic: string | null;
  stance: Stance;
  summary: string | null;
  external_id: string | null;
  published: boolean;
  status: PolicyStatus;
  status_on: string;
  score: number | null;
  created_at: string;
  updated_at: string;
}

export interface StatusEntry {
  seq: number;
  status: PolicyStatus;
  on: string;
  note: string | null;
  recorded_at: string;
}

export interface PolicyDocument {
  id: string;
  title: string;
  url: string | null;
  file: { name: string; type: string; size: number } | null;
  created_at: string;
}

export type ScoreValue = boolean | number | null;

export interface Score {
  criterion: string;
  value: ScoreValue;
  note: string | null;
  met: boolean;
}

export interface PolicyItemDetail extends PolicyItem {
  history: StatusEntry[];
  documents: PolicyDocument[];
  scores?: Score[];
}

export interface NewPolicyItem {
  kind: PolicyKind;
  jurisdiction: string;
  title: string;
  topic?: string;
  stance: Stance;
  summary?: string;
  external_id?: string;
  published?: boolean;
  status: PolicyStatus;
  status_on: string;
  status_note?: string;
}

export type PolicyItemPatch = Partial<
  Pick<
    PolicyItem,
    'title' | 'topic' | 'stance' | 'summary' | 'external_id' | 'published' | 'jurisdiction'
  >
>;

export interface ItemFilter {
  kind?: string;
  region?: string;
  jurisdiction?: string;
  status?: string;
  published?: string;
  q?: string;
  cursor?: string;
}

export interface Criterion {
  key: string;
  label_ko: string;
  label_en: string;
  kind: CriterionKind;
  position: number;
  retired: boolean;
}

export interface Comparison {
  criteria: Criterion[];
  items: {
    id: string;
    title: string;
    jurisdiction: string;
    jurisdiction_name: string;
    status: PolicyStatus;
    score: number | null;
    values: Record<string, ScoreValue>;
    gaps: string[];
  }[];
  best: Record<string, number>;
}

export interface MapRegion {
  code: string;
  name_ko: string;
  name_en: string;
  status: MapStatus;
  ordinances: number;
  score?: number;
}

export interface MapMunicipality {
  code: string;
  name_ko: string;
  name_en: string;
  status: 'in_force' | 'considering' | 'none';
  ordinances: number;
  score?: number;
}

export interface RegionDetail extends MapRegion {
  municipalities: MapMunicipality[];
}

export interface PolicyTimelineEntry {
  on: string;
  item_id: string;
  title: string;
  kind: PolicyKind;
  jurisdiction: string;
  jurisdiction_name: string;
  region: string | null;
  status: 'enacted' | 'amended' | 'repealed';
}

export interface ImportReport {
  result: 'changed' | 'unchanged';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: { row: number; reason: ImportRefusal; message: string }[];
}

export interface PolicyTask {
  id: string;
  title: string;
  item_id: string | null;
  assignee: { id: string; username: string } | null;
  due_on: string | null;
  done: boolean;
  done_at: string | null;
  note: string | null;
  created_at: string;
}

export interface PolicyEvent {
  id: string;
  kind: PolicyEventKind;
  title: string;
  on: string;
  time: string | null;
  jurisdiction: string;
  jurisdiction_name: string;
  item_id: string | null;
  place: string | null;
  note: string | null;
  created_at: string;
}

export interface Submission {
  id: string;
  kind: SubmissionKind;
  item_id: string | null;
  title: string;
  addressee: string | null;
  submitted_on: string;
  body: string | null;
  response: { received_on: string; summary: string } | null;
  created_at: string;
}

export interface Statement {
  id: string;
  title_ko: string;
  title_en: string | null;
  body_ko: string;
  body_en: string | null;
  item_id: string | null;
  published: boolean;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

const P = '/api/v1/policy';
const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const listJurisdictions = () =>
  request<{ items: Jurisdiction[] }>('GET', `${P}/jurisdictions`);

export const listPolicyItems = (filter: ItemFilter = {}) =>
  request<{ items: PolicyItem[]; next_cursor: string | null }>(
    'GET',
    `${P}/items${query({ ...filter, limit: '50' })}`,
  );

export const getPolicyItem = (id: string) =>
  request<PolicyItemDetail>('GET', `${P}/items/${enc(id)}`);

export const createPolicyItem = (body: NewPolicyItem) =>
  request<PolicyItemDetail>('POST', `${P}/items`, { body });

export const updatePolicyItem = (id: string, body: PolicyItemPatch) =>
  request<PolicyItem>('PATCH', `${P}/items/${enc(id)}`, { body });

export const addPolicyStatus = (
  id: string,
  body: { status: PolicyStatus; on: string; note?: string },
) => request<PolicyItemDetail>('POST', `${P}/items/${enc(id)}/status`, { body });

export const addDocumentLink = (id: string, body: { title: string; url: string }) =>
  request<PolicyDocument>('POST', `${P}/items/${enc(id)}/documents`, { body });

export function uploadDocument(
  id: string,
  title: string,
  file: Blob & { name: string },
  onProgress: (fraction: number) => void,
): Promise<ApiResult<PolicyDocument>> {
  const url = `${P}/items/${enc(id)}/documents${query({ title, name: file.name })}`;
  return uploadBytes<PolicyDocument>(url, file, file.type, onProgress);
}

export const documentFileUrl = (id: string) => `${P}/documents/${enc(id)}/file`;

export const removeDocument = (id: string) => request<void>('DELETE', `${P}/documents/${enc(id)}`);

export const listCriteria = (retired = false) =>
  request<{ items: Criterion[] }>('GET', `${P}/criteria${retired ? '?retired=true' : ''}`);

export const createCriterion = (
  body: Omit<Criterion, 'retired' | 'position'> & { position?: number },
) => request<Criterion>('POST', `${P}/criteria`, { body });

export const updateCriterion = (
  key: string,
  body: Partial<Pick<Criterion, 'label_ko' | 'label_en' | 'position' | 'retired'>>,
) => request<Criterion>('PATCH', `${P}/criteria/${enc(key)}`, { body });

export const setScores = (
  id: string,
  scores: { criterion: string; value: ScoreValue; note?: string | null }[],
) => request<PolicyItemDetail>('PUT', `${P}/items/${enc(id)}/scores`, { body: { scores } });

export const compareOrdinances = (ids: readonly string[]) =>
  request<Comparison>('GET', `${P}/compare?${new URLSearchParams({ items: ids.join(',') })}`);

export const getPolicyMap = () => request<{ regions: MapRegion[] }>('GET', `${P}/map`);

export const getRegionDetail = (region: string) =>
  request<RegionDetail>('GET', `${P}/map/${enc(region)}`);

export const getPolicyTimeline = () =>
  request<{ items: PolicyTimelineEntry[] }>('GET', `${P}/timeline`);

// Which open-data list a file is: local laws (자치법규 목록) or the Assembly's bills (의안 목록).
export type ImportLayout = 'ordinances' | 'bills';

export function importPolicyCsv(
  file: Blob,
  layout: ImportLayout,
  onProgress: (fraction: number) => void,
): Promise<ApiResult<ImportReport>> {
  return uploadBytes<ImportReport>(`${P}/import?layout=${layout}`, file, 'text/csv', onProgress);
}

export const listTasks = (params: { done?: 'true' | 'false'; assignee?: string } = {}) =>
  request<{ items: PolicyTask[] }>('GET', `${P}/tasks${query(params)}`);

export const createTask = (body: {
  title: string;
  item_id?: string;
  assignee_id?: string;
  due_on?: string;
  note?: string;
}) => request<PolicyTask>('POST', `${P}/tasks`, { body });

export const updateTask = (
  id: string,
  body: Partial<{ title: string; due_on: string | null; note: string | null; done: boolean }>,
) => request<PolicyTask>('PATCH', `${P}/tasks/${enc(id)}`, { body });

export const listPolicyEvents = (params: { from?: string; to?: string } = {}) =>
  request<{ items: PolicyEvent[] }>('GET', `${P}/events${query(params)}`);

export const createPolicyEvent = (body: {
  kind: PolicyEventKind;
  title: string;
  on: string;
  time?: string;
  jurisdiction: string;
  item_id?: string;
  place?: string;
  note?: string;
}) => request<PolicyEvent>('POST', `${P}/events`, { body });

export const listSubmissions = (itemId?: string) =>
  request<{ items: Submission[] }>('GET', `${P}/submissions${query({ item_id: itemId })}`);

export const createSubmission = (body: {
  kind: SubmissionKind;
  item_id?: string;
  title: string;
  addressee?: string;
  submitted_on: string;
  body?: string;
}) => request<Submission>('POST', `${P}/submissions`, { body });

export const updateSubmission = (
  id: string,
  body: { response: { received_on: string; summary: string } },
) => request<Submission>('PATCH', `${P}/submissions/${enc(id)}`, { body });

export const listStatements = () => request<{ items: Statement[] }>('GET', `${P}/statements`);

export const createStatement = (body: {
  title_ko: string;
  title_en?: string;
  body_ko: string;
  body_en?: string;
  item_id?: string;
}) => request<Statement>('POST', `${P}/statements`, { body });

export const updateStatement = (
  id: string,
  body: Partial<Pick<Statement, 'title_ko' | 'title_en' | 'body_ko' | 'body_en' | 'published'>>,
) => request<Statement>('PATCH', `${P}/statements/${enc(id)}`, { body });

// The KRW amounts and months of the ordinances in force in a region and its municipalities, keyed
// by scorecard criterion (living_cost_amount, living_cost_months, housing_amount,
// self_reliance_grant, and any amount criterion the network adds): what a member's funding rules
// can start from where it operates.
export interface OrdinanceAmounts {
  id: string;
  title: string;
  jurisdiction: string;
  jurisdiction_name: string;
  amounts: Record<string, number>;
}

export const getOrdinanceAmounts = (region: string) =>
  request<{ region: string; items: OrdinanceAmounts[] }>(
    'GET',
    `${P}/ordinance-amounts?${new URLSearchParams({ region })}`,
  );
