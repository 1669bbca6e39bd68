// A mock of the policy monitor API (docs/api-policy.md) for the browser tests: a few
// jurisdictions, the seeded scorecard criteria, ordinances in Gyeonggi, Suwon, Jeonju and Busan
// and a national law, with the map, the drill-down, the timeline and the comparison derived from
// them by the document's rules (so scoring an ordinance or adding a status changes the map as
// the server's would); tasks, hearings, submissions and statements kept in memory; an import
// that refuses one row the first time and changes nothing the second. Every write is recorded.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  Criterion,
  ImportReport,
  Jurisdiction,
  MapRegion,
  MapStatus,
  PolicyDocument,
  PolicyEvent,
  PolicyItem,
  PolicyItemDetail,
  PolicyTask,
  Score,
  ScoreValue,
  Statement,
  StatusEntry,
  Submission,
} from '../../src/api';

type Stored = Omit<PolicyItemDetail, 'status' | 'status_on' | 'score' | 'scores'> & {
  scoreValues: Record<string, { value: ScoreValue; note: string | null }>;
};

export interface PolicyMock {
  items: Stored[];
  criteria: Criterion[];
  tasks: PolicyTask[];
  events: PolicyEvent[];
  submissions: Submission[];
  statements: Statement[];
  imports: number;
  writes: { method: string; path: string; body: unknown }[];
  seq: number;
}

const NOW = '2026-03-01T00:00:00Z';
const REGION_NAMES: [string, string, string][] = [
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
const MUNICIPALITIES: [string, string, string, string][] = [
  ['41110', '수원시', 'Suwon', 'KR-41'],
  ['41480', '파주시', 'Paju', 'KR-41'],
  ['52110', '전주시', 'Jeonju', 'KR-45'],
  ['46130', '여수시', 'Yeosu', 'KR-46'],
  ['48120', '창원시', 'Changwon', 'KR-48'],
];

export const JURISDICTIONS: Jurisdiction[] = [
  { code: 'KR', level: 'nation', name_ko: '대한민국', name_en: 'Republic of Korea', parent: null },
  ...REGION_NAMES.map(([code, name_ko, name_en]) => ({
    code,
    level: 'region' as const,
    name_ko,
    name_en,
    parent: 'KR',
  })),
  ...MUNICIPALITIES.map(([code, name_ko, name_en, parent]) => ({
    code,
    level: 'municipality' as const,
    name_ko,
    name_en,
    parent,
  })),
];

const criterion = (
  key: string,
  label_ko: string,
  label_en: string,
  kind: Criterion['kind'],
  position: number,
): Criterion => ({ key, label_ko, label_en, kind, position, retired: false });

function jurisdiction(code: string) {
  const j = JURISDICTIONS.find((x) => x.code === code)!;
  const parent = j.parent ? JURISDICTIONS.find((x) => x.code === j.parent) : undefined;
  const region = j.level === 'nation' ? null : j.level === 'region' ? j.code : j.parent;
  const name = j.level === 'municipality' ? `${parent!.name_ko} ${j.name_ko}` : j.name_ko;
  return { region, name };
}

function item(
  id: string,
  kind: PolicyItem['kind'],
  code: string,
  title: string,
  history: [StatusEntry['status'], string][],
  published = true,
): Stored {
  const j = jurisdiction(code);
  return {
    id,
    kind,
    jurisdiction: code,
    region: j.region,
    jurisdiction_name: j.name,
    title,
    topic: kind === 'ordinance' ? '자립지원' : '처벌',
    stance: 'support',
    summary: null,
    external_id: null,
    published,
    created_at: NOW,
    updated_at: NOW,
    history: history.map(([status, on], i) => ({
      seq: i + 1,
      status,
      on,
      note: null,
      recorded_at: NOW,
    })),
    documents: [],
    scoreValues: {},
  };
}

export function initialPolicy(): PolicyMock {
  const suwon = item(
    'pi-suwon',
    'ordinance',
    '41110',
    '수원시 성매매피해자 등의 자립·자활 지원 조례',
    [['enacted', '2021-12-30']],
  );
  suwon.scoreValues = {
    living_cost: { value: true, note: null },
    living_cost_amount: { value: 1000000, note: null },
    living_cost_months: { value: 12, note: null },
    job_training: { value: true, note: null },
  };
  return {
    items: [
      item('pi-law', 'law', 'KR', '성매매피해자등의 보호 및 자립지원에 관한 법률', [
        ['enacted', '2004-03-22'],
        ['amended', '2023-06-13'],
      ]),
      item('pi-gg', 'ordinance', 'KR-41', '경기도 성매매피해자 등 자활 지원 조례', [
        ['proposed', '2019-05-02'],
        ['enacted', '2019-11-05'],
      ]),
      suwon,
      item('pi-jeonju', 'ordinance', '52110', '전주시 성매매피해자 자립지원 조례', [
        ['enacted', '2022-04-08'],
      ]),
      item('pi-busan', 'ordinance', 'KR-26', '부산광역시 성매매피해자 자립 지원 조례안', [
        ['proposed', '2026-02-10'],
      ]),
    ],
    criteria: [
      criterion('living_cost', '생계비 지원', 'Living-cost support', 'yes_no', 10),
      criterion('living_cost_amount', '생계비 월액', 'Living-cost amount', 'amount', 20),
      criterion('living_cost_months', '생계비 지원 기간', 'Living-cost months', 'months', 30),
      criterion('housing_amount', '주거 지원금', 'Housing support', 'amount', 40),
      criterion('job_training', '직업훈련', 'Job training', 'yes_no', 50),
      criterion('self_reliance_grant', '자립지원금', 'Self-reliance grant', 'amount', 60),
      criterion('selection_committee', '선정위원회', 'Selection committee', 'yes_no', 70),
      criterion('fraud_clawback', '부정수급 환수', 'Clawback on fraud', 'yes_no', 80),
      criterion('district_closure_plan', '집결지 폐쇄 계획', 'District closure plan', 'yes_no', 90),
      criterion(
        'survivor_consultation',
        '당사자 의견 청취',
        'Survivor consultation',
        'yes_no',
        100,
      ),
    ],
    tasks: [
      {
        id: 'pt-1',
        title: '부산시의회 조례안 심사 일정 확인',
        item_id: 'pi-busan',
        assignee: { id: 'u-adv', username: 'advocate' },
        due_on: '2026-03-20',
        done: false,
        done_at: null,
        note: null,
        created_at: NOW,
      },
      {
        id: 'pt-2',
        title: '파주시 조례 원문 확보',
        item_id: null,
        assignee: { id: 'u-other', username: 'kim' },
        due_on: '2026-03-05',
        done: false,
        done_at: null,
        note: null,
        created_at: NOW,
      },
    ],
    events: [
      {
        id: 'pe-1',
        kind: 'hearing',
        title: '부산 조례 제정 공청회',
        on: '2099-04-14',
        time: '14:00',
        jurisdiction: 'KR-26',
        jurisdiction_name: '부산광역시',
        item_id: 'pi-busan',
        place: '부산시의회 대회의실',
        note: null,
        created_at: NOW,
      },
    ],
    submissions: [
      {
        id: 'ps-1',
        kind: 'recommendation',
        item_id: 'pi-busan',
        title: '조례안에 당사자 의견 청취 조항을 넣어 주십시오',
        addressee: '부산광역시의회',
        submitted_on: '2026-02-20',
        body: null,
        response: null,
        created_at: NOW,
      },
    ],
    statements: [
      {
        id: 'pst-1',
        title_ko: '부산시의회는 성매매피해자 자립 지원 조례를 제정하라',
        title_en: 'Busan council: enact the survivor support ordinance',
        body_ko: '부산광역시의회는 이번 회기에 조례안을 통과시켜야 합니다.',
        body_en: null,
        item_id: 'pi-busan',
        published: false,
        published_at: null,
        created_at: NOW,
        updated_at: NOW,
      },
    ],
    imports: 0,
    writes: [],
    seq: 0,
  };
}

const active = (m: PolicyMock) => m.criteria.filter((c) => !c.retired);

function met(kind: Criterion['kind'], v: ScoreValue | undefined) {
  return kind === 'yes_no' ? v === true : typeof v === 'number' && v > 0;
}

// The latest entry by date (ties: the later recorded), as the server derives it.
function current(i: Stored): StatusEntry {
  return [...i.history].sort((a, b) => a.on.localeCompare(b.on) || a.seq - b.seq).at(-1)!;
}

function score(m: PolicyMock, i: Stored): number | null {
  if (i.kind !== 'ordinance') return null;
  const list = active(m);
  const n = list.filter((c) => met(c.kind, i.scoreValues[c.key]?.value)).length;
  return list.length ? Math.floor((n * 100) / list.length) : 0;
}

function summary(m: PolicyMock, i: Stored): PolicyItem {
  const { history: _h, documents: _d, scoreValues: _s, ...rest } = i;
  const c = current(i);
  return { ...rest, status: c.status, status_on: c.on, score: score(m, i) };
}

function detail(m: PolicyMock, i: Stored): PolicyItemDetail {
  const scores: Score[] = active(m).map((c) => ({
    criterion: c.key,
    value: i.scoreValues[c.key]?.value ?? null,
    note: i.scoreValues[c.key]?.note ?? null,
    met: met(c.kind, i.scoreValues[c.key]?.value),
  }));
  return {
    ...summary(m, i),
    history: i.history,
    documents: i.documents,
    ...(i.kind === 'ordinance' ? { scores } : {}),
  };
}

const inForce = (s: string) => s === 'enacted' || s === 'amended';
const considered = (s: string) => s === 'proposed' || s === 'under_review';

function regionOf(m: PolicyMock, code: string): MapRegion {
  const [, name_ko, name_en] = REGION_NAMES.find(([c]) => c === code)!;
  const ords = m.items.filter((i) => i.kind === 'ordinance' && i.region === code);
  const own = ords.filter((i) => i.jurisdiction === code);
  const status = (i: Stored) => current(i).status;
  let s: MapStatus = 'none';
  if (own.some((i) => inForce(status(i)))) s = 'in_force';
  else if (ords.some((i) => inForce(status(i)))) s = 'municipal';
  else if (ords.some((i) => considered(status(i)))) s = 'considering';
  const scores = own.filter((i) => inForce(status(i))).map((i) => score(m, i)!);
  return {
    code,
    name_ko,
    name_en,
    status: s,
    ordinances: ords.filter((i) => inForce(status(i))).length,
    ...(scores.length ? { score: Math.max(...scores) } : {}),
  };
}

const ERR = (code: string, message: string, fields: Record<string, string> = {}) => ({
  error: { code, message, fields },
});

export async function installPolicyMock(context: BrowserContext, m: PolicyMock): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/policy'),
    (route) => policyRoute(route, m),
  );
}

async function policyRoute(route: Route, m: PolicyMock): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname.replace('/api/v1/policy', '');
  const method = req.method();
  const q = url.searchParams;
  const json = (status: number, body?: unknown) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: body === undefined ? '' : JSON.stringify(body),
    });
  const notFound = () => json(404, ERR('not_found', '찾을 수 없습니다.'));
  const isJson = (req.headers()['content-type'] ?? '').includes('json');
  const body = (method !== 'GET' && isJson ? req.postDataJSON() : undefined) as
    Record<string, unknown> | undefined;
  if (method !== 'GET') m.writes.push({ method, path, body });
  const id = () => `p-${++m.seq}`;

  if (path === '/jurisdictions') return json(200, { items: JURISDICTIONS });
  if (path === '/map') return json(200, { regions: REGION_NAMES.map(([c]) => regionOf(m, c)) });
  const mapRegion = path.match(/^\/map\/([^/]+)$/);
  if (mapRegion) {
    const code = mapRegion[1]!;
    if (!REGION_NAMES.some(([c]) => c === code)) return notFound();
    const municipalities = MUNICIPALITIES.filter(([, , , p]) => p === code).map(
      ([mc, name_ko, name_en]) => {
        const own = m.items.filter((i) => i.kind === 'ordinance' && i.jurisdiction === mc);
        const live = own.filter((i) => inForce(current(i).status));
        const scores = live.map((i) => score(m, i)!);
        return {
          code: mc,
          name_ko,
          name_en,
          status: live.length
            ? 'in_force'
            : own.some((i) => considered(current(i).status))
              ? 'considering'
              : 'none',
          ordinances: live.length,
          ...(scores.length ? { score: Math.max(...scores) } : {}),
        };
      },
    );
    return json(200, { ...regionOf(m, code), municipalities });
  }
  if (path === '/timeline') {
    const items = m.items
      .filter((i) => ['ordinance', 'law', 'decree'].includes(i.kind))
      .flatMap((i) =>
        i.history
          .filter((h) => ['enacted', 'amended', 'repealed'].includes(h.status))
          .map((h) => ({
            on: h.on,
            item_id: i.id,
            title: i.title,
            kind: i.kind,
            jurisdiction: i.jurisdiction,
            jurisdiction_name: i.jurisdiction_name,
            region: i.region,
            status: h.status,
          })),
      )
      .sort((a, b) => b.on.localeCompare(a.on));
    return json(200, { items });
  }
  if (path === '/items' && method === 'GET') {
    const list = m.items
      .filter((i) => !q.get('kind') || i.kind === q.get('kind'))
      .filter((i) => !q.get('region') || i.region === q.get('region'))
      .filter((i) => !q.get('jurisdiction') || i.jurisdiction === q.get('jurisdiction'))
      .filter((i) => !q.get('status') || current(i).status === q.get('status'))
      .filter((i) => !q.get('q') || i.title.includes(q.get('q')!))
      .map((i) => summary(m, i));
    return json(200, { items: list, next_cursor: null });
  }
  if (path === '/items' && method === 'POST') {
    const b = body as Record<string, string>;
    if (!b.title)
      return json(400, ERR('invalid', '입력한 내용을 확인하세요.', { title: '필수 항목입니다.' }));
    const created = item(id(), b.kind as PolicyItem['kind'], b.jurisdiction!, b.title, [
      [b.status as StatusEntry['status'], b.status_on!],
    ]);
    m.items.push(created);
    return json(201, detail(m, created));
  }
  const one = path.match(/^\/items\/([^/]+)(?:\/([a-z]+))?$/);
  if (one) {
    const it = m.items.find((i) => i.id === one[1]);
    if (!it) return notFound();
    const action = one[2];
    if (!action && method === 'GET') return json(200, detail(m, it));
    if (!action && method === 'PATCH') {
      Object.assign(it, body);
      return json(200, summary(m, it));
    }
    if (action === 'status') {
      const b = body as { status: StatusEntry['status']; on: string; note?: string };
      it.history.push({
        seq: it.history.length + 1,
        status: b.status,
        on: b.on,
        note: b.note ?? null,
        recorded_at: new Date().toISOString(),
      });
      return json(201, detail(m, it));
    }
    if (action === 'scores') {
      if (it.kind !== 'ordinance')
        return json(409, ERR('policy.not_an_ordinance', '조례에만 평가표가 있습니다.'));
      const scores = (body as { scores: { criterion: string; value: ScoreValue; note?: string }[] })
        .scores;
      for (const s of scores)
        it.scoreValues[s.criterion] = { value: s.value, note: s.note ?? null };
      return json(200, detail(m, it));
    }
    if (action === 'documents') {
      const doc: PolicyDocument = isJson
        ? {
            id: id(),
            title: String(body!.title),
            url: String(body!.url),
            file: null,
            created_at: NOW,
          }
        : {
            id: id(),
            title: q.get('title') ?? '',
            url: null,
            file: {
              name: q.get('name') ?? 'file',
              type: req.headers()['content-type'] ?? '',
              size: req.postDataBuffer()?.length ?? 0,
            },
            created_at: NOW,
          };
      it.documents.push(doc);
      return json(201, doc);
    }
    return notFound();
  }
  if (path === '/criteria' && method === 'GET')
    return json(200, {
      items: (q.get('retired') === 'true' ? m.criteria : active(m)).sort(
        (a, b) => a.position - b.position,
      ),
    });
  if (path === '/criteria' && method === 'POST') {
    const c = { retired: false, position: 999, ...(body as object) } as Criterion;
    if (m.criteria.some((x) => x.key === c.key))
      return json(409, ERR('policy.duplicate_criterion', '이미 있는 항목 키입니다.'));
    m.criteria.push(c);
    return json(201, c);
  }
  const crit = path.match(/^\/criteria\/([^/]+)$/);
  if (crit) {
    const c = m.criteria.find((x) => x.key === crit[1]);
    if (!c) return notFound();
    Object.assign(c, body);
    return json(200, c);
  }
  if (path === '/compare') {
    const ids = (q.get('items') ?? '').split(',');
    const chosen = ids.map((i) => m.items.find((x) => x.id === i)).filter((x) => !!x);
    if (chosen.length < 2) return json(400, ERR('invalid', '조례를 두 개 이상 고르세요.'));
    const criteria = active(m);
    const best: Record<string, number> = {};
    for (const c of criteria.filter((c) => c.kind !== 'yes_no')) {
      const values = chosen
        .map((i) => i.scoreValues[c.key]?.value)
        .filter((v): v is number => typeof v === 'number');
      if (values.length) best[c.key] = Math.max(...values);
    }
    return json(200, {
      criteria,
      items: chosen.map((i) => ({
        id: i.id,
        title: i.title,
        jurisdiction: i.jurisdiction,
        jurisdiction_name: i.jurisdiction_name,
        status: current(i).status,
        score: score(m, i),
        values: Object.fromEntries(
          criteria.map((c) => [c.key, i.scoreValues[c.key]?.value ?? null]),
        ),
        gaps: criteria.filter((c) => !met(c.kind, i.scoreValues[c.key]?.value)).map((c) => c.key),
      })),
      best,
    });
  }
  if (path === '/import') {
    m.imports += 1;
    const report: ImportReport =
      m.imports === 1
        ? {
            result: 'changed',
            rows: 3,
            created: 2,
            updated: 0,
            unchanged: 0,
            refused: [
              {
                row: 4,
                reason: 'unknown_jurisdiction',
                message: '「서울특별시 없는구」는 알 수 없는 지방자치단체입니다.',
              },
            ],
          }
        : {
            result: 'unchanged',
            rows: 3,
            created: 0,
            updated: 0,
            unchanged: 2,
            refused: [
              {
                row: 4,
                reason: 'unknown_jurisdiction',
                message: '「서울특별시 없는구」는 알 수 없는 지방자치단체입니다.',
              },
            ],
          };
    return json(200, report);
  }
  if (path === '/tasks' && method === 'GET') {
    const done = q.get('done');
    return json(200, {
      items: m.tasks.filter((t) => done === null || String(t.done) === done),
    });
  }
  if (path === '/tasks' && method === 'POST') {
    const b = body as Record<string, string | undefined>;
    const task: PolicyTask = {
      id: id(),
      title: b.title ?? '',
      item_id: b.item_id ?? null,
      assignee: b.assignee_id ? { id: b.assignee_id, username: 'advocate' } : null,
      due_on: b.due_on ?? null,
      done: false,
      done_at: null,
      note: b.note ?? null,
      created_at: NOW,
    };
    m.tasks.push(task);
    return json(201, task);
  }
  const task = path.match(/^\/tasks\/([^/]+)$/);
  if (task) {
    const tk = m.tasks.find((x) => x.id === task[1]);
    if (!tk) return notFound();
    Object.assign(tk, body);
    tk.done_at = tk.done ? new Date().toISOString() : null;
    return json(200, tk);
  }
  if (path === '/events' && method === 'GET') {
    const from = q.get('from');
    return json(200, {
      items: m.events.filter((e) => !from || e.on >= from).sort((a, b) => a.on.localeCompare(b.on)),
    });
  }
  if (path === '/events' && method === 'POST') {
    const b = body as Record<string, string>;
    const e: PolicyEvent = {
      id: id(),
      kind: b.kind as PolicyEvent['kind'],
      title: b.title!,
      on: b.on!,
      time: b.time ?? null,
      jurisdiction: b.jurisdiction!,
      jurisdiction_name: jurisdiction(b.jurisdiction!).name,
      item_id: b.item_id ?? null,
      place: b.place ?? null,
      note: b.note ?? null,
      created_at: NOW,
    };
    m.events.push(e);
    return json(201, e);
  }
  if (path === '/submissions' && method === 'GET') {
    const itemId = q.get('item_id');
    return json(200, { items: m.submissions.filter((s) => !itemId || s.item_id === itemId) });
  }
  if (path === '/submissions' && method === 'POST') {
    const s = { id: id(), response: null, created_at: NOW, ...(body as object) } as Submission;
    m.submissions.push(s);
    return json(201, s);
  }
  const sub = path.match(/^\/submissions\/([^/]+)$/);
  if (sub) {
    const s = m.submissions.find((x) => x.id === sub[1]);
    if (!s) return notFound();
    Object.assign(s, body);
    return json(200, s);
  }
  if (path === '/statements' && method === 'GET') return json(200, { items: m.statements });
  if (path === '/statements' && method === 'POST') {
    const b = body as Record<string, string | undefined>;
    const s: Statement = {
      id: id(),
      title_ko: b.title_ko ?? '',
      title_en: b.title_en ?? null,
      body_ko: b.body_ko ?? '',
      body_en: b.body_en ?? null,
      item_id: null,
      published: false,
      published_at: null,
      created_at: NOW,
      updated_at: NOW,
    };
    m.statements.push(s);
    return json(201, s);
  }
  const st = path.match(/^\/statements\/([^/]+)$/);
  if (st) {
    const s = m.statements.find((x) => x.id === st[1]);
    if (!s) return notFound();
    Object.assign(s, body);
    if (s.published && !s.published_at) s.published_at = new Date().toISOString();
    return json(200, s);
  }
  if (path.startsWith('/documents/')) {
    const docId = path.split('/')[2];
    for (const i of m.items) {
      const d = i.documents.find((x) => x.id === docId);
      if (d && method === 'DELETE') {
        i.documents = i.documents.filter((x) => x !== d);
        return json(204);
      }
    }
    return notFound();
  }
  return notFound();
}
