// A staff member's session over the real API from Node, for setting up what a browser test then
// looks at (a restricted case, an appointment). Signs in with the password, enrols TOTP when the
// server asks (computing the code from the secret it hands out) and keeps the cookie and the
// CSRF token like the web app does.
import type { Page } from 'playwright-core';
import { PASSWORD } from './real-server';
import { currentStep, totpAt } from './totp';

export interface ApiSession {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function apiSignIn(url: string, username: string): Promise<ApiSession> {
  const base = url.replace('localhost', '127.0.0.1');
  let cookie = '';
  let csrf = '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'Accept-Language': 'ko' };
    if (cookie) headers.Cookie = cookie;
    if (csrf && method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Only the session cookie is kept: it is what the server reads on the next call.
    const session = r.headers.getSetCookie().find((c) => c.startsWith('__Host-dandelion_session='));
    if (session) cookie = session.split(';')[0]!;
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const signedIn = await call<{ csrf_token: string; mfa_enrollment_required: boolean }>(
    'POST',
    '/api/v1/session',
    {
      username,
      password: PASSWORD,
    },
  );
  csrf = signedIn.csrf_token;
  if (signedIn.mfa_enrollment_required) {
    const { secret } = await call<{ secret: string }>('POST', '/api/v1/me/totp');
    await call('POST', '/api/v1/me/totp/confirm', { code: totpAt(secret, currentStep()) });
  }
  return { call };
}

// First sign-in of a new user in the browser, as she would: password, TOTP enrolment with the
// secret the server hands out (read from its answer), the recovery codes, then the app. A role
// that sees no survivor's data (researcher, advocate) is not asked to enrol: `enrol` false.
export async function browserSignIn(page: Page, username: string, enrol = true): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  if (!enrol) {
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/app/sign-in'));
    return;
  }
  const enrolment = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me/totp') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '로그인' }).click();
  const { secret } = (await (await enrolment).json()) as { secret: string };
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '등록 확인' }).click();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: '계속' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/app/enrol'));
}
