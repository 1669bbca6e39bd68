// A mock of the events API (docs/api-events.md) for the browser tests: the secretariat's events
// (one upcoming with a capacity of two, one past), registrations — one under an alias, whose
// legal name the mock keeps but, like the server, never sends — the waitlist promoted on a
// cancellation, and idempotent check-in: the same key answers the same result with
// `replayed: true`, another key for someone already in answers 409 with the first time.
// `failing` makes every check-in fail as a network error would (the request never arrives);
// `loseAnswers` lets check-ins arrive and be recorded but drops the answer, as a flaky
// connection does. Every check-in request is recorded.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  CheckInAnswer,
  EventCounts,
  NetworkEvent,
  Registration,
  RegistrationRole,
} from '../../src/api';

type StoredRegistration = Registration & { event_id: string; legal_name: string };

export interface EventsMock {
  events: NetworkEvent[];
  registrations: StoredRegistration[];
  // idempotency key -> the answer given the first time
  keys: Map<string, CheckInAnswer>;
  checkIns: { key: string; body: Record<string, unknown> }[];
  failing: boolean;
  loseAnswers: boolean;
  seq: number;
}

const ORGANIZER = { id: 'o-sec', name: '전국연대 사무국' };
const day = 86_400_000;

function event(
  id: string,
  title_ko: string,
  title_en: string,
  startsInDays: number,
  capacity: number | null,
): NetworkEvent {
  const start = new Date(Date.now() + startsInDays * day);
  start.setUTCHours(5, 0, 0, 0);
  const end = new Date(start.getTime() + 3 * 3_600_000);
  return {
    id,
    kind: 'forum',
    title_ko,
    title_en,
    description_ko: '',
    description_en: '',
    starts_at: start.toISOString().replace('.000', ''),
    ends_at: end.toISOString().replace('.000', ''),
    date: new Date(start.getTime() + 9 * 3_600_000).toISOString().slice(0, 10),
    venue: '서울시민청 바스락홀',
    region: 'KR-11',
    capacity,
    registration_open: true,
    published: true,
    campaign_id: null,
    organizer: ORGANIZER,
    counts: { registered: 0, waitlisted: 0, cancelled: 0, checked_in: 0 },
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
  };
}

function registration(
  id: string,
  event_id: string,
  reference: string,
  legal_name: string,
  alias: string | null,
  status: Registration['status'],
  role: RegistrationRole = 'attendee',
): StoredRegistration {
  return {
    id,
    event_id,
    reference,
    role,
    status,
    source: 'public',
    name: alias ?? legal_name,
    alias: alias !== null,
    legal_name,
    photo_consent: false,
    registered_at: '2026-11-20T01:00:00Z',
    cancelled_at: null,
    checked_in_at: null,
    check_in_method: null,
  };
}

export function initialEvents(): EventsMock {
  return {
    events: [
      event('ev-forum', '성매매 피해 지원 정책 포럼', 'Forum on support policy', 1, 2),
      event('ev-past', '군산 화재 참사 추모제', 'Gunsan fire memorial', -30, null),
    ],
    registrations: [
      // She registered under an alias: every list shows "민들레", never her name.
      registration('r-alias', 'ev-forum', 'HKMN-4729', '박서연', '민들레', 'registered'),
      registration('r-kim', 'ev-forum', 'QRST-2345', '김참가', null, 'registered'),
      registration('r-wait', 'ev-forum', 'WXYZ-6789', '이대기', null, 'waitlisted'),
      registration('r-press', 'ev-forum', 'PRES-5678', '최기자', null, 'registered', 'press'),
    ],
    keys: new Map(),
    checkIns: [],
    failing: false,
    loseAnswers: false,
    seq: 0,
  };
}

const view = (r: StoredRegistration): Registration => {
  const { event_id: _e, legal_name: _n, ...rest } = r;
  return rest;
};

function counts(m: EventsMock, id: string): EventCounts {
  const rs = m.registrations.filter((r) => r.event_id === id);
  return {
    registered: rs.filter((r) => r.status === 'registered').length,
    waitlisted: rs.filter((r) => r.status === 'waitlisted').length,
    cancelled: rs.filter((r) => r.status === 'cancelled').length,
    checked_in: rs.filter((r) => r.checked_in_at).length,
  };
}

const withCounts = (m: EventsMock, e: NetworkEvent): NetworkEvent => ({
  ...e,
  counts: counts(m, e.id),
});

const byRole = (m: EventsMock, id: string) => {
  const out: Partial<Record<RegistrationRole, number>> = {};
  for (const r of m.registrations.filter((x) => x.event_id === id && x.status !== 'cancelled'))
    out[r.role] = (out[r.role] ?? 0) + 1;
  return out;
};

const ERR = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

const attendeesIn = (m: EventsMock, id: string) =>
  m.registrations.filter(
    (r) => r.event_id === id && r.role === 'attendee' && r.status === 'registered',
  ).length;

export async function installEventsMock(context: BrowserContext, m: EventsMock): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/events'),
    (route) => eventsRoute(route, m),
  );
}

async function eventsRoute(route: Route, m: EventsMock): Promise<void> {
  const req = route.request();
  const path = new URL(req.url()).pathname.replace('/api/v1/events', '');
  const method = req.method();
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const notFound = () => json(404, ERR('not_found', '찾을 수 없습니다.'));
  const body = (method !== 'GET' && req.postData() ? req.postDataJSON() : {}) as Record<
    string,
    unknown
  >;

  if (path === '' && method === 'GET') {
    const items = [...m.events]
      .sort((a, b) => b.starts_at.localeCompare(a.starts_at))
      .map((e) => withCounts(m, e));
    return json(200, { items });
  }
  if (path === '' && method === 'POST') {
    if (!body.title_ko || !body.venue || !body.region)
      return json(
        400,
        ERR('invalid', '입력한 내용을 확인하세요.', { fields: { title_ko: '필수 항목입니다.' } }),
      );
    const created: NetworkEvent = {
      ...event(`ev-${++m.seq}`, String(body.title_ko), String(body.title_en ?? ''), 0, null),
      ...(body as Partial<NetworkEvent>),
      starts_at: new Date(String(body.starts_at)).toISOString().replace('.000', ''),
      ends_at: new Date(String(body.ends_at)).toISOString().replace('.000', ''),
    };
    m.events.push(created);
    return json(201, withCounts(m, created));
  }
  const match = path.match(/^\/([^/]+)(\/.*)?$/);
  const e = match ? m.events.find((x) => x.id === decodeURIComponent(match[1]!)) : undefined;
  if (!match || !e) return notFound();
  const sub = match[2] ?? '';

  if (sub === '' && method === 'GET') return json(200, withCounts(m, e));
  if (sub === '' && method === 'PATCH') {
    Object.assign(e, body);
    // Answers are UTC, whatever offset the request gave.
    for (const k of ['starts_at', 'ends_at'] as const)
      if (typeof body[k] === 'string')
        e[k] = new Date(String(body[k])).toISOString().replace('.000', '');
    return json(200, withCounts(m, e));
  }
  if (sub === '/attendance')
    return json(200, { counts: counts(m, e.id), by_role: byRole(m, e.id), capacity: e.capacity });
  if (sub === '/registrations' && method === 'GET') {
    const items = m.registrations.filter((r) => r.event_id === e.id).map(view);
    return json(200, { items, counts: counts(m, e.id), by_role: byRole(m, e.id) });
  }
  if (sub === '/registrations' && method === 'POST') {
    const role = (body.role as RegistrationRole | undefined) ?? 'attendee';
    const full = role === 'attendee' && e.capacity !== null && attendeesIn(m, e.id) >= e.capacity;
    const alias = typeof body.alias === 'string' && body.alias ? body.alias : null;
    const r = registration(
      `r-${++m.seq}`,
      e.id,
      `STAF-${String(m.seq)
        .padStart(4, '0')
        .replace(/[01]/g, (d) => (d === '0' ? '2' : '3'))}`,
      String(body.name),
      alias,
      full ? 'waitlisted' : 'registered',
      role,
    );
    r.source = 'staff';
    m.registrations.push(r);
    return json(201, {
      ...view(r),
      ticket_token: `DDEV1.${e.id}.${r.reference.replace('-', '')}.0123456789abcdef0123456789abcdef`,
      ticket_qr_svg:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges"><rect width="29" height="29" fill="#fff"/><path fill="#000" d="M4,4h7v1h-7zM4,10h7v1h-7zM18,4h7v1h-7zM4,18h7v1h-7zM13,13h3v3h-3z"/></svg>\n',
    });
  }
  const cancel = sub.match(/^\/registrations\/([^/]+)\/cancel$/);
  if (cancel && method === 'POST') {
    const r = m.registrations.find((x) => x.id === cancel[1] && x.event_id === e.id);
    if (!r) return notFound();
    if (r.status === 'cancelled') return json(409, ERR('conflict', '이미 취소된 신청입니다.'));
    const wasIn = r.status === 'registered' && r.role === 'attendee';
    r.status = 'cancelled';
    r.cancelled_at = new Date().toISOString();
    const next = wasIn
      ? m.registrations.find((x) => x.event_id === e.id && x.status === 'waitlisted')
      : undefined;
    if (next) next.status = 'registered';
    return json(200, { registration: view(r), promoted: next ? view(next) : null });
  }
  if (sub === '/check-ins' && method === 'POST') {
    if (m.failing) return route.abort('internetdisconnected');
    const key = String(body.idempotency_key ?? '');
    m.checkIns.push({ key, body });
    const answer = (status: number, b: unknown) =>
      m.loseAnswers ? route.abort('connectionreset') : json(status, b);
    const earlier = m.keys.get(key);
    if (earlier) return answer(200, { ...earlier, replayed: true });
    const ref = typeof body.reference === 'string' ? body.reference.replace('-', '') : null;
    const token = typeof body.token === 'string' ? body.token.split('.') : null;
    const r = m.registrations.find(
      (x) =>
        x.event_id === e.id &&
        (x.id === body.registration_id ||
          (ref !== null && x.reference.replace('-', '') === ref.toUpperCase()) ||
          (token !== null && token[1] === e.id && x.reference.replace('-', '') === token[2])),
    );
    if (!r) return answer(404, ERR('not_found', '찾을 수 없습니다.'));
    if (r.status === 'cancelled')
      return answer(409, ERR('conflict', '취소된 신청은 입장 처리할 수 없습니다.'));
    if (r.checked_in_at)
      return answer(
        409,
        ERR('conflict', '이미 입장했습니다.', {
          refs: { registration: [r.id], checked_in_at: [r.checked_in_at] },
        }),
      );
    r.checked_in_at = String(body.checked_in_at ?? new Date().toISOString());
    r.check_in_method = body.token ? 'qr' : body.reference ? 'reference' : 'list';
    if (r.status === 'waitlisted') r.status = 'registered';
    const done: CheckInAnswer = {
      registration: view(r),
      checked_in_at: r.checked_in_at,
      replayed: false,
    };
    m.keys.set(key, done);
    return answer(201, done);
  }
  return notFound();
}
