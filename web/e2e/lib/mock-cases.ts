// The case-management part of the mocked API (people, consents, cases and their records, the
// caseload and the calendar), following the cases API spec: the error shape with named fields,
// another organization's records answering 404, a restricted case answering 403
// break_glass_required until the glass is broken. In-memory, for the UI-only suite.
// Records are kept, and answers built, in the web app's API types (src/api), so a change there
// that the mock does not follow fails the type check.
import type { Route } from 'playwright-core';
import type {
  Appointment,
  Assessment,
  BreakGlass,
  Case,
  CaseChange,
  CaseFile,
  Caseload,
  CasePerson,
  CaseSummary,
  ClosureReason,
  Consent,
  FileKind,
  Goal,
  Hearing,
  LegalMatter,
  NewAppointment,
  NewAssessment,
  NewCase,
  NewConsent,
  NewGoal,
  NewHearing,
  NewLegalMatter,
  NewPerson,
  NewService,
  Note,
  Notification,
  Page,
  Person,
  PersonSummary,
  Role,
  Service,
  TimelineEntry,
} from '../../src/api';

export interface CaseActor {
  id: string;
  org_id: string;
  roles: Role[];
  display_name: string;
}

type StoredPerson = Person & { org_id: string };
type StoredCase = Omit<Case, 'person' | 'access'> & { org_id: string };
// An appointment as kept: its case's number and person are added when it is read.
type StoredAppointment = Omit<Appointment, 'case_number' | 'person'> & { notes?: string | null };
type StoredFile = CaseFile & { case_id: string; bytes: number };
const fileView = ({ id, kind, name, size, created_at }: StoredFile): CaseFile => ({
  id,
  kind,
  name,
  size,
  created_at,
});

export interface CaseData {
  people: StoredPerson[];
  consents: Consent[];
  cases: StoredCase[];
  services: Service[];
  notes: Note[];
  appointments: StoredAppointment[];
  legal: LegalMatter[];
  assessments: Assessment[];
  goals: Goal[];
  files: StoredFile[];
  glass: string[]; // "user:case" pairs with an active break-glass
  notifications: (Notification & { org_id: string })[]; // for the organization's supervisors
  seq: number;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const seoulDay = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
const seoulAt = (day: string, hhmm: string) =>
  new Date(`${day}T${hhmm}:00+09:00`).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const SAFE_CONTACT = '평일 오후 2~5시에만 전화. 음성 메시지를 남기지 말 것.';

export function initialCaseData(): CaseData {
  const today = seoulDay(new Date());
  const person = (
    id: string,
    org_id: string,
    code: string,
    legal_name: string,
    alias: string,
    safe_contact: string | null,
  ): StoredPerson => ({
    id,
    org_id,
    code,
    legal_name,
    alias,
    safe_contact,
    birth_date: null,
    age_band: null,
    phone: null,
    nationality: 'KR',
    languages: ['ko'],
    categories: [],
    created_at: now(),
    updated_at: now(),
  });
  const kase = (
    id: string,
    org_id: string,
    number: string,
    person_id: string,
    risk_level: StoredCase['risk_level'],
    assigned: StoredCase['assigned'],
    restricted: boolean,
  ): StoredCase => ({
    id,
    org_id,
    number,
    person_id,
    status: 'open',
    intake_channel: 'hotline',
    situation: ['online'],
    risk_level,
    summary: '상담전화로 접수. 온라인 성착취 피해.',
    safety_plan: null,
    restricted,
    assigned,
    opened_at: '2026-01-10T01:00:00Z',
    closed_at: null,
    closure_reason: null,
    closure_note: null,
    last_contact_at: '2026-01-10T01:00:00Z',
    updated_at: now(),
  });
  const cw = { user_id: 'u-cw', display_name: '정상담' };
  return {
    people: [
      person('p-1', 'o-seoul', 'SEOU-2026-0001', '이수진', '수진', SAFE_CONTACT),
      person('p-2', 'o-seoul', 'SEOU-2026-0002', '박민지', '민지', '문자만. 전화하지 말 것.'),
      person('p-3', 'o-busan', 'BUSA-2026-0001', '최은영', '은영', null),
    ],
    consents: [],
    cases: [
      kase('c-1', 'o-seoul', 'SEOU-C-2026-0001', 'p-1', 'high', [cw], false),
      kase(
        'c-2',
        'o-seoul',
        'SEOU-C-2026-0002',
        'p-2',
        'critical',
        [{ user_id: 'u-other', display_name: '한담당' }],
        true,
      ),
      kase('c-3', 'o-busan', 'BUSA-C-2026-0001', 'p-3', 'low', [], false),
    ],
    services: [],
    notes: [],
    appointments: [
      {
        id: 'a-1',
        case_id: 'c-1',
        starts_at: seoulAt(today, '14:00'),
        ends_at: null,
        kind: 'counseling',
        with_whom: null,
        place: '상담실 2',
        status: 'scheduled',
        worker_id: 'u-cw',
        notes: null,
      },
    ],
    legal: [],
    assessments: [],
    goals: [],
    files: [],
    glass: [],
    notifications: [],
    seq: 10,
  };
}

const MESSAGES = {
  required: { ko: '필수 항목입니다.', en: 'Required.' },
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  break_glass_required: {
    ko: '열람 제한 사례입니다. 사유를 남겨야 열 수 있습니다.',
    en: 'This case is restricted; give a reason to open it.',
  },
  search_one_key: {
    ko: '이름, 전화번호, 코드 중 하나만으로 검색하세요.',
    en: 'Search by exactly one of name, phone or code.',
  },
  search_short: {
    ko: '이름이나 가명은 두 글자 이상, 전화번호는 앞 일곱 자리 이상 입력하세요.',
    en: 'Type at least two characters of a name or alias, or the first seven digits of a phone.',
  },
  positive: { ko: '1 이상의 정수여야 합니다.', en: 'Must be a whole number of at least 1.' },
} as const;
type Msg = keyof typeof MESSAGES;

export interface CaseRequest {
  route: Route;
  url: URL;
  method: string;
  lang: 'ko' | 'en';
  me: CaseActor;
}

// Answers the request when it is a case-management endpoint; false otherwise.
export async function handleCaseApi(r: CaseRequest, d: CaseData): Promise<boolean> {
  const { route, url, method, lang, me } = r;
  const path = url.pathname;
  const isCaseRole = me.roles.includes('case_worker') || me.roles.includes('supervisor');
  const json = async (status: number, body?: unknown) => {
    await route.fulfill({
      status,
      contentType: 'application/json',
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return true;
  };
  const fail = (status: number, code: string, msg: Msg, fields: Record<string, Msg> = {}) =>
    json(status, {
      error: {
        code,
        message: MESSAGES[msg][lang],
        fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, MESSAGES[v][lang]])),
      },
    });
  // The request body as the web app sends it (src/api's New… types); a handler checks the
  // fields it needs before it uses them.
  const body = <T extends object = Record<string, unknown>>(): Partial<T> => {
    const raw = route.request().postData();
    return raw ? (JSON.parse(raw) as Partial<T>) : {};
  };
  const missing = (b: object, names: string[]) =>
    Object.fromEntries(
      names
        .filter((n) => {
          const v = (b as Record<string, unknown>)[n];
          return v === undefined || v === '' || v === null;
        })
        .map((n) => [n, 'required' as Msg]),
    );
  const list = <T>(items: T[]) => json(200, { items, next_cursor: null } satisfies Page<T>);

  const known =
    /^\/api\/v1\/(people|consents|cases|caseload|appointments|legal-matters|goals|files|notifications)(\/|$)/.test(
      path,
    );
  if (!known) return false;
  if (!isCaseRole) return fail(404, 'not_found', 'not_found');

  const personOf = (pid: string) => d.people.find((p) => p.id === pid && p.org_id === me.org_id);
  const casePerson = (pid: string): CasePerson => {
    const p = d.people.find((x) => x.id === pid)!;
    return {
      id: p.id,
      code: p.code,
      legal_name: p.legal_name,
      alias: p.alias,
      safe_contact: p.safe_contact,
    };
  };
  const mayRead = (c: StoredCase) =>
    !c.restricted ||
    me.roles.includes('supervisor') ||
    c.assigned.some((a) => a.user_id === me.id) ||
    d.glass.includes(`${me.id}:${c.id}`);
  const caseView = (c: StoredCase): Case => {
    const { org_id: _org, ...rest } = c;
    const access: Case['access'] = c.assigned.some((a) => a.user_id === me.id)
      ? 'assigned'
      : me.roles.includes('supervisor')
        ? 'supervisor'
        : c.restricted
          ? 'break_glass'
          : 'organization';
    return { ...rest, person: casePerson(c.person_id), access };
  };
  const summaryView = (c: StoredCase): CaseSummary => ({
    id: c.id,
    number: c.number,
    person: mayRead(c) ? casePerson(c.person_id) : null,
    status: c.status,
    risk_level: c.risk_level,
    restricted: c.restricted,
    assigned: c.assigned,
    opened_at: c.opened_at,
    last_contact_at: c.last_contact_at,
  });
  const apptView = (a: StoredAppointment): Appointment => {
    const c = d.cases.find((x) => x.id === a.case_id)!;
    const p = casePerson(c.person_id);
    return {
      ...a,
      case_number: c.number,
      person: { id: p.id, code: p.code, alias: p.alias, safe_contact: p.safe_contact },
    };
  };
  // The case of a path, or the refusal already sent.
  const openCaseOf = async (cid: string): Promise<StoredCase | null> => {
    const c = d.cases.find((x) => x.id === cid && x.org_id === me.org_id);
    if (!c) {
      await fail(404, 'not_found', 'not_found');
      return null;
    }
    if (!mayRead(c)) {
      await fail(403, 'break_glass_required', 'break_glass_required');
      return null;
    }
    return c;
  };
  const contact = (c: StoredCase) => {
    c.last_contact_at = now();
  };

  if (path === '/api/v1/caseload' && method === 'GET') {
    const mine = d.cases.filter(
      (c) =>
        c.org_id === me.org_id &&
        c.status === 'open' &&
        c.assigned.some((a) => a.user_id === me.id),
    );
    const rank = ['critical', 'high', 'medium', 'low'];
    const today = seoulDay(new Date());
    const ids = new Set(mine.map((c) => c.id));
    const appts = d.appointments.filter(
      (a) => ids.has(a.case_id as string) && a.status === 'scheduled',
    );
    const old = Date.now() - 30 * 86400_000;
    return json(200, {
      open_cases: mine
        .sort((a, b) => rank.indexOf(a.risk_level as string) - rank.indexOf(b.risk_level as string))
        .map(summaryView),
      appointments_today: appts
        .filter((a) => seoulDay(new Date(a.starts_at as string)) === today)
        .map(apptView),
      appointments_week: appts
        .filter((a) => new Date(a.starts_at as string).getTime() < Date.now() + 7 * 86400_000)
        .map(apptView),
      no_contact_30_days: mine
        .filter((c) => !c.last_contact_at || new Date(c.last_contact_at as string).getTime() < old)
        .map(summaryView),
    } satisfies Caseload);
  }

  // People and consents.
  if (path === '/api/v1/people' && method === 'POST') {
    const b = body<NewPerson>();
    const fields = missing(b, ['legal_name']);
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const n = d.people.filter((p) => p.org_id === me.org_id).length + 1;
    const p: StoredPerson = {
      id: `p-${++d.seq}`,
      org_id: me.org_id,
      code: `SEOU-2026-${String(n).padStart(4, '0')}`,
      legal_name: b.legal_name!,
      alias: b.alias ?? null,
      birth_date: b.birth_date ?? null,
      age_band: b.birth_date ? '19_24' : null,
      phone: b.phone ?? null,
      safe_contact: b.safe_contact ?? null,
      nationality: b.nationality ?? null,
      languages: b.languages ?? [],
      categories: b.categories ?? [],
      created_at: now(),
      updated_at: now(),
    };
    d.people.push(p);
    const { org_id: _o, ...view } = p;
    return json(201, view satisfies Person);
  }
  if (path === '/api/v1/people' && method === 'GET') {
    const keys = ['name', 'phone', 'code'].filter((k) => url.searchParams.get(k));
    const q = url.searchParams.get('q');
    const mine = d.people.filter((p) => p.org_id === me.org_id);
    let found: StoredPerson[];
    if (q !== null && keys.length === 0) {
      // As the server: the beginning of a name or alias (2+), or of a phone (7+ digits).
      const digits = q.replace(/[\s()+-]/g, '');
      const phone = /^\d+$/.test(digits);
      if ((phone && digits.length < 7) || (!phone && q.replace(/\s/g, '').length < 2))
        return fail(400, 'invalid', 'invalid', { q: 'search_short' });
      found = mine.filter((p) =>
        phone
          ? (p.phone ?? '').replace(/\D/g, '').startsWith(digits)
          : p.legal_name.startsWith(q) || (p.alias ?? '').startsWith(q),
      );
    } else if (keys.length === 0) {
      found = [...mine].reverse(); // the list, newest first
    } else {
      if (keys.length !== 1)
        return fail(400, 'invalid', 'search_one_key', {
          name: 'search_one_key',
          phone: 'search_one_key',
          code: 'search_one_key',
        });
      const k = keys[0]!;
      const v = url.searchParams.get(k)!;
      found = mine.filter((p) =>
        k === 'name' ? p.legal_name === v : k === 'code' ? p.code === v : p.phone === v,
      );
    }
    return list(
      found.map((p): PersonSummary => ({
        id: p.id,
        code: p.code,
        legal_name: p.legal_name,
        alias: p.alias,
        safe_contact: p.safe_contact,
        categories: p.categories,
      })),
    );
  }
  let m = path.match(/^\/api\/v1\/people\/([^/]+)(\/consents)?$/);
  if (m) {
    const p = personOf(m[1]!);
    if (!p) return fail(404, 'not_found', 'not_found');
    if (!m[2] && method === 'GET') {
      const { org_id: _o, ...view } = p;
      return json(200, view satisfies Person);
    }
    if (m[2] && method === 'GET') return list(d.consents.filter((c) => c.person_id === p.id));
    if (m[2] && method === 'POST') {
      const b = body<NewConsent>();
      const fields = missing(b, ['kind', 'method']);
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const c: Consent = {
        id: `k-${++d.seq}`,
        person_id: p.id,
        kind: b.kind!,
        scope: b.scope ?? {},
        method: b.method!,
        given_at: now(),
        expires_at: b.expires_at ?? null,
        revoked_at: null,
        recorded_by: me.id,
        state: 'active',
      };
      d.consents.push(c);
      return json(201, c);
    }
  }
  m = path.match(/^\/api\/v1\/consents\/([^/]+)\/revoke$/);
  if (m && method === 'POST') {
    const c = d.consents.find((x) => x.id === m![1] && personOf(x.person_id));
    if (!c) return fail(404, 'not_found', 'not_found');
    Object.assign(c, { revoked_at: now(), state: 'revoked' } satisfies Partial<Consent>);
    return json(200, c);
  }

  // Cases.
  if (path === '/api/v1/cases' && method === 'POST') {
    const b = body<NewCase>();
    const fields = missing(b, ['intake_channel', 'risk_level', 'summary']);
    if (!personOf(String(b.person_id ?? ''))) fields.person_id = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const n = d.cases.filter((c) => c.org_id === me.org_id).length + 1;
    const c: StoredCase = {
      id: `c-${++d.seq}`,
      org_id: me.org_id,
      number: `SEOU-C-2026-${String(n).padStart(4, '0')}`,
      person_id: String(b.person_id),
      status: 'open',
      intake_channel: b.intake_channel!,
      situation: b.situation ?? [],
      risk_level: b.risk_level!,
      summary: b.summary!,
      safety_plan: b.safety_plan ?? null,
      restricted: Boolean(b.restricted),
      assigned: [{ user_id: me.id, display_name: me.display_name }],
      opened_at: now(),
      closed_at: null,
      closure_reason: null,
      closure_note: null,
      last_contact_at: null,
      updated_at: now(),
    };
    d.cases.push(c);
    return json(201, caseView(c));
  }
  if (path === '/api/v1/cases' && method === 'GET') {
    const status = url.searchParams.get('status');
    const personId = url.searchParams.get('person_id');
    const mine = url.searchParams.get('assigned') === 'me';
    return list(
      d.cases
        .filter(
          (c) =>
            c.org_id === me.org_id &&
            (!status || c.status === status) &&
            (!personId || c.person_id === personId) &&
            (!mine || c.assigned.some((a) => a.user_id === me.id)),
        )
        .map(summaryView),
    );
  }
  m = path.match(/^\/api\/v1\/cases\/([^/]+)(?:\/([a-z-]+))?$/);
  if (m) {
    const [, cid, sub] = m;
    if (sub === 'break-glass' && method === 'POST') {
      const c = d.cases.find((x) => x.id === cid && x.org_id === me.org_id);
      if (!c) return fail(404, 'not_found', 'not_found');
      const b = body();
      if (!String(b.reason ?? '').trim())
        return fail(400, 'invalid', 'invalid', { reason: 'required' });
      d.glass.push(`${me.id}:${c.id}`);
      d.notifications.push({
        id: `nt-${++d.seq}`,
        org_id: me.org_id,
        kind: 'case.break_glass',
        case_id: c.id,
        at: now(),
        read_at: null,
        actor: me.display_name,
      });
      return json(200, {
        case_id: c.id,
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
      } satisfies BreakGlass);
    }
    const c = await openCaseOf(cid!);
    if (!c) return true;
    if (!sub && method === 'GET') return json(200, caseView(c));
    if (sub === 'restrict' && method === 'POST') {
      if (!me.roles.includes('supervisor')) return fail(404, 'not_found', 'not_found');
      c.restricted = Boolean(body().restricted);
      return json(200, caseView(c));
    }
    if (!sub && method === 'PATCH') {
      Object.assign(c, body<CaseChange>(), { updated_at: now() });
      return json(200, caseView(c));
    }
    if (sub === 'close' && method === 'POST') {
      const b = body<{ reason: ClosureReason; note?: string }>();
      if (!b.reason) return fail(400, 'invalid', 'invalid', { reason: 'required' });
      Object.assign(c, {
        status: 'closed',
        closed_at: now(),
        closure_reason: b.reason,
        closure_note: b.note ?? null,
      } satisfies Partial<StoredCase>);
      return json(200, caseView(c));
    }
    if (sub === 'reopen' && method === 'POST') {
      if (!body().reason) return fail(400, 'invalid', 'invalid', { reason: 'required' });
      Object.assign(c, {
        status: 'open',
        closed_at: null,
        closure_reason: null,
        closure_note: null,
      } satisfies Partial<StoredCase>);
      return json(200, caseView(c));
    }
    if (sub === 'timeline' && method === 'GET') {
      const items: TimelineEntry[] = [
        { at: c.opened_at, kind: 'case_opened', id: c.id, summary: '' },
        ...d.services
          .filter((s) => s.case_id === c.id)
          .map((s): TimelineEntry => ({
            at: s.created_at,
            kind: 'service',
            id: s.id,
            summary: String(s.type),
          })),
        ...d.notes
          .filter((n) => n.case_id === c.id)
          .map((n): TimelineEntry => ({ at: n.created_at, kind: 'note', id: n.id, summary: '' })),
        ...(c.closed_at
          ? [
              {
                at: c.closed_at,
                kind: 'case_closed',
                id: c.id,
                summary: String(c.closure_reason),
              } satisfies TimelineEntry,
            ]
          : []),
      ];
      items.sort((a, b) => String(b.at).localeCompare(String(a.at)));
      return json(200, { items });
    }
    if (sub === 'appointments' && method === 'GET') {
      return list(
        d.appointments
          .filter((a) => a.case_id === c.id)
          .sort((a, b) => String(a.starts_at).localeCompare(String(b.starts_at)))
          .map(apptView),
      );
    }
    if (sub === 'files' && method === 'GET')
      return list(d.files.filter((f) => f.case_id === c.id).map(fileView));
    const records: Record<string, { case_id: string }[]> = {
      services: d.services,
      notes: d.notes,
      'legal-matters': d.legal,
      assessments: d.assessments,
      goals: d.goals,
    };
    if (sub && records[sub] && method === 'GET')
      return list(records[sub].filter((x) => x.case_id === c.id));
    if (sub === 'services' && method === 'POST') {
      const b = body<NewService>();
      const fields = missing(b, ['type', 'date', 'minutes']);
      if (b.minutes !== undefined && !(Number.isInteger(b.minutes) && Number(b.minutes) > 0))
        fields.minutes = 'positive';
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const s: Service = {
        id: `s-${++d.seq}`,
        case_id: c.id,
        provider: null,
        outcome: null,
        notes: null,
        amount: null,
        ...(b as NewService),
        recorded_by: me.id,
        created_at: now(),
      };
      d.services.push(s);
      contact(c);
      return json(201, s);
    }
    if (sub === 'notes' && method === 'POST') {
      const b = body<{ text: string; amends?: string }>();
      if (!String(b.text ?? '').trim())
        return fail(400, 'invalid', 'invalid', { text: 'required' });
      const n: Note = {
        id: `n-${++d.seq}`,
        case_id: c.id,
        text: b.text!,
        amends: b.amends ?? null,
        author: { user_id: me.id, display_name: me.display_name },
        created_at: now(),
      };
      d.notes.push(n);
      contact(c);
      return json(201, n);
    }
    if (sub === 'appointments' && method === 'POST') {
      const b = body<NewAppointment>();
      const fields = missing(b, ['starts_at', 'kind']);
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const a: StoredAppointment = {
        id: `a-${++d.seq}`,
        case_id: c.id,
        ends_at: null,
        with_whom: null,
        place: null,
        notes: null,
        ...(b as NewAppointment),
        status: 'scheduled',
        worker_id: me.id,
      };
      d.appointments.push(a);
      return json(201, apptView(a));
    }
    if (sub === 'legal-matters' && method === 'POST') {
      const b = body<NewLegalMatter>();
      const fields = missing(b, ['kind', 'status']);
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const l: LegalMatter = {
        id: `l-${++d.seq}`,
        case_id: c.id,
        authority: null,
        case_number: null,
        outcome: null,
        ...(b as NewLegalMatter),
        hearings: [],
        created_at: now(),
        updated_at: now(),
      };
      d.legal.push(l);
      return json(201, l);
    }
    if (sub === 'assessments' && method === 'POST') {
      const b = body<NewAssessment>();
      if (!b.ratings || !Object.keys(b.ratings).length)
        return fail(400, 'invalid', 'invalid', { ratings: 'required' });
      const a: Assessment = {
        id: `s-${++d.seq}`,
        case_id: c.id,
        notes: null,
        ...(b as NewAssessment),
        created_at: now(),
        recorded_by: me.id,
      };
      d.assessments.push(a);
      return json(201, a);
    }
    if (sub === 'goals' && method === 'POST') {
      const b = body<NewGoal>();
      if (!String(b.title ?? '').trim())
        return fail(400, 'invalid', 'invalid', { title: 'required' });
      const g: Goal = {
        id: `g-${++d.seq}`,
        case_id: c.id,
        target_date: null,
        status: 'planned',
        ...(b as NewGoal),
        created_at: now(),
      };
      d.goals.push(g);
      return json(201, g);
    }
    if (sub === 'files' && method === 'POST') {
      const bytes = route.request().postDataBuffer()?.length ?? 0;
      const kind = url.searchParams.get('kind');
      const name = url.searchParams.get('name');
      if (!kind || !name)
        return fail(400, 'invalid', 'invalid', {
          ...(kind ? {} : { kind: 'required' as Msg }),
          ...(name ? {} : { name: 'required' as Msg }),
        });
      const f: StoredFile = {
        id: `f-${++d.seq}`,
        case_id: c.id,
        kind: kind as FileKind,
        name,
        size: bytes,
        bytes,
        created_at: now(),
      };
      d.files.push(f);
      return json(201, fileView(f));
    }
  }

  // Records addressed by their own id.
  if (path === '/api/v1/appointments' && method === 'GET') {
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '';
    const scope = url.searchParams.get('scope');
    return list(
      d.appointments
        .filter((a) => {
          const c = d.cases.find((x) => x.id === a.case_id)!;
          return (
            c.org_id === me.org_id &&
            mayRead(c) &&
            (scope !== 'me' || a.worker_id === me.id) &&
            String(a.starts_at) >= from &&
            String(a.starts_at) < to
          );
        })
        .map(apptView),
    );
  }
  m = path.match(/^\/api\/v1\/(appointments|legal-matters|goals|files)\/([^/]+)(?:\/([a-z]+))?$/);
  if (m) {
    const [, kind, rid, action] = m;
    const tables: Record<string, { id: string; case_id: string }[]> = {
      appointments: d.appointments,
      'legal-matters': d.legal,
      goals: d.goals,
      files: d.files,
    };
    const rec = tables[kind!]!.find((x) => x.id === rid);
    const c = rec && d.cases.find((x) => x.id === rec.case_id && x.org_id === me.org_id);
    if (!rec || !c) return fail(404, 'not_found', 'not_found');
    if (!mayRead(c)) return fail(403, 'break_glass_required', 'break_glass_required');
    if (
      kind === 'appointments' &&
      method === 'POST' &&
      (action === 'cancel' || action === 'done')
    ) {
      const a = rec as StoredAppointment;
      a.status = action === 'cancel' ? 'cancelled' : 'done';
      return json(200, apptView(a));
    }
    if (kind === 'legal-matters' && action === 'hearings' && method === 'POST') {
      const b = body<NewHearing>();
      if (!b.at) return fail(400, 'invalid', 'invalid', { at: 'required' });
      const h: Hearing = {
        id: `h-${++d.seq}`,
        court: null,
        kind: null,
        notes: null,
        ...(b as NewHearing),
      };
      (rec as LegalMatter).hearings.push(h);
      return json(201, h);
    }
    if (!action && method === 'PATCH') {
      Object.assign(rec, body());
      return json(200, rec);
    }
    if (kind === 'files' && !action && method === 'GET') {
      const f = rec as StoredFile;
      await route.fulfill({
        status: 200,
        contentType: 'application/octet-stream',
        headers: { 'Content-Disposition': `attachment; filename="${f.name}"` },
        body: 'x'.repeat(f.bytes),
      });
      return true;
    }
  }
  const mineToRead = (n: CaseData['notifications'][number]) =>
    n.org_id === me.org_id && me.roles.includes('supervisor');
  if (path === '/api/v1/notifications' && method === 'GET') {
    return json(200, {
      items: d.notifications.filter(mineToRead).map(({ org_id: _o, ...n }) => n),
    } satisfies { items: Notification[] });
  }
  m = path.match(/^\/api\/v1\/notifications\/([^/]+)\/read$/);
  if (m && method === 'POST') {
    const n = d.notifications.find((x) => x.id === m![1] && mineToRead(x));
    if (!n) return fail(404, 'not_found', 'not_found');
    n.read_at = now();
    await route.fulfill({ status: 204 });
    return true;
  }
  return fail(404, 'not_found', 'not_found');
}
