// What is recorded on a case: services, notes (append-only), appointments, legal matters and
// hearings, needs assessments, service-plan goals and files. The server checks case access on
// every call (same organization, restriction, break-glass).
import { readAnswer, request, requestHeaders, type ApiResult } from './client';
import type {
  Appointment,
  AppointmentScope,
  Assessment,
  CaseFile,
  FileKind,
  Goal,
  GoalStatus,
  Hearing,
  LegalMatter,
  LegalStatus,
  NewAppointment,
  NewAssessment,
  NewGoal,
  NewHearing,
  NewLegalMatter,
  NewService,
  Note,
  Service,
} from './caseTypes';
import type { Page } from './types';

const enc = encodeURIComponent;
const onCase = (caseId: string, what: string) => `/api/v1/cases/${enc(caseId)}/${what}`;

export function listServices(caseId: string): Promise<ApiResult<Page<Service>>> {
  return request<Page<Service>>('GET', onCase(caseId, 'services'));
}

export function logService(caseId: string, s: NewService): Promise<ApiResult<Service>> {
  return request<Service>('POST', onCase(caseId, 'services'), { body: s });
}

// Oldest first.
export function listNotes(caseId: string): Promise<ApiResult<Page<Note>>> {
  return request<Page<Note>>('GET', onCase(caseId, 'notes'));
}

// A correction is a new note that names the one it amends; notes are never edited.
export function addNote(caseId: string, text: string, amends?: string): Promise<ApiResult<Note>> {
  return request<Note>('POST', onCase(caseId, 'notes'), {
    body: amends ? { text, amends } : { text },
  });
}

export function addAppointment(caseId: string, a: NewAppointment): Promise<ApiResult<Appointment>> {
  return request<Appointment>('POST', onCase(caseId, 'appointments'), { body: a });
}

// Every appointment of one case, earliest first.
export function listCaseAppointments(caseId: string): Promise<ApiResult<Page<Appointment>>> {
  return request<Page<Appointment>>('GET', onCase(caseId, 'appointments'));
}

// from/to: RFC 3339 instants; the calendar asks for a week or a month.
export function listAppointments(
  from: string,
  to: string,
  scope: AppointmentScope,
): Promise<ApiResult<Page<Appointment>>> {
  return request<Page<Appointment>>(
    'GET',
    `/api/v1/appointments?${new URLSearchParams({ from, to, scope })}`,
  );
}

export function cancelAppointment(id: string, reason?: string): Promise<ApiResult<Appointment>> {
  return request<Appointment>('POST', `/api/v1/appointments/${enc(id)}/cancel`, {
    body: reason ? { reason } : {},
  });
}

export function markAppointmentDone(id: string): Promise<ApiResult<Appointment>> {
  return request<Appointment>('POST', `/api/v1/appointments/${enc(id)}/done`, { body: {} });
}

export function listLegalMatters(caseId: string): Promise<ApiResult<Page<LegalMatter>>> {
  return request<Page<LegalMatter>>('GET', onCase(caseId, 'legal-matters'));
}

export function addLegalMatter(caseId: string, m: NewLegalMatter): Promise<ApiResult<LegalMatter>> {
  return request<LegalMatter>('POST', onCase(caseId, 'legal-matters'), { body: m });
}

export function changeLegalMatter(
  id: string,
  change: { status?: LegalStatus; outcome?: string; authority?: string; case_number?: string },
): Promise<ApiResult<LegalMatter>> {
  return request<LegalMatter>('PATCH', `/api/v1/legal-matters/${enc(id)}`, { body: change });
}

export function addHearing(legalMatterId: string, h: NewHearing): Promise<ApiResult<Hearing>> {
  return request<Hearing>('POST', `/api/v1/legal-matters/${enc(legalMatterId)}/hearings`, {
    body: h,
  });
}

export function listAssessments(caseId: string): Promise<ApiResult<Page<Assessment>>> {
  return request<Page<Assessment>>('GET', onCase(caseId, 'assessments'));
}

export function addAssessment(caseId: string, a: NewAssessment): Promise<ApiResult<Assessment>> {
  return request<Assessment>('POST', onCase(caseId, 'assessments'), { body: a });
}

export function listGoals(caseId: string): Promise<ApiResult<Page<Goal>>> {
  return request<Page<Goal>>('GET', onCase(caseId, 'goals'));
}

export function addGoal(caseId: string, g: NewGoal): Promise<ApiResult<Goal>> {
  return request<Goal>('POST', onCase(caseId, 'goals'), { body: g });
}

export function changeGoal(
  id: string,
  change: { status?: GoalStatus; title?: string; target_date?: string },
): Promise<ApiResult<Goal>> {
  return request<Goal>('PATCH', `/api/v1/goals/${enc(id)}`, { body: change });
}

export function listFiles(caseId: string): Promise<ApiResult<Page<CaseFile>>> {
  return request<Page<CaseFile>>('GET', onCase(caseId, 'files'));
}

// The address of a file's bytes (answered as an attachment).
export function fileUrl(fileId: string): string {
  return `/api/v1/files/${enc(fileId)}`;
}

// Uploads raw bytes to url with XMLHttpRequest, whose upload events give the progress that
// fetch cannot. onProgress gets 0..1.
export function uploadBytes<T>(
  url: string,
  body: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () =>
      resolve(readAnswer<T>(xhr.status, xhr.responseText, xhr.getResponseHeader('X-Request-Id')));
    xhr.onerror = () => resolve(readAnswer<T>(0, '', null));
    xhr.send(body);
  });
}

export function uploadFile(
  caseId: string,
  kind: FileKind,
  file: Blob & { name: string },
  onProgress: (fraction: number) => void,
): Promise<ApiResult<CaseFile>> {
  const url = `${onCase(caseId, 'files')}?${new URLSearchParams({ kind, name: file.name })}`;
  return uploadBytes<CaseFile>(url, file, 'application/octet-stream', onProgress);
}
