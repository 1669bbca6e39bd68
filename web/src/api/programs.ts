// Self-reliance programs (docs/api-programs.md): programs with their sessions and class list,
// enrollments, attendance taken for a whole class in one request, her certificates and
// outcomes with their follow-ups at 3, 6 and 12 months. A woman appears by her alias or code
// (person_label), never by her legal name; every answer naming her is an audited read.
import { request } from './client';
import type { GoalStatus } from './caseTypes';
import type { FundKind } from './funds';

const enc = encodeURIComponent;

export const PROGRAM_KINDS = [
  'vocational_course',
  'certificate_course',
  'schooling',
  'workplace_placement',
  'social_enterprise',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export type ProgramProvider = 'own' | 'partner';
export type ProgramStatus = 'planned' | 'running' | 'ended';
export const ATTENDANCE_MARKS = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
export type EnrollmentStatus = 'active' | 'completed' | 'dropped';
export const OUTCOME_KINDS = ['employment', 'business_started', 'school_entered'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const EMPLOYER_KINDS = [
  'company',
  'social_enterprise',
  'public_sector',
  'self_employed',
  'other',
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const FOLLOW_UP_RESULTS = ['employed', 'not_employed', 'unreachable'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export type OutcomeFollowUpStatus = 'due' | FollowUpResult;

export interface Program {
  id: string;
  name: string;
  kind: ProgramKind;
  provider: ProgramProvider;
  provider_name: string | null;
  starts_on: string;
  ends_on: string | null;
  capacity: number;
  description: string | null;
  pass_rate: number | null;
  status: ProgramStatus;
  enrolled: number;
  completed: number;
  sessions: number;
  created_at: string;
}

export interface ProgramInput {
  name: string;
  kind: ProgramKind;
  provider: ProgramProvider;
  provider_name?: string;
  starts_on: string;
  ends_on?: string;
  capacity: number;
  description?: string;
  pass_rate?: number;
}

export interface ProgramSession {
  id: string;
  program_id: string;
  starts_at: string;
  minutes: number;
  topic: string | null;
  taken: boolean;
  present: number;
  absent: number;
}

export interface SessionInput {
  starts_at: string;
  minutes: number;
  topic?: string;
}

export interface Attendance {
  sessions: number;
  present: number;
  rate: number | null;
}

export interface Enrollment {
  id: string;
  program_id: string;
  program_name: string;
  person_id: string;
  person_label: string;
  enrolled_on: string;
  status: EnrollmentStatus;
  ended_on: string | null;
  attendance: Attendance;
  passed: boolean | null;
}

export interface ProgramDetail extends Program {
  session_list: ProgramSession[];
  enrollments: Enrollment[];
}

export interface AttendanceRow {
  enrollment_id: string;
  person_label: string;
  status: AttendanceMark | null;
}

export interface AttendanceSheet {
  session: ProgramSession;
  marks: AttendanceRow[];
}

export interface Certificate {
  id: string;
  person_id: string;
  name: string;
  obtained_on: string;
  enrollment_id: string | null;
  file_id: string | null;
}

export interface CertificateInput {
  name: string;
  obtained_on: string;
  enrollment_id?: string;
  file_id?: string;
}

export interface OutcomeFollowUp {
  id: string;
  months: number;
  due_on: string;
  status: OutcomeFollowUpStatus;
  checked_on: string | null;
}

export interface ProgramOutcome {
  id: string;
  person_id: string;
  kind: OutcomeKind;
  started_on: string;
  job_kind: string | null;
  employer_kind: EmployerKind | null;
  school: string | null;
  note: string | null;
  // Only in the answer to recording it (or a follow-up); never in lists or on her page.
  employer?: string | null;
  follow_ups: OutcomeFollowUp[];
}

export interface OutcomeInput {
  kind: OutcomeKind;
  started_on: string;
  job_kind?: string;
  employer_kind?: EmployerKind;
  employer?: string;
  school?: string;
  note?: string;
}

export interface DueFollowUp {
  follow_up: OutcomeFollowUp;
  person_id: string;
  person_label: string;
  outcome_kind: OutcomeKind;
  due_on: string;
}

// Her goals from her plan, over her cases.
export interface SelfRelianceGoal {
  id: string;
  case_id: string;
  title: string;
  target_date: string | null;
  status: GoalStatus;
}

export interface MoneyLine {
  source_id: string;
  source_name: string;
  kind: FundKind;
  paid: number;
}

export interface SelfReliance {
  enrollments: Enrollment[];
  certificates: Certificate[];
  outcomes: ProgramOutcome[];
  goals: SelfRelianceGoal[];
  money: MoneyLine[];
}

export const listPrograms = (status?: ProgramStatus) =>
  request<{ items: Program[] }>(
    'GET',
    `/api/v1/programs${status ? `?${new URLSearchParams({ status })}` : ''}`,
  );

export const getProgram = (id: string) =>
  request<ProgramDetail>('GET', `/api/v1/programs/${enc(id)}`);

export const createProgram = (body: ProgramInput) =>
  request<Program>('POST', '/api/v1/programs', { body });

export const updateProgram = (id: string, body: ProgramInput) =>
  request<Program>('PUT', `/api/v1/programs/${enc(id)}`, { body });

export const addSessions = (programId: string, sessions: SessionInput[]) =>
  request<{ items: ProgramSession[] }>('POST', `/api/v1/programs/${enc(programId)}/sessions`, {
    body: { sessions },
  });

export const enroll = (programId: string, body: { person_id: string; enrolled_on: string }) =>
  request<Enrollment>('POST', `/api/v1/programs/${enc(programId)}/enrollments`, { body });

export const endEnrollment = (
  id: string,
  body: { status: 'completed' | 'dropped'; ended_on: string; reason?: string },
) => request<Enrollment>('POST', `/api/v1/enrollments/${enc(id)}/end`, { body });

export const getAttendance = (sessionId: string) =>
  request<AttendanceSheet>('GET', `/api/v1/program-sessions/${enc(sessionId)}/attendance`);

export const saveAttendance = (
  sessionId: string,
  marks: { enrollment_id: string; status: AttendanceMark }[],
) =>
  request<AttendanceSheet>('PUT', `/api/v1/program-sessions/${enc(sessionId)}/attendance`, {
    body: { marks },
  });

export const addCertificate = (personId: string, body: CertificateInput) =>
  request<Certificate>('POST', `/api/v1/people/${enc(personId)}/certificates`, { body });

export const addOutcome = (personId: string, body: OutcomeInput) =>
  request<ProgramOutcome>('POST', `/api/v1/people/${enc(personId)}/outcomes`, { body });

export const recordOutcomeFollowUp = (
  id: string,
  body: { status: FollowUpResult; checked_on: string },
) => request<ProgramOutcome>('POST', `/api/v1/outcome-follow-ups/${enc(id)}`, { body });

export const listDueFollowUps = (dueBy: string) =>
  request<{ items: DueFollowUp[] }>(
    'GET',
    `/api/v1/follow-ups?${new URLSearchParams({ due_by: dueBy })}`,
  );

export const getSelfReliance = (personId: string) =>
  request<SelfReliance>('GET', `/api/v1/people/${enc(personId)}/self-reliance`);
