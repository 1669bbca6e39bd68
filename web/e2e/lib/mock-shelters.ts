// A stand-in for the shelter endpoints (docs/api-shelters.md) for the UI-only suite, installed
// after lib/mock-api.ts (Playwright tries the latest route first) and sharing its session. Like
// the server: only shelter staff reach it, for their own organization; a woman is admitted by
// her code to a free bed; an outing is overdue once its planned return is more than the grace
// time ago; an exit frees the bed and schedules follow-ups at 1, 3 and 6 months. `offsetMs`
// moves the mock's clock, as a black-box test moves the server's.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  Board,
  BoardBed,
  ExitDestination,
  ExitReason,
  Extension,
  FollowUp,
  FollowUpOutcome,
  Outing,
  OutingKind,
  ShelterHome,
  Stay,
  StaySource,
  WaitlistEntry,
} from '../../src/api';
import type { MockState } from './mock-api';

export interface ShelterMock {
  org_id: string;
  beds: BoardBed[];
  people: { id: string; code: string; alias: string }[];
  stays: Stay[];
  outings: Outing[];
  followUps: FollowUp[];
  waitlist: WaitlistEntry[];
  graceMinutes: number;
  offsetMs: number;
  posts: { path: string; body: Record<string, unknown> }[];
}

const DAY = 86_400_000;

export function initialShelter(org_id: string): ShelterMock {
  const bed = (id: string, room: string, label: string): BoardBed => ({
    id,
    room_id: `r-${room}`,
    room,
    label,
    kind: 'standard',
    status: 'in_service',
    state: 'free',
    held_until: null,
  });
  return {
    org_id,
    beds: [bed('b-1', '201호', '1'), bed('b-2', '201호', '2'), bed('b-3', '202호', '1')],
    people: [
      { id: 'p-1', code: 'SH-2026-0007', alias: '들꽃' },
      { id: 'p-2', code: 'SH-2026-0008', alias: '새벽별' },
    ],
    stays: [],
    outings: [],
    followUps: [],
    waitlist: [
      {
        id: 'w-1',
        person: { id: 'p-2', code: 'SH-2026-0008', alias: '새벽별' },
        urgency: 'high',
        source: 'rescue',
        note: null,
        added_at: '2026-03-01T09:30:00Z',
      },
    ],
    graceMinutes: 60,
    offsetMs: 0,
    posts: [],
  };
}

const MESSAGES = {
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  unknown_person: {
    ko: '이 시설에 등록된 분을 찾을 수 없습니다.',
    en: 'There is no such person registered at this facility.',
  },
  bed_taken: {
    ko: '이미 다른 입소자가 쓰고 있는 침대입니다.',
    en: 'Someone else already has this bed.',
  },
  return_before: {
    ko: '돌아오는 시간은 나간 시간보다 뒤여야 합니다.',
    en: 'The return must be after she left.',
  },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  past_legal_max: {
    ko: '법이 허용하는 최대 입소 기간을 넘습니다. 입소 기록의 최대 종료일(max_end_on)까지만 연장할 수 있습니다.',
    en: 'This is past the longest stay the law allows: a stay can be extended only up to its latest end (max_end_on).',
  },
};

const day = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const addMonths = (d: string, months: number) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, dd));
  return t.toISOString().slice(0, 10);
};

export async function installShelterMock(
  context: BrowserContext,
  state: MockState,
  s: ShelterMock,
): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/shelter/'),
    (route) => shelterRoute(route, state, s),
  );
}

async function shelterRoute(route: Route, state: MockState, s: ShelterMock): Promise<void> {
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
  const me = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!me) return fail(401, 'unauthenticated', 'not_found');
  if (!me.roles.includes('shelter_staff') || me.org_id !== s.org_id)
    return fail(403, 'forbidden', 'not_found');
  const method = req.method();
  if (method !== 'GET' && req.headers()['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', 'not_found');
  const path = new URL(req.url()).pathname;
  const body = () =>
    req.postData() ? (JSON.parse(req.postData()!) as Record<string, unknown>) : {};
  const now = Date.now() + s.offsetMs;
  const today = day(now);
  const view = (stay: Stay): Stay => {
    const toLimit = Math.round((Date.parse(stay.planned_end_on) - Date.parse(today)) / DAY);
    const out = s.outings.find((o) => o.stay_id === stay.id && !o.returned_at) ?? null;
    return {
      ...stay,
      days_in_stay: Math.round((Date.parse(today) - Date.parse(stay.admitted_on)) / DAY),
      days_to_limit: toLimit,
      countdown: toLimit <= 7 ? 7 : toLimit <= 30 ? 30 : toLimit <= 90 ? 90 : 0,
      readiness_due: toLimit <= 90,
      out: out && withOverdue(out),
    };
  };
  const withOverdue = (o: Outing): Outing => {
    const overdue = Date.parse(o.planned_return_at) + s.graceMinutes * 60_000 < now;
    if (overdue && !o.alerted_at) o.alerted_at = new Date(now).toISOString();
    return { ...o, overdue };
  };
  const open = () => s.stays.filter((x) => !x.exited_on);

  if (method === 'GET' && path === '/api/v1/shelter/board') {
    const beds = s.beds.map((b) => {
      const stay = open().find((x) => x.bed_id === b.id);
      return stay ? { ...b, state: 'occupied' as const, stay: view(stay) } : b;
    });
    return json(200, { today, beds } satisfies Board);
  }
  if (method === 'GET' && path === '/api/v1/shelter/waitlist') {
    // Admission takes her off the list, as on the server.
    const staying = new Set(open().map((x) => x.person.id));
    return json(200, { items: s.waitlist.filter((w) => !staying.has(w.person.id)) });
  }
  if (method === 'GET' && path === '/api/v1/shelter/occupancy') {
    // Nights of open and ended stays this month before today (no overnight leave in the mock).
    const month = new URL(req.url()).searchParams.get('month') ?? '';
    const first = Date.parse(`${month}-01`);
    const nights = s.stays.reduce((sum, x) => {
      const from = Math.max(Date.parse(x.admitted_on), first);
      const end = x.exited_on
        ? Math.max(Date.parse(x.exited_on), Date.parse(x.admitted_on) + DAY)
        : Date.parse(today);
      return sum + Math.max(0, Math.round((Math.min(end, Date.parse(today)) - from) / DAY));
    }, 0);
    return json(200, { month, nights });
  }
  if (method === 'GET' && path === '/api/v1/shelter/home') {
    return json(200, {
      today,
      grace_minutes: s.graceMinutes,
      residents: open().map(view),
      out: s.outings.filter((o) => !o.returned_at).map(withOverdue),
      follow_ups_due: s.followUps.filter((f) => !f.done_on && f.due_on <= today),
    } satisfies ShelterHome);
  }
  if (method !== 'POST') return fail(404, 'not_found', 'not_found');
  const b = body();
  s.posts.push({ path, body: b });
  if (path === '/api/v1/shelter/stays') {
    const person = s.people.find((p) => p.code === b.person_code);
    if (!person) return fail(400, 'invalid', 'invalid', { person_code: 'unknown_person' });
    const bed = s.beds.find((x) => x.id === b.bed_id);
    if (!bed) return fail(400, 'invalid', 'invalid', { bed_id: 'not_found' });
    if (open().some((x) => x.bed_id === bed.id)) return fail(409, 'conflict', 'bed_taken');
    const admitted = String(b.admitted_on);
    const stay: Stay = {
      id: `s-${s.stays.length + 1}`,
      person: { id: person.id, code: person.code, alias: person.alias },
      bed_id: bed.id,
      bed: bed.label,
      room: bed.room,
      source: b.source as StaySource,
      admitted_on: admitted,
      house_rules_agreed_on: String(b.house_rules_agreed_on),
      planned_end_on: addMonths(admitted, 12),
      max_end_on: addMonths(admitted, 30),
      days_in_stay: 0,
      days_to_limit: 0,
      countdown: 0,
      readiness_due: false,
      exited_on: null,
      exit_reason: null,
      exit_destination: null,
      destination_safe: null,
      exit_note: null,
      out: null,
      follow_ups: [],
    };
    s.stays.push(stay);
    return json(201, view(stay));
  }
  if (path === '/api/v1/shelter/rooms') {
    const name = String(b.name ?? '').trim();
    if (!name) return fail(400, 'invalid', 'invalid', { name: 'invalid' });
    const kind = (b.kind as BoardBed['kind']) ?? 'standard';
    const beds = Array.from({ length: Number(b.beds) }, (_, i) => ({
      id: `b-${name}-${i + 1}`,
      room_id: `r-${name}`,
      room: name,
      label: String(i + 1),
      kind,
      status: 'in_service' as const,
      state: 'free' as const,
      held_until: null,
    }));
    s.beds.push(...beds);
    return json(201, { id: `r-${name}`, name, beds });
  }
  const status = path.match(/^\/api\/v1\/shelter\/beds\/([^/]+)\/status$/);
  if (status) {
    const bed = s.beds.find((x) => x.id === decodeURIComponent(status[1]!));
    if (!bed) return fail(404, 'not_found', 'not_found');
    if (open().some((x) => x.bed_id === bed.id)) return fail(409, 'conflict', 'bed_taken');
    bed.status = b.status as BoardBed['status'];
    bed.state = bed.status === 'in_service' ? 'free' : 'out_of_service';
    return json(200, bed);
  }
  const m = path.match(/^\/api\/v1\/shelter\/(stays|outings|follow-ups)\/([^/]+)(?:\/(\w+))?$/);
  if (!m) return fail(404, 'not_found', 'not_found');
  const [, kind, id, action] = m;
  if (kind === 'stays' && action === 'outings') {
    const stay = open().find((x) => x.id === id);
    if (!stay) return fail(404, 'not_found', 'not_found');
    if (Date.parse(String(b.planned_return_at)) <= Date.parse(String(b.left_at)))
      return fail(400, 'invalid', 'invalid', { planned_return_at: 'return_before' });
    const outing: Outing = {
      id: `o-${s.outings.length + 1}`,
      stay_id: stay.id,
      kind: b.kind as OutingKind,
      left_at: String(b.left_at),
      planned_return_at: String(b.planned_return_at),
      returned_at: null,
      destination: (b.destination as string | undefined) ?? null,
      overdue: false,
      alerted_at: null,
    };
    s.outings.push(outing);
    return json(201, outing);
  }
  if (kind === 'stays' && action === 'extensions') {
    const stay = open().find((x) => x.id === id);
    if (!stay) return fail(404, 'not_found', 'not_found');
    if (String(b.until_on) > stay.max_end_on)
      return fail(400, 'invalid', 'invalid', { until_on: 'past_legal_max' });
    return json(201, {
      id: `x-${s.posts.length}`,
      stay_id: stay.id,
      person_code: stay.person.code,
      until_on: String(b.until_on),
      reason: String(b.reason),
      status: 'pending',
      requested_at: new Date(now).toISOString(),
      max_end_on: stay.max_end_on,
    } satisfies Extension);
  }
  if (kind === 'outings' && action === 'return') {
    const o = s.outings.find((x) => x.id === id && !x.returned_at);
    if (!o) return fail(404, 'not_found', 'not_found');
    o.returned_at = new Date(now).toISOString();
    return json(200, o);
  }
  if (kind === 'stays' && action === 'exit') {
    const stay = open().find((x) => x.id === id);
    if (!stay) return fail(404, 'not_found', 'not_found');
    stay.exited_on = String(b.exited_on);
    stay.exit_reason = b.reason as ExitReason;
    stay.exit_destination = b.destination as ExitDestination;
    stay.destination_safe = (b.destination_safe as boolean | undefined) ?? null;
    stay.follow_ups = ([1, 3, 6] as const).map((months) => ({
      id: `f-${stay.id}-${months}`,
      stay_id: stay.id,
      person_code: stay.person.code,
      months,
      due_on: addMonths(stay.exited_on!, months),
      done_on: null,
      outcome: null,
    }));
    s.followUps.push(...stay.follow_ups);
    return json(200, stay);
  }
  if (kind === 'follow-ups' && !action) {
    const f = s.followUps.find((x) => x.id === id);
    if (!f) return fail(404, 'not_found', 'not_found');
    f.done_on = String(b.done_on);
    f.outcome = b.outcome as FollowUpOutcome;
    return json(200, f);
  }
  return fail(404, 'not_found', 'not_found');
}
