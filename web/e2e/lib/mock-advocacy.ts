// A mock of the campaign, partner and training APIs (docs/api-campaigns.md,
// docs/api-training.md) for the browser tests: the secretariat's pilgrimage with a route of
// stops (two past, so done), a partner with its sealed contacts, and a course of five sessions
// with three trainees (one passed, one short of the rule, one with a certificate). Progress and
// completion are derived as the server does; a reorder that puts a later day before an earlier
// one answers 409. `canEdit` is what the server's `can_edit` says for the signed-in user. Every
// request is recorded (method, path, JSON body).
import type { BrowserContext, Route } from 'playwright-core';
import type {
  CampaignDetail,
  CampaignStop,
  CourseDetail,
  PartnerContact,
  PartnerDetail,
  Trainee,
} from '../../src/api';

export interface AdvocacyMock {
  canEdit: boolean;
  campaigns: CampaignDetail[];
  partners: PartnerDetail[];
  contacts: Map<string, PartnerContact[]>;
  courses: CourseDetail[];
  trainees: Map<string, Trainee[]>;
  requests: { method: string; path: string; body: unknown }[];
  seq: number;
}

const SEC = { id: 'o-sec', name: '전국연대 사무국' };
const T0 = '2026-11-01T00:00:00Z';
const kstDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const day = (offset: number) => kstDay(Date.now() + offset * 86_400_000);

function stop(
  id: string,
  position: number,
  date: string,
  region: string,
  city: string,
  venue: string,
  host: CampaignStop['host'] = null,
): CampaignStop {
  return {
    id,
    position,
    date,
    region,
    city,
    venue,
    host,
    activities: ['rally', 'march'],
    event_id: null,
    note: '',
    done: false,
  };
}

export function initialAdvocacy(): AdvocacyMock {
  const pilgrimage: CampaignDetail = {
    id: 'c-22',
    title_ko: '제22회 민들레 순례',
    title_en: '22nd Dandelion Pilgrimage',
    summary_ko: '2006년부터 이어 온 순례입니다.',
    summary_en: 'A pilgrimage held since 2006.',
    goal_ko: '성구매 수요 차단',
    goal_en: 'Curb demand',
    starts_on: day(-40),
    ends_on: day(40),
    themes: ['memorial', 'curbing_demand'],
    status: 'active',
    published: true,
    organizer: SEC,
    can_edit: true,
    progress: { stops_total: 0, stops_done: 0, next_stop_on: null },
    created_at: T0,
    updated_at: T0,
    stops: [
      stop('s-seoul', 1, day(-30), 'KR-11', '서울특별시', '영등포역 광장'),
      stop('s-daegu', 2, day(-20), 'KR-27', '대구광역시', '자갈마당'),
      stop('s-busan', 3, day(10), 'KR-26', '부산광역시', '완월동'),
      stop('s-gwangju', 4, day(10), 'KR-29', '광주광역시', '대인동'),
      stop('s-gunsan', 5, day(20), 'KR-45', '군산시', '개복동 화재 현장', {
        kind: 'member',
        id: 'o-gunsan',
        name: '군산 상담소',
      }),
    ],
    materials: [
      {
        id: 'm-poster',
        title: '순례 포스터',
        url: null,
        file: { name: 'poster.pdf', type: 'application/pdf', size: 120_000 },
        public: true,
        created_at: T0,
      },
    ],
    press: [
      {
        id: 'p-1',
        date: day(-29),
        outlet: '시민방송',
        title: '민들레 순례 출발',
        url: 'https://news.example.org/1',
        created_at: T0,
      },
    ],
    events: [],
  };
  const partner: PartnerDetail = {
    id: 'pt-civil',
    kind: 'civil_society',
    name_ko: '시민사회연대회의',
    name_en: 'Civil Society Solidarity',
    website: 'https://civil.example.org',
    note: '순례 부산 구간을 함께 준비',
    organization: SEC,
    can_edit: true,
    created_at: T0,
    updated_at: T0,
    alliances: [
      { id: 'al-1', name: '성매매 문제 해결을 위한 연대', since: '2019-03-01', until: null },
    ],
    agreements: [
      {
        id: 'ag-1',
        title: '공동 캠페인 협약',
        signed_on: '2025-01-10',
        expires_on: '2025-12-31',
        file: null,
        active: false,
      },
    ],
    interactions: [
      {
        id: 'in-1',
        date: day(-5),
        kind: 'meeting',
        summary: '부산 구간 준비 회의',
        by: { id: 'u-adv', name: '오활동' },
        created_at: T0,
      },
    ],
    hosted_stops: [],
    co_organized_events: [],
  };
  const police: PartnerDetail = {
    ...partner,
    id: 'pt-police',
    kind: 'police',
    name_ko: '서울경찰청 여성안전과',
    name_en: '',
    website: '',
    note: '',
    alliances: [],
    agreements: [],
    interactions: [],
  };
  const sessions = [-35, -28, -21, -14, -7].map((d, i) => {
    const start = `${day(d)}T05:00:00Z`;
    return {
      id: `se-${i + 1}`,
      module_id: i === 0 || i === 4 ? 'mo-1' : 'mo-2',
      starts_at: start,
      ends_at: start.replace('T05', 'T08'),
      date: day(d),
      venue: '전국연대 교육장',
    };
  });
  const course: CourseDetail = {
    id: 'co-1',
    title_ko: '신입 활동가 양성 과정',
    title_en: 'Course for new activists',
    description_ko: '5회 과정입니다.',
    description_en: 'Five sessions.',
    pass_percent: 80,
    organizer: SEC,
    first_date: sessions[0]!.date,
    last_date: sessions[4]!.date,
    counts: { modules: 2, sessions: 5, enrollments: 3, certificates: 1 },
    created_at: T0,
    updated_at: T0,
    modules: [
      { id: 'mo-1', position: 1, title_ko: '성매매의 구조', title_en: 'Structure', required: true },
      { id: 'mo-2', position: 2, title_ko: '지원 제도', title_en: 'Support', required: false },
    ],
    sessions,
  };
  const marks = (list: string[]) =>
    Object.fromEntries(list.map((s, i) => [`se-${i + 1}`, s])) as Trainee['attendance'];
  const trainee = (id: string, name: string, att: string[]): Trainee => ({
    id,
    name,
    enrolled_at: T0,
    attendance: marks(att),
    completion: {
      passed: false,
      sessions: 0,
      needed: 0,
      present: 0,
      excused: 0,
      absent: 0,
      unmarked: 0,
      missing_modules: [],
    },
    certificate: null,
  });
  const hansol = trainee('tr-1', '한솔', ['present', 'present', 'present', 'present', 'present']);
  hansol.certificate = {
    id: 'ce-1',
    code: '5BGN-EK7J-QMNC-NCS4-V9MH',
    verify_url: 'http://localhost/certificates/5BGN-EK7J-QMNC-NCS4-V9MH',
    issued_on: day(-6),
    issued_at: T0,
    revoked_at: null,
  };
  return {
    canEdit: true,
    campaigns: [pilgrimage],
    partners: [partner, police],
    contacts: new Map([
      [
        'pt-civil',
        [
          {
            id: 'ct-1',
            name: '정연대',
            role: '사무처장',
            phone: '010-5550-1234',
            email: 'jung@civil.example.org',
            created_at: T0,
          },
        ],
      ],
    ]),
    courses: [course],
    trainees: new Map([
      [
        'co-1',
        [
          hansol,
          trainee('tr-2', '윤서영', ['present', 'present', 'absent', 'present', 'present']),
          trainee('tr-3', '강보람', ['present', 'excused', 'absent', 'present']),
        ],
      ],
    ]),
    requests: [],
    seq: 0,
  };
}

const ERR = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, ...extra },
});

function derived(m: AdvocacyMock, c: CampaignDetail): CampaignDetail {
  const today = kstDay(Date.now());
  const stops = [...c.stops]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ ...s, done: s.date < today }));
  const next = stops.find((s) => !s.done);
  return {
    ...c,
    can_edit: m.canEdit,
    stops,
    progress: {
      stops_total: stops.length,
      stops_done: stops.filter((s) => s.done).length,
      next_stop_on: next?.date ?? null,
      checked_in_total: 0,
    },
  };
}

function completion(course: CourseDetail, t: Trainee): Trainee {
  const sessions = course.sessions.length;
  const needed = sessions ? Math.ceil((sessions * course.pass_percent) / 100) : 0;
  const vals = course.sessions.map((s) => t.attendance[s.id]);
  const present = vals.filter((v) => v === 'present').length;
  const missing = course.modules
    .filter((mo) => mo.required)
    .filter(
      (mo) =>
        !course.sessions.some((s) => s.module_id === mo.id && t.attendance[s.id] === 'present'),
    )
    .map((mo) => mo.id);
  return {
    ...t,
    completion: {
      passed: needed >= 1 && present >= needed && missing.length === 0,
      sessions,
      needed,
      present,
      excused: vals.filter((v) => v === 'excused').length,
      absent: vals.filter((v) => v === 'absent').length,
      unmarked: vals.filter((v) => v === undefined).length,
      missing_modules: missing,
    },
  };
}

export async function installAdvocacyMock(context: BrowserContext, m: AdvocacyMock) {
  await context.route(
    (url) =>
      /^\/api\/v1\/(campaigns|partners|training|directory)(\/|$|\?)/.test(url.pathname) ||
      url.pathname === '/api/v1/directory',
    (route) => handle(route, m),
  );
}

async function handle(route: Route, m: AdvocacyMock): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname.replace('/api/v1', '');
  const method = req.method();
  const isJson = (req.headers()['content-type'] ?? '').includes('json');
  const body = (isJson && req.postData() ? req.postDataJSON() : {}) as Record<string, unknown>;
  m.requests.push({ method, path: path + url.search, body: isJson ? body : req.postDataBuffer() });
  const json = (status: number, b: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(b) });
  const notFound = () => json(404, ERR('not_found', '찾을 수 없습니다.'));
  const id = () => `x-${++m.seq}`;
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);

  if (seg[0] === 'directory')
    return json(200, {
      items: [
        { org_id: 'o-gunsan', name: '군산 상담소', kind: 'counseling_center', regions: ['KR-45'] },
        { org_id: 'o-busan', name: '부산 상담소', kind: 'counseling_center', regions: ['KR-26'] },
      ],
      next_cursor: null,
    });

  if (seg[0] === 'campaigns') {
    if (seg.length === 1 && method === 'GET')
      return json(200, { items: m.campaigns.map((c) => derived(m, c)) });
    if (seg.length === 1 && method === 'POST') {
      const c: CampaignDetail = {
        ...(body as unknown as CampaignDetail),
        id: id(),
        organizer: SEC,
        can_edit: true,
        progress: { stops_total: 0, stops_done: 0, next_stop_on: null },
        created_at: T0,
        updated_at: T0,
        stops: [],
        materials: [],
        press: [],
        events: [],
      };
      m.campaigns.unshift(c);
      return json(201, derived(m, c));
    }
    const c = m.campaigns.find((x) => x.id === seg[1]);
    if (!c) return notFound();
    const answer = (status = 200) => json(status, derived(m, c));
    const sub = seg[2];
    if (!sub && method === 'GET') return answer();
    if (!sub && method === 'PATCH') {
      Object.assign(c, body);
      return answer();
    }
    const hostOf = (b: Record<string, unknown>): CampaignStop['host'] | undefined => {
      if (typeof b.host_org_id === 'string')
        return { kind: 'member', id: b.host_org_id, name: '군산 상담소' };
      if (typeof b.host_partner_id === 'string') {
        const p = m.partners.find((x) => x.id === b.host_partner_id);
        return p ? { kind: 'partner', id: p.id, name: p.name_ko } : undefined;
      }
      return undefined;
    };
    if (sub === 'stops' && seg.length === 3 && method === 'POST') {
      if (String(body.date) < c.starts_on || String(body.date) > c.ends_on)
        return json(
          400,
          ERR('invalid', '입력한 내용을 확인하세요.', {
            fields: { date: '캠페인 기간 안의 날짜여야 합니다.' },
          }),
        );
      const s: CampaignStop = {
        ...stop(
          id(),
          0,
          String(body.date),
          String(body.region),
          String(body.city),
          String(body.venue),
        ),
        activities: body.activities as CampaignStop['activities'],
        note: String(body.note ?? ''),
        host: hostOf(body) ?? null,
      };
      const sorted = [...c.stops].sort((a, b) => a.position - b.position);
      const after = sorted.filter((x) => x.date <= s.date).length;
      sorted.splice(after, 0, s);
      sorted.forEach((x, i) => (x.position = i + 1));
      c.stops = sorted;
      return answer(201);
    }
    if (sub === 'stops' && seg[3]) {
      const s = c.stops.find((x) => x.id === seg[3]);
      if (!s) return notFound();
      if (method === 'DELETE') {
        c.stops = c.stops
          .filter((x) => x !== s)
          .sort((a, b) => a.position - b.position)
          .map((x, i) => ({ ...x, position: i + 1 }));
        return answer();
      }
      if (method === 'PATCH') {
        const { host_org_id: _o, host_partner_id: _p, ...rest } = body;
        Object.assign(s, rest);
        const h = hostOf(body);
        if (h !== undefined) s.host = h;
        else if (body.host_org_id === null || body.host_partner_id === null) s.host = null;
        return answer();
      }
    }
    if (sub === 'route' && method === 'PUT') {
      const ids = body.stop_ids as string[];
      const order = ids.map((x) => c.stops.find((s) => s.id === x)!);
      for (let i = 1; i < order.length; i++)
        if (order[i]!.date < order[i - 1]!.date)
          return json(
            409,
            ERR(
              'campaigns.route_order',
              '경로의 날짜가 거꾸로 갈 수 없습니다. 순서를 바꾸지 않았습니다.',
            ),
          );
      order.forEach((s, i) => (s.position = i + 1));
      return answer();
    }
    if (sub === 'events' && seg.length === 3 && method === 'POST') {
      if (!c.events.some((e) => e.id === body.event_id))
        c.events.push({
          id: String(body.event_id),
          kind: 'pilgrimage_stop',
          title_ko: '민들레 순례 — 부산 완월동',
          title_en: 'Pilgrimage — Busan',
          date: day(10),
          starts_at: `${day(10)}T05:00:00Z`,
          published: true,
          organizer: SEC,
          counts: { registered: 3, checked_in: 0 },
        });
      return answer(201);
    }
    if (sub === 'events' && seg[3] && method === 'DELETE') {
      c.events = c.events.filter((e) => e.id !== seg[3]);
      for (const s of c.stops) if (s.event_id === seg[3]) s.event_id = null;
      return answer();
    }
    if (sub === 'materials' && seg.length === 3 && method === 'POST') {
      const q = url.searchParams;
      const material = isJson
        ? {
            id: id(),
            title: String(body.title),
            url: String(body.url),
            file: null,
            public: body.public === true,
            created_at: T0,
          }
        : {
            id: id(),
            title: q.get('title') ?? '',
            url: null,
            file: {
              name: q.get('name') ?? '',
              type: req.headers()['content-type'] ?? '',
              size: req.postDataBuffer()?.length ?? 0,
            },
            public: q.get('public') === 'true',
            created_at: T0,
          };
      c.materials.push(material);
      return json(201, material);
    }
    if (sub === 'materials' && seg[3] && seg[4] === 'file')
      return route.fulfill({
        status: 200,
        contentType: 'application/pdf',
        headers: { 'Content-Disposition': 'attachment; filename="poster.pdf"' },
        body: '%PDF-1.4 poster',
      });
    if (sub === 'materials' && seg[3] && method === 'DELETE') {
      c.materials = c.materials.filter((x) => x.id !== seg[3]);
      return route.fulfill({ status: 204 });
    }
    if (sub === 'press' && seg.length === 3 && method === 'POST') {
      const p = { id: id(), ...(body as object), created_at: T0 } as CampaignDetail['press'][0];
      c.press.push(p);
      return json(201, p);
    }
    if (sub === 'press' && seg[3] && method === 'DELETE') {
      c.press = c.press.filter((x) => x.id !== seg[3]);
      return route.fulfill({ status: 204 });
    }
    return notFound();
  }

  if (seg[0] === 'partners') {
    const edit = (p: PartnerDetail) => ({ ...p, can_edit: m.canEdit });
    if (seg.length === 1 && method === 'GET') {
      const kind = url.searchParams.get('kind');
      const items = m.partners
        .filter((p) => !kind || p.kind === kind)
        .sort((a, b) => a.name_ko.localeCompare(b.name_ko))
        .map(edit);
      return json(200, { items });
    }
    if (seg.length === 1 && method === 'POST') {
      const p: PartnerDetail = {
        ...(body as unknown as PartnerDetail),
        id: id(),
        organization: SEC,
        can_edit: true,
        created_at: T0,
        updated_at: T0,
        alliances: [],
        agreements: [],
        interactions: [],
        hosted_stops: [],
        co_organized_events: [],
      };
      m.partners.push(p);
      return json(201, p);
    }
    const p = m.partners.find((x) => x.id === seg[1]);
    if (!p) return notFound();
    const sub = seg[2];
    if (!sub && method === 'GET') return json(200, edit(p));
    if (!sub && method === 'PATCH') {
      Object.assign(p, body);
      return json(200, edit(p));
    }
    if (sub === 'contacts') {
      if (!m.canEdit) return json(403, ERR('campaigns.not_editor', '수정할 수 없습니다.'));
      const list = m.contacts.get(p.id) ?? [];
      if (method === 'GET') return json(200, { items: list });
      if (method === 'POST') {
        const ct = { id: id(), ...(body as object), created_at: T0 } as PartnerContact;
        m.contacts.set(p.id, [...list, ct]);
        return json(201, ct);
      }
      if (method === 'DELETE') {
        m.contacts.set(
          p.id,
          list.filter((x) => x.id !== seg[3]),
        );
        return route.fulfill({ status: 204 });
      }
    }
    if (sub === 'alliances' && method === 'POST') {
      const a = {
        id: id(),
        name: String(body.name),
        since: String(body.since),
        until: (body.until as string | null) ?? null,
      };
      p.alliances.push(a);
      return json(201, a);
    }
    if (sub === 'agreements' && method === 'POST') {
      const a = {
        id: id(),
        title: String(body.title),
        signed_on: String(body.signed_on),
        expires_on: (body.expires_on as string | null) ?? null,
        file: null,
        active: true,
      };
      p.agreements.push(a);
      return json(201, a);
    }
    if (sub === 'interactions' && method === 'POST') {
      const i = {
        id: id(),
        date: String(body.date),
        kind: body.kind as PartnerDetail['interactions'][0]['kind'],
        summary: String(body.summary),
        by: { id: 'u-adv', name: '오활동' },
        created_at: T0,
      };
      p.interactions.push(i);
      return json(201, i);
    }
    if ((sub === 'alliances' || sub === 'agreements') && method === 'DELETE') {
      if (sub === 'alliances') p.alliances = p.alliances.filter((x) => x.id !== seg[3]);
      else p.agreements = p.agreements.filter((x) => x.id !== seg[3]);
      return route.fulfill({ status: 204 });
    }
    return notFound();
  }

  // training/courses/…
  const courseSeg = seg.slice(2);
  if (seg[0] === 'training' && seg[1] === 'courses') {
    if (courseSeg.length === 0 && method === 'GET') return json(200, { items: m.courses });
    if (courseSeg.length === 0 && method === 'POST') {
      const c: CourseDetail = {
        ...(body as unknown as CourseDetail),
        id: id(),
        organizer: SEC,
        first_date: null,
        last_date: null,
        counts: { modules: 0, sessions: 0, enrollments: 0, certificates: 0 },
        created_at: T0,
        updated_at: T0,
        modules: [],
        sessions: [],
      };
      m.courses.unshift(c);
      m.trainees.set(c.id, []);
      return json(201, c);
    }
    const c = m.courses.find((x) => x.id === courseSeg[0]);
    if (!c) return notFound();
    const list = () => (m.trainees.get(c.id) ?? []).map((t) => completion(c, t));
    const [, sub, sid, sub2, sub3] = courseSeg;
    if (!sub && method === 'GET') return json(200, c);
    if (!sub && method === 'PATCH') {
      Object.assign(c, body);
      return json(200, c);
    }
    if (sub === 'modules' && !sid && method === 'POST') {
      const mo = {
        id: id(),
        position: c.modules.length + 1,
        title_ko: String(body.title_ko),
        title_en: String(body.title_en ?? ''),
        required: body.required === true,
      };
      c.modules.push(mo);
      return json(201, mo);
    }
    if (sub === 'modules' && sid && method === 'PATCH') {
      const mo = c.modules.find((x) => x.id === sid);
      if (!mo) return notFound();
      Object.assign(mo, body);
      return json(200, mo);
    }
    if (sub === 'sessions' && !sid && method === 'POST') {
      const toZ = (s: unknown) => new Date(String(s)).toISOString().replace('.000', '');
      const se = {
        id: id(),
        module_id: (body.module_id as string | null) ?? null,
        starts_at: toZ(body.starts_at),
        ends_at: toZ(body.ends_at),
        date: kstDay(new Date(String(body.starts_at)).getTime()),
        venue: String(body.venue),
      };
      c.sessions.push(se);
      c.sessions.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
      return json(201, se);
    }
    if (sub === 'sessions' && sid && sub2 === 'attendance' && method === 'POST') {
      const stored = m.trainees.get(c.id) ?? [];
      let changed = 0;
      for (const mk of body.marks as { enrollment_id: string; status: 'present' }[]) {
        const t = stored.find((x) => x.id === mk.enrollment_id);
        if (!t)
          return json(
            400,
            ERR('invalid', '입력한 내용을 확인하세요.', {
              fields: { marks: '없는 교육생입니다.' },
            }),
          );
        if (t.attendance[sid] !== mk.status) {
          t.attendance[sid] = mk.status;
          changed++;
        }
      }
      return json(200, { session_id: sid, items: [], changed });
    }
    if (sub === 'enrollments' && !sid && method === 'GET') return json(200, { items: list() });
    if (sub === 'enrollments' && !sid && method === 'POST') {
      const t: Trainee = {
        id: id(),
        name: String(body.name),
        enrolled_at: T0,
        attendance: {},
        completion: list()[0]!.completion,
        certificate: null,
      };
      m.trainees.get(c.id)!.push(t);
      return json(201, completion(c, t));
    }
    const stored = m.trainees.get(c.id)?.find((x) => x.id === sid);
    if (sub === 'enrollments' && sid) {
      if (!stored) return notFound();
      const t = completion(c, stored);
      if (!sub2 && method === 'GET') return json(200, { ...t, contact: '010-5550-0202' });
      if (sub2 === 'certificate' && !sub3 && method === 'POST') {
        if (stored.certificate) return json(200, stored.certificate);
        if (!t.completion.passed)
          return json(
            409,
            ERR('conflict', '이수 기준을 채우지 못해 수료증을 발급할 수 없습니다.', {
              refs: {
                missing_modules: t.completion.missing_modules,
                present: [String(t.completion.present)],
                needed: [String(t.completion.needed)],
              },
            }),
          );
        stored.certificate = {
          id: id(),
          code: 'ACET-GTC7-NMRK-SP3V-QGWF',
          verify_url: 'http://localhost/certificates/ACET-GTC7-NMRK-SP3V-QGWF',
          issued_on: day(0),
          issued_at: new Date().toISOString(),
          revoked_at: null,
        };
        return json(201, stored.certificate);
      }
      if (sub2 === 'certificate' && sub3 === 'revoke' && method === 'POST') {
        if (!stored.certificate) return notFound();
        stored.certificate.revoked_at = new Date().toISOString();
        return json(200, stored.certificate);
      }
      if (sub2 === 'certificate' && sub3 === 'pdf')
        return route.fulfill({
          status: 200,
          contentType: 'application/pdf',
          headers: { 'Content-Disposition': 'attachment; filename="certificate.pdf"' },
          body: '%PDF-1.4 certificate',
        });
    }
  }
  return notFound();
}
