import { onActivity, onSessionLost, request, setApiLanguage, setCsrfToken } from './client';
import {
  createUser,
  disableUser,
  getMe,
  getPerson,
  isRestrictedStub,
  signIn,
  signOut,
} from './index';

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    }),
  );
}

const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

const SESSION = {
  user: {
    id: 'u1',
    username: 'kim',
    display_name: '김상담',
    roles: ['case_worker'],
    organization: {
      id: 'o1',
      slug: 'seoul-1',
      name: '서울상담소',
      kind: 'counseling_center',
      region: 'KR-11',
    },
  },
  csrf_token: 'tok-1',
  mfa_enrollment_required: false,
};

beforeEach(() => {
  calls = [];
  setCsrfToken(null);
  setApiLanguage('ko');
});
afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('reads the cases a restricted person may be opened through', async () => {
    answer(403, {
      error: {
        code: 'break_glass_required',
        message: '제한된 사례가 있는 사람입니다.',
        refs: { break_glass_cases: ['c1', 7, 'c2'] },
      },
    });
    const r = await getPerson('p1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('break_glass_required');
      expect(r.error.refs?.break_glass_cases).toEqual(['c1', 'c2']);
    }
  });

  it('tells a restricted search match from a person it may show', () => {
    expect(
      isRestrictedStub({ id: 'p1', code: 'SEOU-2026-0001', restricted: true, access: null }),
    ).toBe(true);
    expect(
      isRestrictedStub({
        id: 'p2',
        code: 'SEOU-2026-0002',
        legal_name: '김민지',
        alias: null,
        safe_contact: null,
        restricted: true,
        access: 'supervisor',
      }),
    ).toBe(false);
  });

  it('returns typed data on success', async () => {
    answer(200, SESSION);
    const r = await getMe();
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.user.display_name).toBe('김상담');
  });

  it('sends Accept-Language from the chosen language', async () => {
    setApiLanguage('en');
    answer(200, SESSION);
    await getMe();
    expect(header(calls[0]!, 'Accept-Language')).toBe('en');
  });

  it('keeps the CSRF token of the session and sends it on state-changing requests only', async () => {
    answer(200, SESSION);
    await signIn({ username: 'kim', password: 'pw-pw-pw-pw' });
    expect(header(calls[0]!, 'X-CSRF-Token')).toBeUndefined();

    answer(200, { id: 'u2' });
    await disableUser('o1', 'u2');
    expect(calls[1]!.url).toBe('/api/v1/organizations/o1/users/u2/disable');
    expect(calls[1]!.init.method).toBe('POST');
    expect(header(calls[1]!, 'X-CSRF-Token')).toBe('tok-1');

    answer(200, SESSION);
    await getMe();
    expect(header(calls[2]!, 'X-CSRF-Token')).toBeUndefined();
  });

  it('takes the CSRF token from GET /api/v1/me after a reload', async () => {
    answer(200, { ...SESSION, csrf_token: 'tok-after-reload' });
    await getMe();
    answer(204);
    await signOut();
    expect(header(calls[1]!, 'X-CSRF-Token')).toBe('tok-after-reload');
  });

  it('forgets the CSRF token on sign-out', async () => {
    setCsrfToken('t');
    answer(204);
    await signOut();
    answer(200, {});
    await request('POST', '/api/v1/x', { body: {} });
    expect(header(calls[1]!, 'X-CSRF-Token')).toBeUndefined();
  });

  it('returns the error shape with message and fields', async () => {
    answer(400, {
      error: {
        code: 'invalid',
        message: '아이디를 확인하세요',
        fields: { username: '이미 있는 아이디입니다' },
      },
    });
    const r = await createUser('o1', {
      username: 'kim',
      display_name: 'K',
      roles: ['case_worker'],
    });
    expect(r).toEqual({
      ok: false,
      error: {
        status: 400,
        code: 'invalid',
        message: '아이디를 확인하세요',
        fields: { username: '이미 있는 아이디입니다' },
        requestId: undefined,
      },
    });
  });

  it('reports mfa_required as an answer, not a lost session', async () => {
    const lost = vi.fn();
    const off = onSessionLost(lost);
    answer(401, { error: { code: 'mfa_required', message: '인증 코드가 필요합니다', fields: {} } });
    const r = await signIn({ username: 'kim', password: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('mfa_required');
    expect(lost).not.toHaveBeenCalled();
    off();
  });

  it('announces a lost session when a signed-in request gets 401', async () => {
    const lost = vi.fn();
    const off = onSessionLost(lost);
    answer(401, { error: { code: 'unauthenticated', message: '', fields: {} } });
    await request('GET', '/api/v1/organizations');
    expect(lost).toHaveBeenCalledTimes(1);
    off();
  });

  it('counts every answered request as activity', async () => {
    const active = vi.fn();
    const off = onActivity(active);
    answer(200, SESSION);
    await getMe();
    expect(active).toHaveBeenCalledTimes(1);
    off();
  });

  it('marks a background refresh for the server and does not count it as activity', async () => {
    const active = vi.fn();
    const off = onActivity(active);
    answer(200, { items: [] });
    await request('GET', '/api/v1/network/beds', { background: true });
    expect(active).not.toHaveBeenCalled();
    expect(header(calls[0]!, 'X-Background-Refresh')).toBe('1');
    await request('GET', '/api/v1/network/beds');
    expect(active).toHaveBeenCalledTimes(1);
    expect(header(calls[1]!, 'X-Background-Refresh')).toBeUndefined();
    off();
  });

  it('turns an unreachable server into a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const r = await getMe();
    expect(r).toEqual({
      ok: false,
      error: { status: 0, code: 'network', message: '', fields: {} },
    });
  });

  it('fills in a code when the body is not the error shape', async () => {
    answer(429, undefined, { 'X-Request-Id': 'req-9' });
    const r = await signIn({ username: 'kim', password: 'x' });
    if (!r.ok)
      expect(r.error).toMatchObject({ status: 429, code: 'rate_limited', requestId: 'req-9' });
  });

  it('reads the one-time password of a created user, nested or flat', async () => {
    answer(201, { user: { id: 'u3', username: 'lee' }, one_time_password: 'otp-1' });
    const nested = await createUser('o1', {
      username: 'lee',
      display_name: 'L',
      roles: ['finance'],
    });
    answer(201, { id: 'u3', username: 'lee', one_time_password: 'otp-2' });
    const flat = await createUser('o1', { username: 'lee', display_name: 'L', roles: ['finance'] });
    expect(nested.ok && nested.data.one_time_password).toBe('otp-1');
    expect(flat.ok && flat.data).toEqual({
      user: { id: 'u3', username: 'lee' },
      one_time_password: 'otp-2',
    });
  });
});
