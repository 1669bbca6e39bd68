// A small in-memory stand-in for the server's session, TOTP, organization and user endpoints,
// installed with Playwright's page.route. It is only for the UI-only suite: it lets the screens
// be tested while the real endpoints are being built, and it follows api-contract.md (error
// shape, CSRF on state-changing requests, Accept-Language, 401 mfa_required, 429 when locked,
// 404 for another organization's records).
// Answers are checked against the web app's API types (src/api), so a change there that the
// mock does not follow fails the type check.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  Instance,
  Language,
  Organization,
  OrgUser,
  Page,
  Role,
  Session,
  TotpConfirmation,
  TotpEnrollment,
} from '../../src/api';
import { handleCaseApi, initialCaseData, type CaseData } from './mock-cases';
import {
  handleReferralApi,
  initialReferrals,
  isReferralPath,
  type ReferralMock,
} from './mock-referrals';
import { currentStep, totpAt } from './totp';

export const PASSWORD = 'correct horse battery';

type Org = Organization & { created_at: string };
interface Account {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  password: string;
  totp_secret: string | null; // enrolled when set
  pending_secret?: string | null;
  disabled_at: string | null;
  locked_until: string | null;
  password_change_required: boolean;
  language: Language;
  last_active_at: string | null;
  created_at: string;
}

export interface MockState {
  orgs: Org[];
  accounts: Account[];
  session: { user_id: string; csrf: string; mfa_complete: boolean } | null;
  demo: boolean;
  caseData: CaseData;
  referrals: ReferralMock;
  requests: { method: string; path: string; headers: Record<string, string> }[];
}

const NOW = '2026-03-01T09:30:00Z';
export const SECRETS = {
  netadmin: 'JBSWY3DPEHPK3PXP',
  orgadmin: 'KRSXG5CTMVRXEZLU',
  dispatcher: 'MFRGGZDFMZTWQ2LK',
  caseworker: 'NBSWY3DPO5XXE3DE',
  supervisor: 'ORSXG5BAMJQXG2LD',
  researcher: 'MZXW6YTBOI======',
};

export function initialState(): MockState {
  const orgs: Org[] = [
    {
      id: 'o-sec',
      slug: 'secretariat',
      name: '전국연대 사무국',
      kind: 'secretariat',
      region: 'KR-11',
      created_at: NOW,
    },
    {
      id: 'o-seoul',
      slug: 'seoul-counseling',
      name: '서울여성상담소',
      kind: 'counseling_center',
      region: 'KR-11',
      created_at: NOW,
    },
    {
      id: 'o-busan',
      slug: 'busan-shelter',
      name: '부산 쉼터',
      kind: 'support_facility',
      region: 'KR-26',
      created_at: NOW,
    },
  ];
  const account = (
    id: string,
    org_id: string,
    username: string,
    display_name: string,
    roles: Role[],
    totp_secret: string | null,
  ): Account => ({
    id,
    org_id,
    username,
    display_name,
    roles,
    password: PASSWORD,
    totp_secret,
    disabled_at: null,
    locked_until: null,
    password_change_required: false,
    language: 'ko',
    last_active_at: NOW,
    created_at: NOW,
  });
  const locked = account(
    'u-locked',
    'o-seoul',
    'locked',
    '잠긴 사용자',
    ['case_worker'],
    SECRETS.orgadmin,
  );
  locked.locked_until = '2999-01-01T00:00:00Z';
  return {
    orgs,
    accounts: [
      account('u-net', 'o-sec', 'netadmin', '네트워크 관리자', ['network_admin'], SECRETS.netadmin),
      account('u-admin', 'o-seoul', 'orgadmin', '박관리', ['org_admin'], SECRETS.orgadmin),
      account('u-new', 'o-seoul', 'counselor', '김상담', ['case_worker'], null),
      account('u-disp', 'o-busan', 'dispatcher', '이구조', ['dispatcher'], SECRETS.dispatcher),
      account('u-cw', 'o-seoul', 'caseworker', '정상담', ['case_worker'], SECRETS.caseworker),
      account('u-sup', 'o-seoul', 'supervisor', '윤감독', ['supervisor'], SECRETS.supervisor),
      account('u-res', 'o-sec', 'researcher', '한연구', ['researcher'], SECRETS.researcher),
      account('u-adv', 'o-sec', 'advocate', '오활동', ['advocate'], SECRETS.researcher),
      locked,
    ],
    session: null,
    demo: true,
    caseData: initialCaseData(),
    referrals: initialReferrals(),
    requests: [],
  };
}

const MESSAGES = {
  bad_credentials: {
    ko: '아이디 또는 비밀번호가 올바르지 않습니다.',
    en: 'The username or password is not correct.',
  },
  mfa_required: { ko: '인증 코드가 필요합니다.', en: 'A verification code is needed.' },
  totp_invalid: {
    ko: '인증 코드가 올바르지 않습니다.',
    en: 'The verification code is not correct.',
  },
  locked: {
    ko: '로그인 시도가 너무 많아 계정이 잠겼습니다.',
    en: 'Too many sign-in attempts; the account is locked.',
  },
  unauthenticated: { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  forbidden: { ko: '권한이 없습니다.', en: 'Not allowed.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  slug_taken: { ko: '이미 쓰고 있는 식별자입니다.', en: 'This identifier is already taken.' },
  username_taken: { ko: '이미 있는 아이디입니다.', en: 'This username already exists.' },
  required: { ko: '필수 항목입니다.', en: 'Required.' },
  too_short: { ko: '비밀번호는 10자 이상이어야 합니다.', en: 'Use at least 10 characters.' },
} as const;

const QR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges">' +
  '<rect width="29" height="29" fill="#fff"/><path fill="#000" d="M4 4h7v7h-7zM5 5v5h5v-5zM6 6h3v3h-3zM18 4h7v7h-7zM19 5v5h5v-5zM20 6h3v3h-3zM4 18h7v7h-7zM5 19v5h5v-5zM6 20h3v3h-3zM13 13h3v3h-3zM18 18h2v2h-2zM22 22h3v3h-3z"/></svg>\n';

export async function installMockApi(context: BrowserContext, state: MockState): Promise<void> {
  await context.route('**/api/v1/**', (route) => handle(route, state));
}

async function handle(route: Route, state: MockState): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname;
  const method = req.method();
  const headers = req.headers();
  state.requests.push({ method, path, headers });
  const lang: 'ko' | 'en' = (headers['accept-language'] ?? 'ko').startsWith('en') ? 'en' : 'ko';
  const json = (status: number, body?: unknown) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: body === undefined ? '' : JSON.stringify(body),
    });
  const fail = (
    status: number,
    code: string,
    msg: keyof typeof MESSAGES,
    fields: Record<string, keyof typeof MESSAGES> = {},
  ) =>
    json(status, {
      error: {
        code,
        message: MESSAGES[msg][lang],
        fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, MESSAGES[v][lang]])),
      },
    });
  const body = () =>
    req.postData() ? (JSON.parse(req.postData()!) as Record<string, unknown>) : {};

  const me = state.session
    ? (state.accounts.find((a) => a.id === state.session!.user_id) ?? null)
    : null;
  const sessionBody = (a: Account): Session => ({
    user: userView(a),
    organization: state.orgs.find((o) => o.id === a.org_id) ?? null,
    csrf_token: state.session!.csrf,
    mfa_enrollment_required: !a.totp_secret,
    password_change_required: a.password_change_required,
    demo: state.demo,
  });

  if (path === '/api/v1/instance' && method === 'GET')
    return json(200, { demo: state.demo } satisfies Instance);

  if (path === '/api/v1/session' && method === 'POST') {
    const b = body() as {
      username?: string;
      password?: string;
      totp?: string;
      recovery_code?: string;
    };
    const a = state.accounts.find((x) => x.username === b.username);
    if (a?.locked_until && new Date(a.locked_until) > new Date())
      return fail(429, 'rate_limited', 'locked');
    if (!a || a.password !== b.password || a.disabled_at)
      return fail(401, 'unauthenticated', 'bad_credentials');
    if (a.totp_secret) {
      if (!b.totp && !b.recovery_code) return fail(401, 'mfa_required', 'mfa_required');
      const step = currentStep();
      const ok =
        b.recovery_code === 'RECOVERY-OK' ||
        [step - 1, step, step + 1].some((s) => totpAt(a.totp_secret!, s) === b.totp);
      if (!ok) return fail(401, 'unauthenticated', 'totp_invalid', { totp: 'totp_invalid' });
    }
    state.session = {
      user_id: a.id,
      csrf: `csrf-${Math.random().toString(36).slice(2)}`,
      mfa_complete: Boolean(a.totp_secret),
    };
    return json(200, sessionBody(a));
  }

  if (!me) return fail(401, 'unauthenticated', 'unauthenticated');
  if (method !== 'GET' && headers['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', 'forbidden');

  if (path === '/api/v1/session' && method === 'DELETE') {
    state.session = null;
    return route.fulfill({ status: 204 });
  }
  if (path === '/api/v1/me' && method === 'GET') return json(200, sessionBody(me));
  if (path === '/api/v1/me/totp' && method === 'POST') {
    me.pending_secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    return json(200, {
      secret: me.pending_secret,
      otpauth_uri: `otpauth://totp/Dandelion:${me.username}?secret=${me.pending_secret}`,
      qr_svg: QR_SVG,
    } satisfies TotpEnrollment);
  }
  if (path === '/api/v1/me/totp/confirm' && method === 'POST') {
    const code = String(body().code ?? '');
    const step = currentStep();
    if (
      !me.pending_secret ||
      ![step - 1, step, step + 1].some((s) => totpAt(me.pending_secret!, s) === code)
    ) {
      return fail(400, 'invalid', 'totp_invalid', { code: 'totp_invalid' });
    }
    me.totp_secret = me.pending_secret;
    me.pending_secret = null;
    state.session!.mfa_complete = true;
    return json(200, {
      recovery_codes: [
        '7KQ2-M9XD',
        'P4RT-8WZC',
        'H3NF-2VBL',
        'X6YA-Q5JE',
        'C8GU-T1KS',
        'W2MD-R7PH',
        'B5LZ-N4QF',
        'E9JV-K3TA',
      ],
    } satisfies TotpConfirmation);
  }
  if (path === '/api/v1/me/language' && method === 'POST') {
    me.language = (body() as { language: Language }).language;
    return route.fulfill({ status: 204 });
  }
  if (path === '/api/v1/me/password' && method === 'POST') {
    const b = body() as { current_password?: string; new_password?: string };
    if (b.current_password !== me.password)
      return fail(400, 'invalid', 'invalid', { current_password: 'bad_credentials' });
    if (!b.new_password || b.new_password.length < 10)
      return fail(400, 'invalid', 'invalid', { new_password: 'too_short' });
    me.password = b.new_password;
    me.password_change_required = false;
    return route.fulfill({ status: 204 });
  }
  if (!state.session!.mfa_complete) return fail(403, 'forbidden', 'forbidden');
  if (me.password_change_required) return fail(403, 'forbidden', 'forbidden');

  if (path === '/api/v1/organizations') {
    if (method === 'GET')
      return json(200, { items: state.orgs, next_cursor: null } satisfies Page<Organization>);
    if (!me.roles.includes('network_admin')) return fail(403, 'forbidden', 'forbidden');
    const b = body() as Partial<Org>;
    const fields: Record<string, keyof typeof MESSAGES> = {};
    for (const k of ['slug', 'name', 'kind', 'region'] as const) if (!b[k]) fields[k] = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    if (state.orgs.some((o) => o.slug === b.slug))
      return fail(409, 'conflict', 'slug_taken', { slug: 'slug_taken' });
    const org: Org = {
      id: `o-${b.slug}`,
      slug: b.slug!,
      name: b.name!,
      kind: b.kind!,
      region: b.region!,
      created_at: new Date().toISOString(),
    };
    state.orgs.push(org);
    return json(201, org);
  }

  const m = path.match(/^\/api\/v1\/organizations\/([^/]+)\/users(?:\/([^/]+)(?:\/([a-z-]+))?)?$/);
  if (m) {
    const [, orgId, userId, action] = m;
    const allowed =
      me.roles.includes('network_admin') || (me.roles.includes('org_admin') && me.org_id === orgId);
    if (!allowed || !state.orgs.some((o) => o.id === orgId))
      return fail(404, 'not_found', 'not_found');
    if (!userId) {
      if (method === 'GET')
        return json(200, {
          items: state.accounts.filter((a) => a.org_id === orgId).map((a) => userView(a)),
          next_cursor: null,
        } satisfies Page<OrgUser>);
      const b = body() as { username?: string; display_name?: string; roles?: Role[] };
      const fields: Record<string, keyof typeof MESSAGES> = {};
      if (!b.username) fields.username = 'required';
      if (!b.display_name) fields.display_name = 'required';
      if (!b.roles?.length) fields.roles = 'required';
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      if (state.accounts.some((a) => a.username === b.username))
        return fail(409, 'conflict', 'username_taken', { username: 'username_taken' });
      const a: Account = {
        id: `u-${b.username}`,
        org_id: orgId!,
        username: b.username!,
        display_name: b.display_name!,
        roles: b.roles!,
        password: 'Tmp-4fG7-kP2q-9xWz',
        totp_secret: null,
        disabled_at: null,
        locked_until: null,
        last_active_at: null,
        password_change_required: true,
        language: 'ko',
        created_at: new Date().toISOString(),
      };
      state.accounts.push(a);
      return json(201, { ...userView(a), one_time_password: a.password } satisfies WithPassword);
    }
    const target = state.accounts.find((a) => a.id === userId && a.org_id === orgId);
    if (!target) return fail(404, 'not_found', 'not_found');
    if (!action && method === 'PATCH') {
      const roles = (body() as { roles?: Role[] }).roles;
      if (!roles?.length) return fail(400, 'invalid', 'invalid', { roles: 'required' });
      target.roles = roles;
      return json(200, userView(target));
    }
    if (method === 'POST' && action === 'reset-password') {
      target.password = 'Tmp-Reset-8hJ3-Qw2e';
      target.password_change_required = true;
      return json(200, {
        ...userView(target),
        one_time_password: target.password,
      } satisfies WithPassword);
    }
    if (method === 'POST' && action === 'disable') target.disabled_at = new Date().toISOString();
    else if (method === 'POST' && action === 'enable') target.disabled_at = null;
    else if (method === 'POST' && action === 'unlock') target.locked_until = null;
    else if (method === 'POST' && action === 'reset-mfa') target.totp_secret = null;
    else return fail(404, 'not_found', 'not_found');
    return json(200, userView(target));
  }
  if (isReferralPath(path)) return handleReferralApi(route, state);
  if (await handleCaseApi({ route, url, method, lang, me }, state.caseData)) return;
  return fail(404, 'not_found', 'not_found');
}

// A created user or a reset password, as the real server answers: the user with the one-time
// password beside its fields.
type WithPassword = OrgUser & { one_time_password: string };

// The user shape of the real server (modules/network/routes.cc UserJson).
function userView(a: Account): OrgUser {
  return {
    id: a.id,
    org_id: a.org_id,
    username: a.username,
    display_name: a.display_name,
    roles: a.roles,
    totp_enabled: Boolean(a.totp_secret),
    disabled: a.disabled_at !== null,
    locked: a.locked_until !== null && new Date(a.locked_until) > new Date(),
    password_change_required: a.password_change_required,
    language: a.language,
    last_active_at: a.last_active_at,
    created_at: a.created_at,
  };
}
