// Export files (docs/api-exports.md): a statistics table as XLSX, PDF or CSV, made by the
// server in the background. Creating one needs a re-authentication from the last five minutes;
// progress comes as server-sent events (or by asking again); the file is kept for 24 hours and
// only its maker can fetch it.
import { request } from './client';
import type { StatsMeasure } from './stats';

export type ExportKind = 'stats.own' | 'stats.network';
export type ExportFormat = 'xlsx' | 'pdf' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'pdf', 'csv'];
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  from: string;
  to: string;
  by: string;
  measure: StatsMeasure;
}

export interface ExportJob {
  id: string;
  kind: ExportKind;
  format: ExportFormat;
  status: ExportStatus;
  progress: number;
  step?: string;
  error?: string;
  created_at: string;
  finished_at?: string;
  size?: number;
  file_name?: string;
}

const one = (id: string) => `/api/v1/exports/${encodeURIComponent(id)}`;

export const createExport = (body: ExportRequest) =>
  request<{ id: string }>('POST', '/api/v1/exports', { body });

export const getExport = (id: string) => request<ExportJob>('GET', one(id));

export const exportEventsUrl = (id: string) => `${one(id)}/events`;

export const exportFileUrl = (id: string) => `${one(id)}/file`;
