// A stand-in for the self-reliance program endpoints (the agreed API, docs/api-programs.md) for
// the UI-only suite, installed after lib/mock-api.ts (Playwright tries the latest route first)
// and sharing its session and people. Like the server: staff (case workers, supervisors) reach
// everything of their own organization; org admins list, create and edit programs only;
// another organization's record answers 404. A woman is named by alias or code, never her
// legal name. Enrolling past capacity answers 409 programs.full; attendance is saved for the
// whole class in one request, all or nothing, and a session more than a day ahead answers 409
// programs.session_not_started. Employment gets follow-ups at 3, 6 and 12 months.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  AttendanceMark,
  DueFollowUp,
  Enrollment,
  MoneyLine,
  Program,
  ProgramDetail,
  ProgramOutcome,
  ProgramSession,
  Certificate,
  Role,
  SelfReliance,
} from '../../src/api';
import { ATTENDANCE_MARKS, PROGRAM_KINDS } from '../../src/api';
import type { MockState } from './mock-api';

type StoredProgram = Omit<Program, 'enrolled' | 'completed' | 'sessions' | 'status'> & {
  org_id: string;
};
type StoredEnrollment = Omit<
  Enrollment,
  'attendance' | 'passed' | 'program_name' | 'person_label'
> & {
  reason: string | null;
};
type StoredOutcome = ProgramOutcome & { employer: string | null; org_id: string };
// Lists and her page never carry the employer.

export interface ProgramsMock {
  org_id: string;
  programs: StoredProgram[];
  sessions: ProgramSession[];
  enrollments: StoredEnrollment[];
  marks: { session_id: string; enrollment_id: string; status: AttendanceMark }[];
  certificates: Certificate[];
  outcomes: StoredOutcome[];
  money: Record<string, MoneyLine[]>;
  // Every PUT of an attendance sheet, as sent.
  attendancePuts: { session_id: string; marks: unknown }[];
  seq: number;
}

const DAY = 86_400_000;
const seoulDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const seoulAt = (day: string, hhmm: string) =>
  new Date(`${day}T${hhmm}:00+09:00`).toISOString().replace(/\.\d{3}Z$/, 'Z');
const addMonths = (d: string, months: number) => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, dd)).toISOString().slice(0, 10);
};

export function initialPrograms(org_id: string): ProgramsMock {
  const today = seoulDay(Date.now());
  const ago = (days: number) => seoulDay(Date.now() - days * DAY);
  const program = (
    id: string,
    name: string,
    kind: Program['kind'],
    starts_on: string,
    ends_on: string | null,
    capacity: number,
    extra: Partial<StoredProgram> = {},
  ): StoredProgram => ({
    id,
    org_id,
    name,
    kind,
    provider: 'own',
    provider_name: null,
    starts_on,
    ends_on,
    capacity,
    description: null,
    pass_rate: 80,
    created_at: '2026-01-05T01:00:00Z',
    ...extra,
  });
  return {
    org_id,
    programs: [
      program('pg-barista', '바리스타 자격증 과정', 'certificate_course', ago(14), ago(-60), 4, {
        provider: 'partner',
        provider_name: '한빛직업전문학교',
        description: '주 2회 실습. 바리스타 2급 시험 대비.',
      }),
      program('pg-office', '사무보조 일자리 연계', 'workplace_placement', ago(-10), null, 6, {
        pass_rate: null,
      }),
      program('pg-sewing', '봉제 기초반', 'vocational_course', ago(200), ago(100), 8),
    ],
    sessions: [
      {
        id: 'ps-1',
        program_id: 'pg-barista',
        starts_at: seoulAt(ago(7), '10:00'),
        minutes: 120,
        topic: '에스프레소 추출 (1)',
        taken: true,
        present: 2,
        absent: 1,
      },
      {
        id: 'ps-2',
        program_id: 'pg-barista',
        starts_at: seoulAt(today, '10:00'),
        minutes: 120,
        topic: '에스프레소 추출 (2)',
        taken: false,
        present: 0,
        absent: 0,
      },
    ],
    enrollments: [
      ['en-1', 'p-1'],
      ['en-2', 'p-2'],
      ['en-3', 'p-4'],
    ].map(([id, person_id]) => ({
      id: id!,
      program_id: 'pg-barista',
      person_id: person_id!,
      enrolled_on: ago(14),
      status: 'active' as const,
      ended_on: null,
      reason: null,
    })),
    marks: [
      { session_id: 'ps-1', enrollment_id: 'en-1', status: 'present' },
      { session_id: 'ps-1', enrollment_id: 'en-2', status: 'late' },
      { session_id: 'ps-1', enrollment_id: 'en-3', status: 'absent' },
    ],
    certificates: [],
    outcomes: [],
    money: {},
    attendancePuts: [],
    seq: 0,
  };
}

export async function installProgramsMock(
  context: BrowserContext,
  state: MockState,
  m: ProgramsMock,
): Promise<void> {
  await context.route(
    (url) =>
      /^\/api\/v1\/(programs|enrollments|program-sessions|outcome-follow-ups|follow-ups)(\/|$)/.test(
        url.pathname,
      ) || /^\/api\/v1\/people\/[^/]+\/(certificates|outcomes|self-reliance)$/.test(url.pathname),
    (route) => programsRoute(route, state, m),
  );
}

const WORDS = {
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  required: { ko: '필수 항목입니다.', en: 'Required.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  forbidden: { ko: '권한이 없습니다.', en: 'Not allowed.' },
  full: {
    ko: '정원이 찼습니다. 정원을 늘리거나 다른 분의 수강을 종료한 뒤 등록하세요.',
    en: 'The program is full. Raise the capacity or end another enrollment first.',
  },
  already: { ko: '이미 수강 중인 분입니다.', en: 'She is already enrolled.' },
  unknown_person: {
    ko: '이 기관에 등록된 분이 아닙니다.',
    en: 'She is not registered with this organization.',
  },
  not_started: {
    ko: '아직 시작하지 않은 회차입니다. 회차 당일부터 출석을 기록할 수 있습니다. 아무것도 저장하지 않았습니다.',
    en: 'This session has not started yet; attendance can be taken from its day. Nothing was saved.',
  },
  not_in_class: {
    ko: '이 프로그램의 수강생이 아닙니다.',
    en: 'Not in this program’s class.',
  },
  bad_mark: {
    ko: '출석, 지각, 결석, 사유 결석 중 하나여야 합니다.',
    en: 'Use present, late, absent or excused.',
  },
  partner: { ko: '협력 기관 이름을 입력하세요.', en: 'Enter the partner’s name.' },
  capacity: { ko: '1명 이상의 정수로 입력하세요.', en: 'Enter a whole number of 1 or more.' },
  pass_rate: { ko: '0~100 사이의 정수로 입력하세요.', en: 'Enter a whole number from 0 to 100.' },
  sessions: { ko: '회차는 한 번에 1~200개까지입니다.', en: 'Send 1 to 200 sessions at once.' },
} as const;
type Word = keyof typeof WORDS;

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

async function programsRoute(route: Route, state: MockState, m: ProgramsMock): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname;
  const method = req.method();
  const lang: 'ko' | 'en' = (req.headers()['accept-language'] ?? 'ko').startsWith('en')
    ? 'en'
    : 'ko';
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const fail = (status: number, code: string, word: Word, fields: Record<string, Word> = {}) =>
    json(status, {
      error: {
        code,
        message: WORDS[word][lang],
        fields: Object.fromEntries(Object.entries(fields).map(([k, w]) => [k, WORDS[w][lang]])),
      },
    });
  const me = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!me) return json(401, { error: { code: 'unauthenticated', message: '', fields: {} } });
  if (method !== 'GET' && req.headers()['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', 'forbidden');
  const may = (...roles: Role[]) => roles.some((r) => me.roles.includes(r));
  const staff = may('case_worker', 'supervisor');
  const notFound = () => fail(404, 'not_found', 'not_found');
  const forbidden = () => fail(403, 'forbidden', 'forbidden');
  const mine = me.org_id === m.org_id;
  const body = () =>
    req.postData() ? (JSON.parse(req.postData()!) as Record<string, unknown>) : {};
  const id = (prefix: string) => `${prefix}-${++m.seq}`;
  const person = (pid: string) =>
    state.caseData.people.find((p) => p.id === pid && p.org_id === me.org_id);
  const label = (pid: string) => {
    const p = state.caseData.people.find((x) => x.id === pid);
    return p ? (p.alias ?? p.code) : '';
  };

  const programView = (p: StoredProgram): Program => {
    const today = seoulDay(Date.now());
    const es = m.enrollments.filter((e) => e.program_id === p.id);
    const { org_id: _o, ...rest } = p;
    void _o;
    return {
      ...rest,
      status:
        p.starts_on > today ? 'planned' : p.ends_on && p.ends_on < today ? 'ended' : 'running',
      enrolled: es.filter((e) => e.status === 'active').length,
      completed: es.filter((e) => e.status === 'completed').length,
      sessions: m.sessions.filter((s) => s.program_id === p.id).length,
    };
  };
  const sessionView = (s: ProgramSession): ProgramSession => {
    const ms = m.marks.filter((x) => x.session_id === s.id);
    return {
      ...s,
      taken: ms.length > 0,
      present: ms.filter((x) => x.status === 'present' || x.status === 'late').length,
      absent: ms.filter((x) => x.status === 'absent').length,
    };
  };
  const enrollmentView = (e: StoredEnrollment): Enrollment => {
    const p = m.programs.find((x) => x.id === e.program_id)!;
    const ms = m.marks.filter((x) => x.enrollment_id === e.id && x.status !== 'excused');
    const present = ms.filter((x) => x.status === 'present' || x.status === 'late').length;
    const rate = ms.length ? Math.floor((present * 100) / ms.length) : null;
    const { reason: _r, ...rest } = e;
    void _r;
    return {
      ...rest,
      program_name: p.name,
      person_label: label(e.person_id),
      attendance: { sessions: ms.length, present, rate },
      // Decided when she finishes: null while active, a drop did not pass.
      passed:
        e.status === 'active'
          ? null
          : e.status === 'dropped'
            ? false
            : rate !== null && rate >= (p.pass_rate ?? 80),
    };
  };
  const outcomeView = (o: StoredOutcome): ProgramOutcome => {
    const { employer: _e, org_id: _o, ...rest } = o;
    void _e;
    void _o;
    return rest;
  };
  const programOf = (pid: string) => m.programs.find((p) => p.id === pid && mine);

  // Programs: org admins keep them, staff use them.
  if (path === '/api/v1/programs') {
    if (!staff && !may('org_admin')) return forbidden();
    if (method === 'GET') {
      const status = url.searchParams.get('status');
      const items = (mine ? m.programs : [])
        .map(programView)
        .filter((p) => !status || p.status === status);
      return json(200, { items });
    }
    return saveProgram(null);
  }
  let r = path.match(/^\/api\/v1\/programs\/([^/]+)$/);
  if (r) {
    const p = programOf(r[1]!);
    if (method === 'PUT') {
      if (!staff && !may('org_admin')) return forbidden();
      if (!p) return notFound();
      return saveProgram(p);
    }
    if (!staff) return forbidden();
    if (!p) return notFound();
    const detail: ProgramDetail = {
      ...programView(p),
      session_list: m.sessions.filter((s) => s.program_id === p.id).map(sessionView),
      enrollments: m.enrollments.filter((e) => e.program_id === p.id).map(enrollmentView),
    };
    return json(200, detail);
  }

  async function saveProgram(existing: StoredProgram | null) {
    const b = body();
    const fields: Record<string, Word> = {};
    if (typeof b.name !== 'string' || !b.name.trim()) fields.name = 'required';
    if (!PROGRAM_KINDS.includes(b.kind as never)) fields.kind = 'required';
    if (b.provider !== 'own' && b.provider !== 'partner') fields.provider = 'required';
    if (
      b.provider === 'partner' &&
      (typeof b.provider_name !== 'string' || !b.provider_name.trim())
    )
      fields.provider_name = 'partner';
    if (!isDate(b.starts_on)) fields.starts_on = 'required';
    if (!Number.isInteger(b.capacity) || (b.capacity as number) < 1) fields.capacity = 'capacity';
    if (
      b.pass_rate !== undefined &&
      (!Number.isInteger(b.pass_rate) ||
        (b.pass_rate as number) < 0 ||
        (b.pass_rate as number) > 100)
    )
      fields.pass_rate = 'pass_rate';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const values = {
      name: (b.name as string).trim(),
      kind: b.kind as Program['kind'],
      provider: b.provider as Program['provider'],
      provider_name: b.provider === 'partner' ? (b.provider_name as string) : null,
      starts_on: b.starts_on as string,
      ends_on: (b.ends_on as string | undefined) ?? null,
      capacity: b.capacity as number,
      description: (b.description as string | undefined) ?? null,
      pass_rate: (b.pass_rate as number | undefined) ?? null,
    };
    if (existing) {
      Object.assign(existing, values);
      return json(200, programView(existing));
    }
    const p: StoredProgram = {
      id: id('pg'),
      org_id: me!.org_id,
      ...values,
      created_at: new Date().toISOString(),
    };
    m.programs.unshift(p);
    return json(201, programView(p));
  }

  if (!staff) return forbidden();

  r = path.match(/^\/api\/v1\/programs\/([^/]+)\/sessions$/);
  if (r && method === 'POST') {
    const p = programOf(r[1]!);
    if (!p) return notFound();
    const list = body().sessions;
    if (!Array.isArray(list) || list.length < 1 || list.length > 200)
      return fail(400, 'invalid', 'invalid', { sessions: 'sessions' });
    const bad = list.findIndex(
      (s: Record<string, unknown>) =>
        typeof s.starts_at !== 'string' ||
        Number.isNaN(Date.parse(s.starts_at)) ||
        !Number.isInteger(s.minutes) ||
        (s.minutes as number) < 1,
    );
    if (bad >= 0)
      return fail(400, 'invalid', 'invalid', { [`sessions.${bad}.starts_at`]: 'required' });
    const items = (list as { starts_at: string; minutes: number; topic?: string }[]).map(
      (s): ProgramSession => ({
        id: id('ps'),
        program_id: p.id,
        starts_at: s.starts_at,
        minutes: s.minutes,
        topic: s.topic ?? null,
        taken: false,
        present: 0,
        absent: 0,
      }),
    );
    m.sessions.push(...items);
    return json(201, { items });
  }
  r = path.match(/^\/api\/v1\/programs\/([^/]+)\/enrollments$/);
  if (r && method === 'POST') {
    const p = programOf(r[1]!);
    if (!p) return notFound();
    const b = body() as { person_id?: string; enrolled_on?: string };
    if (!b.person_id || !person(b.person_id))
      return fail(400, 'invalid', 'invalid', { person_id: 'unknown_person' });
    if (!isDate(b.enrolled_on)) return fail(400, 'invalid', 'invalid', { enrolled_on: 'required' });
    const active = m.enrollments.filter((e) => e.program_id === p.id && e.status === 'active');
    if (active.some((e) => e.person_id === b.person_id))
      return fail(409, 'programs.already_enrolled', 'already');
    if (active.length >= p.capacity) return fail(409, 'programs.full', 'full');
    const e: StoredEnrollment = {
      id: id('en'),
      program_id: p.id,
      person_id: b.person_id,
      enrolled_on: b.enrolled_on!,
      status: 'active',
      ended_on: null,
      reason: null,
    };
    m.enrollments.push(e);
    return json(201, enrollmentView(e));
  }
  r = path.match(/^\/api\/v1\/enrollments\/([^/]+)\/end$/);
  if (r && method === 'POST') {
    const e = m.enrollments.find((x) => x.id === r![1] && programOf(x.program_id));
    if (!e) return notFound();
    const b = body() as { status?: string; ended_on?: string; reason?: string };
    const fields: Record<string, Word> = {};
    if (b.status !== 'completed' && b.status !== 'dropped') fields.status = 'required';
    if (!isDate(b.ended_on)) fields.ended_on = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    e.status = b.status as 'completed' | 'dropped';
    e.ended_on = b.ended_on!;
    e.reason = b.reason ?? null;
    return json(200, enrollmentView(e));
  }
  r = path.match(/^\/api\/v1\/program-sessions\/([^/]+)\/attendance$/);
  if (r) {
    const s = m.sessions.find((x) => x.id === r![1] && programOf(x.program_id));
    if (!s) return notFound();
    const sheet = () => ({
      session: sessionView(s),
      marks: m.enrollments
        .filter((e) => e.program_id === s.program_id && e.status === 'active')
        .map((e) => ({
          enrollment_id: e.id,
          person_label: label(e.person_id),
          status:
            m.marks.find((x) => x.session_id === s.id && x.enrollment_id === e.id)?.status ?? null,
        })),
    });
    if (method === 'GET') return json(200, sheet());
    const marks = body().marks;
    m.attendancePuts.push({ session_id: s.id, marks });
    if (seoulDay(Date.parse(s.starts_at)) > seoulDay(Date.now() + DAY))
      return fail(409, 'programs.session_not_started', 'not_started');
    if (!Array.isArray(marks)) return fail(400, 'invalid', 'invalid', { marks: 'required' });
    const classIds = new Set(
      m.enrollments
        .filter((e) => e.program_id === s.program_id && e.status === 'active')
        .map((e) => e.id),
    );
    for (const [i, x] of (marks as { enrollment_id: string; status: string }[]).entries()) {
      if (!ATTENDANCE_MARKS.includes(x.status as AttendanceMark))
        return fail(400, 'invalid', 'invalid', { [`marks.${i}.status`]: 'bad_mark' });
      if (!classIds.has(x.enrollment_id))
        return fail(400, 'invalid', 'invalid', { [`marks.${i}.enrollment_id`]: 'not_in_class' });
    }
    for (const x of marks as { enrollment_id: string; status: AttendanceMark }[]) {
      const old = m.marks.find((y) => y.session_id === s.id && y.enrollment_id === x.enrollment_id);
      if (old) old.status = x.status;
      else m.marks.push({ session_id: s.id, enrollment_id: x.enrollment_id, status: x.status });
    }
    return json(200, sheet());
  }

  r = path.match(/^\/api\/v1\/people\/([^/]+)\/(certificates|outcomes|self-reliance)$/);
  if (r) {
    const pid = r[1]!;
    if (!person(pid)) return notFound();
    if (r[2] === 'self-reliance' && method === 'GET') {
      const answer: SelfReliance = {
        enrollments: m.enrollments.filter((e) => e.person_id === pid).map(enrollmentView),
        certificates: m.certificates.filter((c) => c.person_id === pid),
        outcomes: m.outcomes.filter((o) => o.person_id === pid).map(outcomeView),
        goals: state.caseData.goals
          .filter((g) =>
            state.caseData.cases.some((c) => c.id === g.case_id && c.person_id === pid),
          )
          .map((g) => ({
            id: g.id,
            case_id: g.case_id,
            title: g.title,
            target_date: g.target_date,
            status: g.status,
          })),
        money: m.money[pid] ?? [],
      };
      return json(200, answer);
    }
    const b = body();
    if (r[2] === 'certificates' && method === 'POST') {
      const fields: Record<string, Word> = {};
      if (typeof b.name !== 'string' || !b.name.trim()) fields.name = 'required';
      if (!isDate(b.obtained_on)) fields.obtained_on = 'required';
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const c: Certificate = {
        id: id('ce'),
        person_id: pid,
        name: b.name as string,
        obtained_on: b.obtained_on as string,
        enrollment_id: (b.enrollment_id as string | undefined) ?? null,
        file_id: (b.file_id as string | undefined) ?? null,
      };
      m.certificates.push(c);
      return json(201, c);
    }
    if (r[2] === 'outcomes' && method === 'POST') {
      const fields: Record<string, Word> = {};
      if (!['employment', 'business_started', 'school_entered'].includes(b.kind as string))
        fields.kind = 'required';
      if (!isDate(b.started_on)) fields.started_on = 'required';
      if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
      const started = b.started_on as string;
      const o: StoredOutcome = {
        id: id('oc'),
        org_id: me.org_id,
        person_id: pid,
        kind: b.kind as ProgramOutcome['kind'],
        started_on: started,
        job_kind: (b.job_kind as string | undefined) ?? null,
        employer_kind: (b.employer_kind as ProgramOutcome['employer_kind'] | undefined) ?? null,
        note: (b.note as string | undefined) ?? null,
        school: (b.school as string | undefined) ?? null,
        employer: (b.employer as string | undefined) ?? null,
        follow_ups:
          b.kind === 'employment'
            ? [3, 6, 12].map((months) => ({
                id: id('fu'),
                months,
                due_on: addMonths(started, months),
                status: 'due' as const,
                checked_on: null,
              }))
            : [],
      };
      m.outcomes.push(o);
      // The employer comes back once, in the answer to the one who typed it.
      return json(201, { ...outcomeView(o), employer: o.employer });
    }
  }
  r = path.match(/^\/api\/v1\/outcome-follow-ups\/([^/]+)$/);
  if (r && method === 'POST') {
    const o = m.outcomes.find(
      (x) => x.org_id === me.org_id && x.follow_ups.some((f) => f.id === r![1]),
    );
    if (!o) return notFound();
    const b = body() as { status?: string; checked_on?: string };
    const fields: Record<string, Word> = {};
    if (!['employed', 'not_employed', 'unreachable'].includes(b.status ?? ''))
      fields.status = 'required';
    if (!isDate(b.checked_on)) fields.checked_on = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const f = o.follow_ups.find((x) => x.id === r![1])!;
    f.status = b.status as 'employed';
    f.checked_on = b.checked_on!;
    return json(200, outcomeView(o));
  }
  if (path === '/api/v1/follow-ups' && method === 'GET') {
    const dueBy = url.searchParams.get('due_by') ?? '9999-12-31';
    const items: DueFollowUp[] = m.outcomes
      .filter((o) => o.org_id === me.org_id)
      .flatMap((o) =>
        o.follow_ups
          .filter((f) => f.status === 'due' && f.due_on <= dueBy)
          .map((f) => ({
            follow_up: f,
            person_id: o.person_id,
            person_label: label(o.person_id),
            outcome_kind: o.kind,
            due_on: f.due_on,
          })),
      )
      .sort((a, b) => a.due_on.localeCompare(b.due_on));
    return json(200, { items });
  }
  return notFound();
}
