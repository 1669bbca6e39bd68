// Survivors and their consents: registration, finding her within one's organization (by the
// beginning of a name, alias or phone, by code, or from the list), and consent records. Each
// call is audited by the server.
import { request, type ApiResult } from './client';
import type {
  Consent,
  NewConsent,
  NewPerson,
  Person,
  PersonMatch,
  PersonSearchKey,
  PeopleFilter,
  PersonSearchPage,
} from './caseTypes';
import type { Page } from './types';

const enc = encodeURIComponent;

export function registerPerson(person: NewPerson): Promise<ApiResult<Person>> {
  return request<Person>('POST', '/api/v1/people', { body: person });
}

export function getPerson(id: string): Promise<ApiResult<Person>> {
  return request<Person>('GET', `/api/v1/people/${enc(id)}`);
}

// Exact match on one key only (the server keeps blind indexes, not searchable text).
export function searchPeople(
  key: PersonSearchKey,
  value: string,
): Promise<ApiResult<Page<PersonMatch>>> {
  return request<Page<PersonMatch>>(
    'GET',
    `/api/v1/people?${new URLSearchParams({ [key]: value })}`,
  );
}

// A person code ("SEOU-2026-0042"): looked up exactly, not as a name.
const CODE = /^[A-Za-z0-9]{1,8}(-[A-Za-z]{1,3})?-\d{4}-\d{4,}$/;

// The beginning of a legal name or alias (two characters or more) or of a phone (seven digits
// or more), or a code. The server re-checks every candidate after decrypting.
export function findPeople(text: string): Promise<ApiResult<PersonSearchPage>> {
  const q = text.trim();
  if (CODE.test(q)) return searchPeople('code', q);
  return request<PersonSearchPage>('GET', `/api/v1/people?${new URLSearchParams({ q })}`);
}

// The organization's people, newest first, a page at a time.
export function listPeople(
  filter: PeopleFilter,
  cursor?: string,
): Promise<ApiResult<Page<PersonMatch>>> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return request<Page<PersonMatch>>('GET', `/api/v1/people?${params}`);
}

export function listConsents(personId: string): Promise<ApiResult<Page<Consent>>> {
  return request<Page<Consent>>('GET', `/api/v1/people/${enc(personId)}/consents`);
}

export function recordConsent(personId: string, consent: NewConsent): Promise<ApiResult<Consent>> {
  return request<Consent>('POST', `/api/v1/people/${enc(personId)}/consents`, { body: consent });
}

export function revokeConsent(consentId: string, reason?: string): Promise<ApiResult<Consent>> {
  return request<Consent>('POST', `/api/v1/consents/${enc(consentId)}/revoke`, {
    body: reason ? { reason } : {},
  });
}
