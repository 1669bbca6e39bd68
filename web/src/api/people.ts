// Survivors and their consents: registration, exact search within one's organization, and
// consent records. Each call is audited by the server.
import { request, type ApiResult } from './client';
import type {
  Consent,
  NewConsent,
  NewPerson,
  Person,
  PersonMatch,
  PersonSearchKey,
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
