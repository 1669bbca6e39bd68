// Supervision: a supervisor's team (workload per worker, cases no active worker holds) and the
// break-glass grants and closings waiting for her review.
import { request, type ApiResult } from './client';
import type { ClosureReason } from './caseTypes';
import type { Role } from './types';

export interface WorkerLoad {
  user_id: string;
  display_name: string;
  roles: Role[];
  open_cases: number;
  high_risk: number;
  no_contact: number;
}

export interface TeamLoad {
  workers: WorkerLoad[];
  unassigned_open_cases: number;
  no_contact_days: number;
}

export type ReviewKind = 'break_glass' | 'closure';

export interface WaitingAct {
  kind: ReviewKind;
  subject_id: string;
  case_id: string;
  case_number: string;
  actor: { user_id: string; display_name: string };
  at: string;
  reason_code: ClosureReason | null;
  reason: string | null;
}

export function getTeam(noContactDays: number): Promise<ApiResult<TeamLoad>> {
  return request<TeamLoad>('GET', `/api/v1/supervision/team?no_contact_days=${noContactDays}`);
}

export function getWaiting(): Promise<ApiResult<{ items: WaitingAct[] }>> {
  return request<{ items: WaitingAct[] }>('GET', '/api/v1/supervision/waiting');
}

export function markReviewed(kind: ReviewKind, subjectId: string): Promise<ApiResult<unknown>> {
  return request<unknown>('POST', '/api/v1/supervision/reviews', {
    body: { kind, subject_id: subjectId },
  });
}
