// Periodic reports (docs/api-reports.md): an organization's quarterly or yearly report shaped
// like the government's form for its kind, filled from its own records, annotated, reviewed and
// filed — frozen and signed by the server so it can be checked offline. The secretariat sees
// which members have filed.
import { request } from './client';

export type ReportStatus = 'draft' | 'reviewed' | 'filed' | 'superseded';
export type ReportTemplate = 'counseling_center' | 'support_facility' | 'self_reliance_center';

export interface Words {
  ko: string;
  en: string;
}

export interface ReportRow {
  key: string;
  label: Words;
  unit: string;
  value: number;
}

export interface ReportSection {
  key: string;
  title: Words;
  rows: ReportRow[];
}

export interface ReportChange {
  key: string;
  filed: number;
  now: number;
}

export interface Report {
  id: string;
  period: string;
  template: ReportTemplate;
  status: ReportStatus;
  sections: ReportSection[];
  annotations: Record<string, string>;
  created_at: string;
  reviewed_at?: string | null;
  filed_at?: string | null;
  corrects?: string | null;
  changed_since_filed?: boolean;
  changes?: ReportChange[];
}

export type ReportSummary = Pick<
  Report,
  'id' | 'period' | 'template' | 'status' | 'created_at' | 'reviewed_at' | 'filed_at' | 'corrects'
>;

export type FilingStatus = 'not_started' | 'draft' | 'filed' | 'corrected';

export interface Filing {
  organization: { id: string; slug: string; name: string; kind: string; region: string };
  template: ReportTemplate | null;
  status: FilingStatus;
  filed_at?: string | null;
  report_id?: string | null;
}

const one = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}`;

export const listReports = (period?: string) =>
  request<{ items: ReportSummary[] }>(
    'GET',
    `/api/v1/reports${period ? `?${new URLSearchParams({ period })}` : ''}`,
  );

export const createReport = (period: string) =>
  request<Report>('POST', '/api/v1/reports', { body: { period } });

export const getReport = (id: string) => request<Report>('GET', one(id));

export const refreshReport = (id: string) => request<Report>('POST', `${one(id)}/refresh`);

export const annotateReport = (id: string, annotations: Record<string, string>) =>
  request<Report>('PUT', `${one(id)}/annotations`, { body: annotations });

export const reviewReport = (id: string) => request<Report>('POST', `${one(id)}/review`);

export const fileReport = (id: string) => request<Report>('POST', `${one(id)}/file`);

export const correctReport = (id: string) => request<Report>('POST', `${one(id)}/correction`);

export const signedReportUrl = (id: string) => `${one(id)}/signed`;

export const listFilings = (period: string) =>
  request<{ items: Filing[] }>('GET', `/api/v1/reports/filings?${new URLSearchParams({ period })}`);
