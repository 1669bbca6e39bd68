// A stand-in for the coverage and on-call endpoints (docs/api-emergency.md) for the UI-only
// suite, installed after lib/mock-api.ts and lib/mock-emergency.ts (Playwright tries the latest
// route first) and sharing their session. Like the server: coverage is readable by every
// signed-in user and set by an org admin for her own organization; on-call shifts are kept by
// org admins, dispatchers and supervisors, for dispatchers and supervisors of their own
// organization only.
import type { BrowserContext, Route } from 'playwright-core';
import {
  REGIONS,
  type Coverage,
  type CoverageAnswer,
  type OnCallShift,
  type Region,
} from '../../src/api';
import type { MockState } from './mock-api';

const isRegion = (r: string): r is Region => (REGIONS as readonly string[]).includes(r);

// A row as stored; who can be reached there now is worked out when it is read.
export type CoverageRow = Pick<Coverage, 'org_id' | 'org_name' | 'region' | 'priority'>;
export type Shift = OnCallShift;
export interface CoverageMock {
  coverage: CoverageRow[];
  ackLimitMinutes: Record<string, number>; // by organization
  shifts: (Shift & { org_id: string })[];
  puts: Record<string, unknown>[];
  posts: Record<string, unknown>[];
  rosterQueries: { from: string | null; to: string | null }[];
}

export function initialCoverage(): CoverageMock {
  return {
    coverage: [
      { org_id: 'o-busan', org_name: '부산 쉼터', region: 'KR-26', priority: 1 },
      { org_id: 'o-busan', org_name: '부산 쉼터', region: 'KR-48', priority: 1 },
      { org_id: 'o-seoul', org_name: '서울여성상담소', region: 'KR-11', priority: 1 },
    ],
    ackLimitMinutes: { 'o-busan': 10, 'o-seoul': 10 },
    shifts: [],
    puts: [],
    posts: [],
    rosterQueries: [],
  };
}

const MESSAGES = {
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  minutes: { ko: '1부터 120 사이여야 합니다.', en: 'Must be between 1 and 120.' },
  regions: { ko: '알 수 없는 지역입니다.', en: 'Unknown region.' },
  order: { ko: '종료가 시작보다 늦어야 합니다.', en: 'The end must come after the start.' },
  user: { ko: '이 기관의 구조 담당자가 아닙니다.', en: 'Not a dispatcher of this organization.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  forbidden: { ko: '권한이 없습니다.', en: 'Not allowed.' },
};

export async function installCoverageMock(
  context: BrowserContext,
  state: MockState,
  c: CoverageMock,
): Promise<void> {
  const ours = (url: URL) =>
    url.pathname === '/api/v1/emergency/coverage' || url.pathname === '/api/v1/emergency/on-call';
  await context.route(ours, (route) => coverageRoute(route, state, c));
}

async function coverageRoute(route: Route, state: MockState, c: CoverageMock): Promise<void> {
  const req = route.request();
  const lang: 'ko' | 'en' = (req.headers()['accept-language'] ?? 'ko').startsWith('en')
    ? 'en'
    : 'ko';
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
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
  const url = new URL(req.url());
  const method = req.method();
  const me = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!me) return fail(401, 'unauthenticated', 'forbidden');
  if (method !== 'GET' && req.headers()['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', 'forbidden');
  state.requests.push({ method, path: url.pathname, headers: req.headers() });
  const body = () =>
    req.postData() ? (JSON.parse(req.postData()!) as Record<string, unknown>) : {};
  // Like the server: someone can see a request now if a shift covers now, or if the
  // organization keeps no roster and has a dispatcher; a region nobody can take now is a gap.
  const reach = (org_id: string) => {
    const now = Date.now();
    const shifts = c.shifts.filter((s) => s.org_id === org_id);
    const on_call_now = shifts.some(
      (s) => Date.parse(s.starts_at) <= now && Date.parse(s.ends_at) > now,
    );
    const dispatchers = state.accounts.some(
      (a) => a.org_id === org_id && a.roles.includes('dispatcher') && !a.disabled_at,
    );
    return {
      on_call_now,
      dispatchers,
      reachable: on_call_now || (dispatchers && shifts.length === 0),
    };
  };
  const coverage = () => {
    const items = c.coverage.map((row) => ({ ...row, ...reach(row.org_id) }));
    const gaps = REGIONS.filter((r) => !items.some((i) => i.region === r && i.reachable));
    return json(200, {
      items,
      gaps,
      ack_limit_minutes: c.ackLimitMinutes[me.org_id] ?? 10,
    } satisfies CoverageAnswer);
  };

  if (url.pathname === '/api/v1/emergency/coverage') {
    if (method === 'GET') return coverage();
    if (method !== 'PUT') return fail(404, 'not_found', 'not_found');
    if (!me.roles.includes('org_admin')) return fail(404, 'not_found', 'not_found');
    const b = body();
    c.puts.push(b);
    const fields: Record<string, keyof typeof MESSAGES> = {};
    const asked = Array.isArray(b.regions) ? (b.regions as string[]) : [];
    const regions = asked.filter(isRegion);
    if (!Array.isArray(b.regions) || regions.length !== asked.length) fields.regions = 'regions';
    const m = b.ack_limit_minutes;
    if (m !== undefined && !(Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 120))
      fields.ack_limit_minutes = 'minutes';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const org = state.orgs.find((o) => o.id === me.org_id)!;
    c.coverage = [
      ...c.coverage.filter((row) => row.org_id !== me.org_id),
      ...regions.map((region) => ({
        org_id: org.id,
        org_name: org.name,
        region,
        priority:
          1 + c.coverage.filter((row) => row.region === region && row.org_id !== me.org_id).length,
      })),
    ];
    if (m !== undefined) c.ackLimitMinutes[me.org_id] = m as number;
    return coverage();
  }

  if (!(['org_admin', 'dispatcher', 'supervisor'] as const).some((r) => me.roles.includes(r)))
    return fail(404, 'not_found', 'not_found');
  if (method === 'GET') {
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    c.rosterQueries.push({ from, to });
    const lo = from ? Date.parse(from) : Date.now() - 86_400_000;
    const hi = to ? Date.parse(to) : lo + 7 * 86_400_000;
    const items = c.shifts.filter(
      (s) => s.org_id === me.org_id && Date.parse(s.starts_at) < hi && Date.parse(s.ends_at) > lo,
    );
    return json(200, { items: items.map(({ org_id: _, ...s }) => s) } satisfies {
      items: OnCallShift[];
    });
  }
  if (method !== 'POST') return fail(404, 'not_found', 'not_found');
  const b = body();
  c.posts.push(b);
  const who = state.accounts.find(
    (a) =>
      a.id === b.user_id &&
      a.org_id === me.org_id &&
      (a.roles.includes('dispatcher') || a.roles.includes('supervisor')),
  );
  const fields: Record<string, keyof typeof MESSAGES> = {};
  if (!who) fields.user_id = 'user';
  const starts = Date.parse(String(b.starts_at));
  const ends = Date.parse(String(b.ends_at));
  if (!(ends > starts)) fields.ends_at = 'order';
  if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
  const shift = {
    id: `s${c.shifts.length + 1}`,
    user_id: who!.id,
    display_name: who!.display_name,
    starts_at: String(b.starts_at),
    ends_at: String(b.ends_at),
    org_id: me.org_id,
  };
  c.shifts.push(shift);
  const { org_id: _, ...out } = shift;
  return json(201, out satisfies OnCallShift);
}
