// Activist training (docs/api-training.md): courses with ordered modules and sessions in Korea
// time, enrolled trainees (their name and contact sealed on the server; the contact only in the
// single-trainee answer), attendance per session (idempotent), completion as the server derives
// it from the pass rule, and certificates: issued only to a trainee who passed, downloaded as a
// PDF, verified publicly by code, revoked (never deleted).
import { request, type ApiResult } from './client';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface Course {
  id: string;
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  pass_percent: number;
  organizer: { id: string; name: string };
  first_date: string | null;
  last_date: string | null;
  counts: { modules: number; sessions: number; enrollments: number; certificates: number };
  created_at: string;
  updated_at: string;
}

export interface CourseModule {
  id: string;
  position: number;
  title_ko: string;
  title_en: string;
  required: boolean;
}

export interface CourseSession {
  id: string;
  module_id: string | null;
  starts_at: string;
  ends_at: string;
  date: string;
  venue: string;
}

export interface CourseDetail extends Course {
  modules: CourseModule[];
  sessions: CourseSession[];
}

export interface Completion {
  passed: boolean;
  sessions: number;
  needed: number;
  present: number;
  excused: number;
  absent: number;
  unmarked: number;
  missing_modules: string[];
}

export interface TrainingCertificate {
  id: string;
  code: string;
  verify_url: string;
  issued_on: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface Trainee {
  id: string;
  name: string;
  enrolled_at: string;
  attendance: Record<string, AttendanceStatus>;
  completion: Completion;
  certificate: TrainingCertificate | null;
  contact?: string;
}

export interface CourseFields {
  title_ko: string;
  title_en: string;
  description_ko: string;
  description_en: string;
  pass_percent: number;
}

export interface AttendanceAnswer {
  session_id: string;
  items: { enrollment_id: string; status: AttendanceStatus; marked_at: string }[];
  changed: number;
}

const T = '/api/v1/training/courses';
const enc = encodeURIComponent;
const one = (id: string) => `${T}/${enc(id)}`;
const trainee = (id: string, eid: string) => `${one(id)}/enrollments/${enc(eid)}`;

export const listCourses = (): Promise<ApiResult<{ items: Course[] }>> => request('GET', T);
export const getCourse = (id: string): Promise<ApiResult<CourseDetail>> => request('GET', one(id));
export const createCourse = (body: CourseFields): Promise<ApiResult<CourseDetail>> =>
  request('POST', T, { body });
export const updateCourse = (
  id: string,
  body: Partial<CourseFields>,
): Promise<ApiResult<CourseDetail>> => request('PATCH', one(id), { body });

export const addModule = (
  id: string,
  body: { title_ko: string; title_en?: string; required?: boolean },
): Promise<ApiResult<CourseModule>> => request('POST', `${one(id)}/modules`, { body });
export const updateModule = (
  id: string,
  mid: string,
  body: Partial<{ title_ko: string; title_en: string; required: boolean; position: number }>,
): Promise<ApiResult<CourseModule>> => request('PATCH', `${one(id)}/modules/${enc(mid)}`, { body });
export const addSession = (
  id: string,
  body: { starts_at: string; ends_at: string; venue: string; module_id?: string | null },
): Promise<ApiResult<CourseSession>> => request('POST', `${one(id)}/sessions`, { body });

export const listEnrollments = (id: string): Promise<ApiResult<{ items: Trainee[] }>> =>
  request('GET', `${one(id)}/enrollments`);
export const getEnrollment = (id: string, eid: string): Promise<ApiResult<Trainee>> =>
  request('GET', trainee(id, eid));
export const enrollTrainee = (
  id: string,
  body: { name: string; contact?: string },
): Promise<ApiResult<Trainee>> => request('POST', `${one(id)}/enrollments`, { body });

export const markAttendance = (
  id: string,
  sid: string,
  marks: { enrollment_id: string; status: AttendanceStatus }[],
): Promise<ApiResult<AttendanceAnswer>> =>
  request('POST', `${one(id)}/sessions/${enc(sid)}/attendance`, { body: { marks } });

export const issueCertificate = (
  id: string,
  eid: string,
): Promise<ApiResult<TrainingCertificate>> =>
  request('POST', `${trainee(id, eid)}/certificate`, { body: {} });
export const revokeCertificate = (
  id: string,
  eid: string,
): Promise<ApiResult<TrainingCertificate>> =>
  request('POST', `${trainee(id, eid)}/certificate/revoke`, { body: {} });
export const certificatePdfUrl = (id: string, eid: string) => `${trainee(id, eid)}/certificate/pdf`;
