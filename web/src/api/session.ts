// Signing in and out, the current user, and TOTP enrolment.
import { request, setCsrfToken, type ApiResult } from './client';
import type {
  Credentials,
  Language,
  PasswordChange,
  Instance,
  Session,
  TotpConfirmation,
  TotpEnrollment,
} from './types';

function normalise(s: Session): Session {
  return {
    ...s,
    organization: s.organization ?? null,
    mfa_enrollment_required: Boolean(s.mfa_enrollment_required),
    password_change_required: Boolean(
      s.password_change_required ?? s.user?.password_change_required,
    ),
  };
}

// POST /api/v1/session. 401 "mfa_required" when a TOTP code is needed; 429 when locked.
export async function signIn(credentials: Credentials): Promise<ApiResult<Session>> {
  const r = await request<Session>('POST', '/api/v1/session', {
    body: credentials,
    authRequest: true,
  });
  if (r.ok) {
    r.data = normalise(r.data);
    setCsrfToken(r.data.csrf_token);
  }
  return r;
}

// DELETE /api/v1/session. The token is forgotten whatever the answer.
export async function signOut(): Promise<ApiResult<void>> {
  const r = await request<void>('DELETE', '/api/v1/session', { authRequest: true });
  setCsrfToken(null);
  return r;
}

// GET /api/v1/me: the session after a reload (and a keep-alive for the idle timeout).
export async function getMe(): Promise<ApiResult<Session>> {
  const r = await request<Session>('GET', '/api/v1/me', { authRequest: true });
  if (r.ok) {
    r.data = normalise(r.data);
    if (r.data.csrf_token) setCsrfToken(r.data.csrf_token);
  }
  return r;
}

// GET /api/v1/instance: public facts about this installation (is it a demo?). Optional on the
// server; a 404 means "not a demo as far as we know".
export async function getInstance(): Promise<ApiResult<Instance>> {
  return request<Instance>('GET', '/api/v1/instance', { authRequest: true });
}

export function beginTotp(): Promise<ApiResult<TotpEnrollment>> {
  return request<TotpEnrollment>('POST', '/api/v1/me/totp', { body: {} });
}

export function confirmTotp(code: string): Promise<ApiResult<TotpConfirmation>> {
  return request<TotpConfirmation>('POST', '/api/v1/me/totp/confirm', { body: { code } });
}

// POST /api/v1/me/password: replaces a one-time (or the current) password. 204.
export function changePassword(change: PasswordChange): Promise<ApiResult<void>> {
  return request<void>('POST', '/api/v1/me/password', { body: change });
}

// POST /api/v1/me/language: remembers the user's language on the server too. 204.
export function saveLanguage(language: Language): Promise<ApiResult<void>> {
  return request<void>('POST', '/api/v1/me/language', { body: { language } });
}

// The error code of an action that needs the password (and code) entered in the last 5 minutes.
export const REAUTH_REQUIRED = 'reauth_required';

// POST /api/v1/session/reauth: the password, and the authenticator code when enrolled. 204.
export function reauthenticate(password: string, totp?: string): Promise<ApiResult<void>> {
  return request<void>('POST', '/api/v1/session/reauth', {
    body: totp ? { password, totp } : { password },
  });
}
