// Cases: opening, reading (with break-glass for restricted cases), changing, closing and
// reopening, the timeline, the caseload home and notifications.
import { request, type ApiResult } from './client';
import type {
  BreakGlass,
  Case,
  CaseChange,
  Caseload,
  CaseSummary,
  ClosureReason,
  NewCase,
  Notification,
  RiskLevel,
  TimelineEntry,
} from './caseTypes';
import type { Page } from './types';

const enc = encodeURIComponent;
const one = (id: string) => `/api/v1/cases/${enc(id)}`;

// The error code of a restricted case the caller must break the glass to read.
export const BREAK_GLASS_REQUIRED = 'break_glass_required';

export function openCase(c: NewCase): Promise<ApiResult<Case>> {
  return request<Case>('POST', '/api/v1/cases', { body: c });
}

export interface CaseFilter {
  status?: 'open' | 'closed';
  assigned?: 'me';
  person_id?: string;
  // A supervisor's team view: one worker's cases ('none': no active worker), one risk level,
  // no contact for at least this many days.
  worker?: string;
  risk?: RiskLevel;
  no_contact_days?: string;
}

export function listCases(filter: CaseFilter = {}): Promise<ApiResult<Page<CaseSummary>>> {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  return request<Page<CaseSummary>>('GET', `/api/v1/cases${q.size ? `?${q}` : ''}`);
}

export function getCase(id: string): Promise<ApiResult<Case>> {
  return request<Case>('GET', one(id));
}

export function changeCase(id: string, change: CaseChange): Promise<ApiResult<Case>> {
  return request<Case>('PATCH', one(id), { body: change });
}

export function assignCase(id: string, userIds: string[]): Promise<ApiResult<Case>> {
  return request<Case>('POST', `${one(id)}/assign`, { body: { user_ids: userIds } });
}

export function restrictCase(id: string, restricted: boolean): Promise<ApiResult<Case>> {
  return request<Case>('POST', `${one(id)}/restrict`, { body: { restricted } });
}

export function closeCase(
  id: string,
  reason: ClosureReason,
  note?: string,
): Promise<ApiResult<Case>> {
  return request<Case>('POST', `${one(id)}/close`, { body: note ? { reason, note } : { reason } });
}

export function reopenCase(id: string, reason: string): Promise<ApiResult<Case>> {
  return request<Case>('POST', `${one(id)}/reopen`, { body: { reason } });
}

// Audited, and the organization's supervisors are notified.
export function breakGlass(id: string, reason: string): Promise<ApiResult<BreakGlass>> {
  return request<BreakGlass>('POST', `${one(id)}/break-glass`, { body: { reason } });
}

export function getTimeline(id: string): Promise<ApiResult<{ items: TimelineEntry[] }>> {
  return request<{ items: TimelineEntry[] }>('GET', `${one(id)}/timeline`);
}

export function getCaseload(): Promise<ApiResult<Caseload>> {
  return request<Caseload>('GET', '/api/v1/caseload');
}

export function listNotifications(): Promise<ApiResult<{ items: Notification[] }>> {
  return request<{ items: Notification[] }>('GET', '/api/v1/notifications');
}

export function markNotificationRead(id: string): Promise<ApiResult<void>> {
  return request<void>('POST', `/api/v1/notifications/${enc(id)}/read`, { body: {} });
}
