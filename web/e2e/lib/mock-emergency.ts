// A stand-in for the emergency endpoints (briefs/api-emergency.md) for the UI-only suite,
// installed after lib/mock-api.ts (Playwright tries the latest route first) and sharing its
// session: the public help form with its anti-automation token and flood control, the
// dispatcher's requests and transitions, and the live stream. A route answer cannot stay open,
// so the stream is served in pieces: each connection gets the events queued since the last one
// and a short "retry", and the browser's EventSource reconnects for the next.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  Channel,
  CoverageAnswer,
  FacilityBeds,
  FloodEvent,
  HelpRequest,
  Measures,
  Outcome,
  Page,
  Region,
  RequestCandidate,
  RequestEvent,
} from '../../src/api';
import type { HelpForm } from '../../src/help/api';
import type { MockState } from './mock-api';

const REGIONS: [Region, string, string][] = [
  ['KR-11', '서울특별시', 'Seoul'],
  ['KR-26', '부산광역시', 'Busan'],
  ['KR-27', '대구광역시', 'Daegu'],
  ['KR-28', '인천광역시', 'Incheon'],
  ['KR-29', '광주광역시', 'Gwangju'],
  ['KR-30', '대전광역시', 'Daejeon'],
  ['KR-31', '울산광역시', 'Ulsan'],
  ['KR-41', '경기도', 'Gyeonggi'],
  ['KR-42', '강원특별자치도', 'Gangwon'],
  ['KR-43', '충청북도', 'North Chungcheong'],
  ['KR-44', '충청남도', 'South Chungcheong'],
  ['KR-45', '전북특별자치도', 'Jeonbuk'],
  ['KR-46', '전라남도', 'South Jeolla'],
  ['KR-47', '경상북도', 'North Gyeongsang'],
  ['KR-48', '경상남도', 'South Gyeongsang'],
  ['KR-49', '제주특별자치도', 'Jeju'],
  ['KR-50', '세종특별자치시', 'Sejong'],
];

export type MockHelpRequest = HelpRequest;

export interface EmergencyMock {
  requests: MockHelpRequest[]; // visible to the dispatcher's organization (o-busan)
  waiting: MockHelpRequest[]; // announced on the stream, then visible
  queued: string[]; // SSE event blocks not yet delivered
  submissions: Record<string, unknown>[];
  floodFrom: boolean; // the next public submission is refused with 429
  streamConnections: number;
  beds: FacilityBeds[]; // free beds across the network, counts only
}

const MESSAGES = {
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  region: { ko: '지역을 선택하세요.', en: 'Choose a region.' },
  situation: { ko: '상황을 적어 주세요.', en: 'Describe the situation.' },
  rate: {
    ko: '요청이 너무 많습니다. 잠시 뒤에 다시 시도하세요.',
    en: 'Too many requests. Try again later.',
  },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  conflict: { ko: '지금 상태에서는 할 수 없습니다.', en: 'Not possible in the current status.' },
  forbidden: { ko: '권한이 없습니다.', en: 'Not allowed.' },
};

export function helpRequest(id: string, over: Partial<MockHelpRequest> = {}): MockHelpRequest {
  const received = new Date(Date.now() - 4 * 60_000);
  return {
    id,
    reference: `H-${id.toUpperCase()}`,
    channel: 'public_web_form',
    region: 'KR-26',
    received_at: received.toISOString(),
    status: 'new',
    urgency: 'normal',
    situation: '업소에서 나오고 싶어요.',
    location: null,
    contact: null,
    safe_contact: null,
    language: 'ko',
    assigned_org_id: 'o-busan',
    escalation_level: 0,
    ack_due_at: new Date(received.getTime() + 10 * 60_000).toISOString(),
    acknowledged_at: null,
    dispatched_at: null,
    resolved_at: null,
    closed_at: null,
    outcome: null,
    person_id: null,
    case_id: null,
    police: null,
    ...over,
  };
}

// What the request's people search finds for the name 김하나 (or phone 010-5555-0007): her, and
// a restricted woman of the same name whom a dispatcher may not reach.
export const CANDIDATES: RequestCandidate[] = [
  {
    id: 'p-77',
    code: 'BS-2026-0007',
    restricted: false,
    hidden: false,
    alias: '하나',
    age_band: '19_24',
    open_cases: [{ id: 'c-91', number: 'BS-C-2026-0003' }],
  },
  {
    id: 'p-80',
    code: 'BS-2026-0012',
    restricted: true,
    hidden: true,
    alias: null,
    age_band: null,
    open_cases: [],
  },
];

// The secretariat's board hears a flood of the public form (docs/emergency.md, "Floods").
export function flood(e: EmergencyMock, first: MockHelpRequest): void {
  arrive(e, first);
  const event: FloodEvent = { first_id: first.id, started_at: first.received_at };
  e.queued.push(`event: flood\ndata: ${JSON.stringify(event)}\n\n`);
}

export function initialEmergency(): EmergencyMock {
  return {
    requests: [
      helpRequest('r1', {
        status: 'acknowledged',
        acknowledged_at: new Date().toISOString(),
        urgency: 'high',
        channel: 'hotline',
        reference: 'H-0001',
      }),
    ],
    waiting: [],
    queued: [],
    beds: [
      {
        org_id: 'o-busan',
        facility_type: 'general',
        region: 'KR-26',
        free: 4,
        kinds: { standard: { total: 6, free: 3 }, with_child: { total: 2, free: 1 } },
      },
    ],
    submissions: [],
    floodFrom: false,
    streamConnections: 0,
  };
}

// A request arrives: announced on the next stream connection, listed from then on.
export function arrive(e: EmergencyMock, r: MockHelpRequest): void {
  e.waiting.push(r);
  const event: RequestEvent = {
    id: r.id,
    status: r.status,
    region: r.region,
    received_at: r.received_at,
    urgency: r.urgency,
    escalation_level: r.escalation_level,
  };
  e.queued.push(`event: request\ndata: ${JSON.stringify(event)}\n\n`);
}

export async function installEmergencyMock(
  context: BrowserContext,
  state: MockState,
  e: EmergencyMock,
): Promise<void> {
  await context.route('**/api/v1/public/**', (route) => publicRoute(route, e));
  await context.route('**/api/v1/emergency/**', (route) => staffRoute(route, state, e));
  await context.route('**/api/v1/network/beds**', (route) => bedsRoute(route, e));
}

// Free beds across the network (counts only), and the dispatcher's 90-minute hold.
function bedsRoute(route: Route, e: EmergencyMock) {
  const req = route.request();
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  if (req.method() === 'POST') {
    const body = JSON.parse(req.postData() ?? '{}') as { org_id: string; kind: 'standard' };
    const facility = e.beds.find((f) => f.org_id === body.org_id);
    const kind = facility?.kinds[body.kind];
    if (!facility || !kind || kind.free === 0) {
      return json(409, { error: { code: 'conflict', message: '빈 침대가 없습니다.' } });
    }
    kind.free--;
    facility.free--;
    const expires = new Date(Date.now() + 90 * 60_000).toISOString();
    return json(201, {
      id: 'h-1',
      org_id: body.org_id,
      bed_id: 'b-x',
      kind: body.kind,
      expires_at: expires,
    });
  }
  return json(200, { items: e.beds });
}

function answer(route: Route) {
  const lang: 'ko' | 'en' = (route.request().headers()['accept-language'] ?? 'ko').startsWith('en')
    ? 'en'
    : 'ko';
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
  const fail = (
    status: number,
    code: string,
    msg: keyof typeof MESSAGES,
    fields: Record<string, keyof typeof MESSAGES> = {},
    headers: Record<string, string> = {},
  ) =>
    json(
      status,
      {
        error: {
          code,
          message: MESSAGES[msg][lang],
          fields: Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k, MESSAGES[v][lang]]),
          ),
        },
      },
      headers,
    );
  const body = () =>
    route.request().postData()
      ? (JSON.parse(route.request().postData()!) as Record<string, unknown>)
      : {};
  return { json, fail, body };
}

async function publicRoute(route: Route, e: EmergencyMock): Promise<void> {
  const { json, fail, body } = answer(route);
  const path = new URL(route.request().url()).pathname;
  const method = route.request().method();
  if (path === '/api/v1/public/help-form' && method === 'GET') {
    return json(200, {
      form_token: 'form-token-1',
      regions: REGIONS.map(([code, name_ko, name_en]) => ({ code, name_ko, name_en })),
      police_number: '112',
      hotline: '1366',
    } satisfies HelpForm);
  }
  if (path === '/api/v1/public/help-requests' && method === 'POST') {
    if (e.floodFrom) return fail(429, 'rate_limited', 'rate', {}, { 'Retry-After': '90' });
    const b = body();
    const fields: Record<string, keyof typeof MESSAGES> = {};
    if (!REGIONS.some(([code]) => code === b.region)) fields.region = 'region';
    if (!String(b.situation ?? '').trim()) fields.situation = 'situation';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    e.submissions.push(b);
    return json(202, { reference: `H-${String(e.submissions.length).padStart(4, '0')}-WEB` });
  }
  return fail(404, 'not_found', 'not_found');
}

async function staffRoute(route: Route, state: MockState, e: EmergencyMock): Promise<void> {
  const { json, fail, body } = answer(route);
  const url = new URL(route.request().url());
  const path = url.pathname;
  const method = route.request().method();
  const me = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!me) return fail(404, 'not_found', 'not_found');
  if (!me.roles.includes('dispatcher')) return fail(404, 'not_found', 'not_found');
  if (method !== 'GET' && route.request().headers()['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', 'forbidden');
  state.requests.push({ method, path, headers: route.request().headers() });

  if (path === '/api/v1/emergency/events') {
    e.streamConnections++;
    const events = e.queued.splice(0);
    e.requests.push(...e.waiting.splice(0));
    return route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
      body: `retry: 300\n\n: heartbeat\n\n${events.join('')}`,
    });
  }
  if (path === '/api/v1/emergency/measures') {
    return json(200, {
      by_org: [
        { org_id: 'o-busan', count: 12, median_ack_seconds: 270, median_resolve_seconds: 5400 },
      ],
      by_region: [
        { region: 'KR-26', count: 9, median_ack_seconds: 240, median_resolve_seconds: 4800 },
        { region: 'KR-48', count: 3, median_ack_seconds: 420, median_resolve_seconds: null },
      ],
    } satisfies Measures);
  }
  if (path === '/api/v1/emergency/coverage') {
    return json(200, {
      items: [{ org_id: 'o-busan', org_name: '부산 쉼터', region: 'KR-26', priority: 1 }],
      ack_limit_minutes: 10,
    } satisfies CoverageAnswer);
  }
  if (path === '/api/v1/emergency/requests' && method === 'GET') {
    const status = url.searchParams.get('status') ?? 'open';
    const open = ['new', 'acknowledged', 'dispatched'];
    return json(200, {
      items: e.requests.filter((r) =>
        status === 'open' ? open.includes(r.status) : r.status === status,
      ),
      next_cursor: null,
    } satisfies Page<HelpRequest>);
  }
  if (path === '/api/v1/emergency/requests' && method === 'POST') {
    const b = body();
    const fields: Record<string, keyof typeof MESSAGES> = {};
    if (!REGIONS.some(([code]) => code === b.region)) fields.region = 'region';
    if (!String(b.situation ?? '').trim()) fields.situation = 'situation';
    if (!b.channel) fields.channel = 'invalid';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const r = helpRequest(`r${e.requests.length + 10}`, {
      channel: b.channel as Channel,
      region: b.region as Region,
      situation: String(b.situation),
      urgency: String(b.urgency ?? 'normal'),
      contact: (b.contact as string) ?? null,
      safe_contact: (b.safe_contact as string) ?? null,
      location: (b.location as string) ?? null,
      received_at: new Date().toISOString(),
      reference: `H-${String(e.requests.length + 10).padStart(4, '0')}`,
    });
    e.requests.push(r);
    return json(201, r);
  }
  const m = path.match(/^\/api\/v1\/emergency\/requests\/([^/]+)(?:\/([a-z]+))?$/);
  const r = m ? e.requests.find((x) => x.id === m[1]) : undefined;
  if (!m || !r) return fail(404, 'not_found', 'not_found');
  const now = new Date().toISOString();
  if (!m[2] && method === 'GET') return json(200, r);
  if (m[2] === 'acknowledge' && method === 'POST') {
    if (r.status !== 'new') return fail(409, 'conflict', 'conflict');
    Object.assign(r, {
      status: 'acknowledged',
      acknowledged_at: now,
    } satisfies Partial<HelpRequest>);
    return json(200, r);
  }
  if (m[2] === 'dispatch' && method === 'POST') {
    Object.assign(r, { status: 'dispatched', dispatched_at: now } satisfies Partial<HelpRequest>);
    return json(200, r);
  }
  if (m[2] === 'police' && method === 'POST') {
    const b = body();
    r.police = {
      station: String(b.station),
      notified_at: String(b.notified_at),
      officer: (b.officer as string) ?? null,
      report_number: (b.report_number as string) ?? null,
      outcome: (b.outcome as string) ?? null,
    };
    return json(200, r);
  }
  if (m[2] === 'candidates' && method === 'GET') {
    const name = url.searchParams.get('name');
    const phone = url.searchParams.get('phone');
    if (!name && !phone) return fail(400, 'invalid', 'invalid', { name: 'invalid' });
    const found = name === '김하나' || phone === '01055550007';
    return json(200, { items: found ? CANDIDATES : [] } satisfies { items: RequestCandidate[] });
  }
  if (m[2] === 'close' && method === 'POST') {
    if (r.status !== 'resolved') return fail(409, 'conflict', 'conflict');
    Object.assign(r, { status: 'closed', closed_at: now } satisfies Partial<HelpRequest>);
    return json(200, r);
  }
  if (m[2] === 'link' && method === 'POST') {
    const b = body();
    if (!b.person_id) return fail(400, 'invalid', 'invalid', { person_id: 'invalid' });
    Object.assign(r, {
      person_id: String(b.person_id),
      case_id: (b.case_id as string | undefined) ?? null,
    } satisfies Partial<HelpRequest>);
    return json(200, r);
  }
  if (m[2] === 'resolve' && method === 'POST') {
    Object.assign(r, {
      status: 'resolved',
      resolved_at: now,
      outcome: body().outcome as Outcome,
    } satisfies Partial<HelpRequest>);
    return json(200, r);
  }
  return fail(404, 'not_found', 'not_found');
}
