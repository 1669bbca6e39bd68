// The audit log for auditors: search (own organization; the whole network for the
// secretariat's auditors) and a check of the whole chain.
import { request, type ApiResult } from './client';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null; // a user id, 'cli' for the operator's console, null when anonymous
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: string;
  fields: string[];
}

export interface AuditFilterInput {
  action?: string;
  entity_type?: string;
  entity_id?: string;
  actor?: string;
}

export function searchAudit(
  filter: AuditFilterInput,
  cursor?: string,
): Promise<ApiResult<{ items: AuditEntry[]; next_cursor: string | null }>> {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  if (cursor) q.set('cursor', cursor);
  return request('GET', `/api/v1/audit${q.size ? `?${q}` : ''}`);
}

export function verifyAudit(): Promise<ApiResult<{ intact: boolean; entries: number }>> {
  return request('GET', '/api/v1/audit/verification');
}
