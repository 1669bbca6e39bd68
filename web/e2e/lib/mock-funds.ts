// A stand-in for the support-fund endpoints (docs/api-funds.md) for the UI-only suite,
// installed after lib/mock-api.ts (Playwright tries the latest route first) and sharing its
// session. Like the server: sources are read by case roles, finance and org admins, written by
// org admins and finance; workers and supervisors apply, supervisors decide, finance and
// supervisors pay, reverse and give second approvals (never for their own entry). A payment is
// checked against the approved amount, the cap, the months, the month's amount and the budget,
// in that order; a broken limit answers 409 rule_exceeded / budget_exceeded, in words, and
// writes nothing. Finance never receives an application's reason.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  FundApplication,
  FundKind,
  FundingSource,
  FundingSourceDetail,
  LedgerEntry,
  MonthlyTotal,
  Role,
} from '../../src/api';
import type { MockState } from './mock-api';

export interface FundsMock {
  org_id: string;
  sources: FundingSource[];
  applications: FundApplication[];
  entries: LedgerEntry[];
  twoPersonAbove: number | null;
  seq: number;
  receipts: { id: string; entry_id: string; file_name: string; size: number; type: string }[];
  // Earlier versions of each source, as the server keeps them (the current one included).
  versions: Record<string, FundingSourceDetail['versions']>;
}

const NOW = '2026-03-01T09:30:00Z';
const seoulToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

export function initialFunds(org_id: string): FundsMock {
  const year = Number(seoulToday().slice(0, 4));
  const source = (id: string, name: string, budget: number, rules: FundingSource['rules']) => ({
    id,
    name,
    year,
    budget,
    version: 1,
    rules,
    spent: 0,
    pending: 0,
    remaining: budget,
    created_at: NOW,
  });
  return {
    org_id,
    sources: [
      source('fs-a', 'A시 자립지원금', 100_000_000, {
        living_costs: {
          monthly: 1_000_000,
          max_months: 24,
          per_child: 100_000,
          cap: null,
          committee: false,
          clawback: false,
        },
        housing_deposit: { cap: 14_000_000, committee: true, clawback: false },
        training: { cap: 7_200_000, committee: false, clawback: false },
        grant: { cap: 5_000_000, committee: true, clawback: true },
      }),
      source('fs-b', 'B시 주거지원', 30_000_000, {
        housing_deposit: { cap: 7_000_000, committee: false, clawback: false },
      }),
    ],
    applications: [],
    entries: [
      // A housing payment above the threshold, entered by the supervisor, waiting for a
      // second person.
      {
        id: 'de-seed',
        person_id: 'p-2',
        source_id: 'fs-b',
        kind: 'housing_deposit',
        amount: 5_000_000,
        paid_on: `${year}-01-15`,
        month: null,
        children: 0,
        application_id: null,
        reverses: null,
        reversal_reason: null,
        status: 'pending_approval',
        rule_version: 1,
        entered_by: 'u-sup',
        entered_at: NOW,
        approved_by: null,
        approved_at: null,
      },
    ],
    twoPersonAbove: 3_000_000,
    seq: 0,
    versions: {},
    receipts: [],
  };
}

const won = (n: number, lang: 'ko' | 'en') =>
  lang === 'ko' ? `${n.toLocaleString('ko-KR')}원` : `KRW ${n.toLocaleString('en-US')}`;

const LIMIT_WORDS: Record<string, { ko: string; en: string }> = {
  approved: { ko: '승인된 금액을 넘습니다.', en: 'This is more than the approved amount.' },
  cap: { ko: '1인 지원 한도(총액)를 넘습니다.', en: 'This is over the cap for one woman.' },
  months: { ko: '지급할 수 있는 개월 수를 넘습니다.', en: 'This is past the months allowed.' },
  monthly: {
    ko: '이 달에 지급할 수 있는 금액을 넘습니다.',
    en: 'This is over the month’s amount.',
  },
  budget: { ko: '재원의 남은 예산을 넘습니다.', en: 'This is over the source’s remaining budget.' },
};

export async function installFundsMock(
  context: BrowserContext,
  state: MockState,
  f: FundsMock,
): Promise<void> {
  await context.route(
    (url) =>
      /^\/api\/v1\/(funding-sources|funds|fund-applications|disbursements|receipts)(\/|$)/.test(
        url.pathname,
      ) || /^\/api\/v1\/people\/[^/]+\/(fund-applications|disbursements)$/.test(url.pathname),
    (route) => fundsRoute(route, state, f),
  );
  // The source form offers the amounts of ordinances in force where the organization works.
  await context.route('**/api/v1/policy/ordinance-amounts?*', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        region: new URL(route.request().url()).searchParams.get('region'),
        items: [ORDINANCE],
      }),
    }),
  );
  await context.route('**/api/v1/policy/criteria', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(CRITERIA) }),
  );
}

export const ORDINANCE = {
  id: 'pi-seoul',
  title: '서울특별시 성매매피해자 등의 자립 지원 조례',
  jurisdiction: 'KR-11',
  jurisdiction_name: '서울특별시',
  amounts: { living_cost_amount: 1_000_000, living_cost_months: 24, housing_amount: 7_000_000 },
};

const criterion = (key: string, ko: string, en: string, kind: string, position: number) => ({
  key,
  label_ko: ko,
  label_en: en,
  kind,
  position,
  retired: false,
});
const CRITERIA = {
  items: [
    criterion('living_cost_amount', '생계비 지원 금액', 'Living-cost support amount', 'amount', 1),
    criterion('living_cost_months', '생계비 지원 기간', 'Living-cost support months', 'months', 2),
    criterion('housing_amount', '주거 지원 금액', 'Housing support amount', 'amount', 3),
  ],
};

const versionOf = (s: FundingSource): FundingSourceDetail['versions'][number] => ({
  version: s.version,
  name: s.name,
  year: s.year,
  budget: s.budget,
  rules: structuredClone(s.rules),
  created_at: s.created_at,
  created_by: 'u-fin',
});

function counts(e: LedgerEntry) {
  return e.status === 'paid' || e.status === 'pending_approval';
}

function withSums(f: FundsMock, s: FundingSource): FundingSource {
  const mine = f.entries.filter((e) => e.source_id === s.id);
  const spent = mine.filter((e) => e.status === 'paid').reduce((a, e) => a + e.amount, 0);
  const pending = mine
    .filter((e) => e.status === 'pending_approval')
    .reduce((a, e) => a + e.amount, 0);
  return { ...s, spent, pending, remaining: s.budget - spent - pending };
}

function balances(f: FundsMock, personId: string) {
  const mine = f.entries.filter((e) => e.person_id === personId);
  const keys = [...new Set(mine.map((e) => `${e.source_id}|${e.kind}`))];
  return keys.map((k) => {
    const [source_id, kind] = k.split('|') as [string, FundKind];
    const es = mine.filter((e) => e.source_id === source_id && e.kind === kind);
    const paid = es
      .filter((e) => e.status === 'paid' && e.amount > 0)
      .reduce((a, e) => a + e.amount, 0);
    const reversed = -es.filter((e) => e.amount < 0).reduce((a, e) => a + e.amount, 0);
    const pending = es
      .filter((e) => e.status === 'pending_approval')
      .reduce((a, e) => a + e.amount, 0);
    const rule = f.sources.find((s) => s.id === source_id)?.rules[kind];
    const cap = rule?.cap ?? null;
    return {
      source_id,
      kind,
      paid,
      reversed,
      pending,
      net: paid - reversed,
      cap,
      remaining: cap === null ? null : cap - (paid - reversed) - pending,
      months_used: monthsUsed(es),
      max_months: rule?.max_months ?? 0,
    };
  });
}

function monthsUsed(es: LedgerEntry[]): number {
  const net = new Map<string, number>();
  for (const e of es.filter(counts)) {
    if (!e.month) continue;
    net.set(e.month, (net.get(e.month) ?? 0) + e.amount);
  }
  return [...net.values()].filter((v) => v > 0).length;
}

async function fundsRoute(route: Route, state: MockState, f: FundsMock): Promise<void> {
  const req = route.request();
  const lang: 'ko' | 'en' = (req.headers()['accept-language'] ?? 'ko').startsWith('en')
    ? 'en'
    : 'ko';
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const fail = (
    status: number,
    code: string,
    ko: string,
    en: string,
    extra: Record<string, unknown> = {},
  ) => json(status, { error: { code, message: lang === 'ko' ? ko : en, fields: {}, ...extra } });
  const notFound = () => fail(404, 'not_found', '찾을 수 없습니다.', 'Not found.');
  const me = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!me) return fail(401, 'unauthenticated', '로그인이 필요합니다.', 'Please sign in.');
  const method = req.method();
  if (method !== 'GET' && req.headers()['x-csrf-token'] !== state.session!.csrf)
    return fail(403, 'forbidden', '권한이 없습니다.', 'Not allowed.');
  const may = (...roles: Role[]) => roles.some((r) => me.roles.includes(r));
  const forbidden = () => fail(403, 'forbidden', '권한이 없습니다.', 'Not allowed.');
  if (me.org_id !== f.org_id) return forbidden();
  const path = new URL(req.url()).pathname;
  const body = () =>
    req.postData() ? (JSON.parse(req.postData()!) as Record<string, unknown>) : {};
  const opened = (a: FundApplication): FundApplication => {
    if (may('case_worker', 'supervisor')) return a;
    const { reason: _hidden, ...rest } = a;
    void _hidden;
    return rest;
  };
  const personExists = (pid: string) =>
    state.caseData.people.some((p) => p.id === pid && p.org_id === me.org_id);
  const id = (prefix: string) => `${prefix}-${++f.seq}`;

  if (path === '/api/v1/funding-sources' && method === 'GET') {
    if (!may('org_admin', 'finance', 'supervisor', 'case_worker')) return forbidden();
    return json(200, { items: f.sources.map((s) => withSums(f, s)) });
  }
  if (path === '/api/v1/funding-sources' && method === 'POST') {
    if (!may('org_admin', 'finance')) return forbidden();
    const b = body() as { name?: string; year?: number; budget?: number; rules?: object };
    if (!b.name)
      return json(400, {
        error: {
          code: 'invalid',
          message: lang === 'ko' ? '입력을 확인하세요.' : 'Check the form.',
          fields: { name: lang === 'ko' ? '이름을 입력하세요.' : 'Enter a name.' },
        },
      });
    const s: FundingSource = {
      id: id('fs'),
      name: b.name,
      year: b.year ?? 0,
      budget: b.budget ?? 0,
      version: 1,
      rules: (b.rules ?? {}) as FundingSource['rules'],
      spent: 0,
      pending: 0,
      remaining: b.budget ?? 0,
      created_at: new Date().toISOString(),
    };
    f.sources.unshift(s);
    return json(201, s);
  }
  let m = path.match(/^\/api\/v1\/funding-sources\/([^/]+)$/);
  if (m) {
    const s = f.sources.find((x) => x.id === m![1]);
    if (!s) return notFound();
    if (method === 'PUT') {
      if (!may('org_admin', 'finance')) return forbidden();
      const b = body() as Pick<FundingSource, 'name' | 'year' | 'budget' | 'rules'>;
      const kept = (f.versions[s.id] ??= [versionOf(s)]);
      Object.assign(s, b, { version: s.version + 1, created_at: new Date().toISOString() });
      kept.push(versionOf(s));
      return json(200, withSums(f, s));
    }
    const totals = new Map<string, MonthlyTotal>();
    for (const e of f.entries.filter((x) => x.source_id === s.id && x.status === 'paid')) {
      const month = e.paid_on.slice(0, 7);
      const k = `${month}|${e.kind}`;
      const t = totals.get(k) ?? { month, kind: e.kind, paid: 0 };
      t.paid += e.amount;
      totals.set(k, t);
    }
    return json(200, {
      ...withSums(f, s),
      versions: f.versions[s.id] ?? [versionOf(s)],
      monthly: [...totals.values()].sort((a, b) => a.month.localeCompare(b.month)),
    });
  }
  const rm = path.match(/^\/api\/v1\/disbursements\/([^/]+)\/receipts$/);
  if (rm) {
    if (!f.entries.some((e) => e.id === rm[1])) return notFound();
    const view = (r: FundsMock['receipts'][number]) => ({
      id: r.id,
      file_name: r.file_name,
      size: r.size,
      content_type: r.type,
      uploaded_at: NOW,
      uploaded_by: me.id,
    });
    if (method === 'POST') {
      if (!may('finance', 'org_admin', 'case_worker')) return forbidden();
      const r = {
        id: id('rc'),
        entry_id: rm[1]!,
        file_name: new URL(req.url()).searchParams.get('name') ?? '',
        size: req.postDataBuffer()?.length ?? 0,
        type: req.headers()['content-type'] ?? '',
      };
      f.receipts.push(r);
      return json(201, view(r));
    }
    return json(200, { items: f.receipts.filter((r) => r.entry_id === rm[1]).map(view) });
  }
  if (path === '/api/v1/funds/settings') {
    if (method === 'PUT') {
      if (!may('org_admin', 'finance')) return forbidden();
      const v = (body() as { two_person_above?: unknown }).two_person_above;
      if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 0))
        return json(400, {
          error: {
            code: 'invalid',
            message: lang === 'ko' ? '입력을 확인하세요.' : 'Check the form.',
            fields: {
              two_person_above:
                lang === 'ko' ? '0 이상의 정수(원)여야 합니다.' : 'Must be a whole amount.',
            },
          },
        });
      f.twoPersonAbove = v;
    }
    return json(200, { two_person_above: f.twoPersonAbove });
  }

  m = path.match(/^\/api\/v1\/people\/([^/]+)\/fund-applications$/);
  if (m) {
    const pid = m[1]!;
    if (!personExists(pid)) return notFound();
    if (method === 'GET') {
      if (!may('finance', 'case_worker', 'supervisor')) return forbidden();
      return json(200, {
        items: f.applications.filter((a) => a.person_id === pid).map(opened),
      });
    }
    if (!may('case_worker', 'supervisor')) return forbidden();
    const b = body() as {
      source_id: string;
      kind: FundKind;
      amount: number;
      months: number;
      children: number;
      reason: string;
    };
    const s = f.sources.find((x) => x.id === b.source_id);
    if (!s) return notFound();
    const rule = s.rules[b.kind];
    if (!rule)
      return fail(
        400,
        'invalid',
        '이 재원은 그 항목을 지급하지 않습니다.',
        'This source does not pay that kind.',
      );
    if (b.kind === 'living_costs' && !(b.months >= 1 && b.months <= 120))
      return json(400, {
        error: {
          code: 'invalid',
          message: lang === 'ko' ? '입력을 확인하세요.' : 'Check the form.',
          fields: {
            months: lang === 'ko' ? '1~120개월로 입력하세요.' : 'Enter 1 to 120 months.',
          },
        },
      });
    const capLeft = rule.cap != null ? rule.cap - netOf(f, pid, s.id, b.kind) : null;
    if (capLeft !== null && b.amount > capLeft) return limitRefusal(fail, lang, 'cap', capLeft);
    const a: FundApplication = {
      id: id('fa'),
      person_id: pid,
      source_id: s.id,
      kind: b.kind,
      amount: b.amount,
      months: b.months,
      children: b.children ?? 0,
      status: 'pending',
      approved_amount: null,
      committee_on: null,
      rule_version: s.version,
      paid: 0,
      applied_by: me.id,
      applied_at: new Date().toISOString(),
      decided_by: null,
      decided_at: null,
      reason: b.reason,
      // She also received living costs from another member this year; her consent does not
      // let that member be named.
      ...(pid === 'p-1' && b.kind === 'living_costs'
        ? { elsewhere: [{ kind: b.kind, year: s.year, organization: null }] }
        : {}),
    };
    f.applications.push(a);
    return json(201, a);
  }
  m = path.match(/^\/api\/v1\/fund-applications\/([^/]+)\/decision$/);
  if (m) {
    if (!may('supervisor')) return forbidden();
    const a = f.applications.find((x) => x.id === m![1]);
    if (!a) return notFound();
    if (a.status !== 'pending')
      return fail(
        409,
        'conflict',
        '이미 결정된 신청입니다.',
        'This application is already decided.',
      );
    const b = body() as { approve: boolean; amount?: number; committee_on?: string };
    const rule = f.sources.find((s) => s.id === a.source_id)!.rules[a.kind]!;
    if (b.approve && rule.committee && !b.committee_on)
      return json(400, {
        error: {
          code: 'invalid',
          message: lang === 'ko' ? '입력을 확인하세요.' : 'Check the form.',
          fields: {
            committee_on:
              lang === 'ko' ? '심의위원회 결정일을 입력하세요.' : 'Enter the committee’s date.',
          },
        },
      });
    a.status = b.approve ? 'approved' : 'refused';
    a.approved_amount = b.approve ? (b.amount ?? a.amount) : null;
    a.committee_on = b.approve ? (b.committee_on ?? null) : null;
    a.decided_by = me.id;
    a.decided_at = new Date().toISOString();
    return json(200, a);
  }

  m = path.match(/^\/api\/v1\/people\/([^/]+)\/disbursements$/);
  if (m) {
    const pid = m[1]!;
    if (!personExists(pid)) return notFound();
    if (method === 'GET') {
      if (!may('finance', 'case_worker', 'supervisor')) return forbidden();
      return json(200, {
        entries: f.entries.filter((e) => e.person_id === pid),
        balances: balances(f, pid),
      });
    }
    if (!may('finance', 'supervisor')) return forbidden();
    const b = body() as {
      source_id: string;
      kind: FundKind;
      amount: number;
      paid_on: string;
      application_id?: string;
      month?: string;
      children?: number;
    };
    const s = f.sources.find((x) => x.id === b.source_id);
    if (!s) return notFound();
    const rule = s.rules[b.kind];
    if (!rule)
      return fail(
        400,
        'invalid',
        '이 재원은 그 항목을 지급하지 않습니다.',
        'This source does not pay that kind.',
      );
    const app = b.application_id
      ? f.applications.find((a) => a.id === b.application_id && a.person_id === pid)
      : undefined;
    if (b.application_id && (!app || app.status !== 'approved'))
      return fail(409, 'conflict', '승인된 신청이 아닙니다.', 'Not an approved application.');
    if (rule.committee && !app)
      return fail(
        409,
        'conflict',
        '심의위원회 결정이 필요합니다.',
        'A committee decision is needed.',
      );
    if (app && b.amount > app.approved_amount! - app.paid)
      return limitRefusal(fail, lang, 'approved', app.approved_amount! - app.paid);
    const net = netOf(f, pid, s.id, b.kind);
    if (rule.cap != null && b.amount > rule.cap - net)
      return limitRefusal(fail, lang, 'cap', rule.cap - net);
    const month = b.kind === 'living_costs' ? (b.month ?? b.paid_on.slice(0, 7)) : null;
    const children = b.kind === 'living_costs' ? (b.children ?? app?.children ?? 0) : 0;
    if (b.kind === 'living_costs') {
      const es = f.entries.filter(
        (e) => e.person_id === pid && e.source_id === s.id && e.kind === b.kind && counts(e),
      );
      const monthNet = es.filter((e) => e.month === month).reduce((a, e) => a + e.amount, 0);
      const used = monthsUsed(es);
      if (monthNet <= 0 && used >= rule.max_months!) return limitRefusal(fail, lang, 'months', 0);
      const allowed = rule.monthly! + (rule.per_child ?? 0) * children;
      if (b.amount > allowed - monthNet)
        return limitRefusal(fail, lang, 'monthly', allowed - monthNet);
    }
    const left = withSums(f, s).remaining;
    if (b.amount > left) return limitRefusal(fail, lang, 'budget', left);
    const e: LedgerEntry = {
      id: id('de'),
      person_id: pid,
      source_id: s.id,
      kind: b.kind,
      amount: b.amount,
      paid_on: b.paid_on,
      month,
      children,
      application_id: app?.id ?? null,
      reverses: null,
      reversal_reason: null,
      status:
        f.twoPersonAbove !== null && b.amount > f.twoPersonAbove ? 'pending_approval' : 'paid',
      rule_version: s.version,
      entered_by: me.id,
      entered_at: new Date().toISOString(),
      approved_by: null,
      approved_at: null,
    };
    f.entries.push(e);
    if (app) app.paid += e.amount;
    return json(201, e);
  }
  if (path === '/api/v1/disbursements/pending') {
    if (!may('finance', 'supervisor')) return forbidden();
    return json(200, { items: f.entries.filter((e) => e.status === 'pending_approval') });
  }
  m = path.match(/^\/api\/v1\/disbursements\/([^/]+)\/(approval|reversal)$/);
  if (m) {
    if (!may('finance', 'supervisor')) return forbidden();
    const e = f.entries.find((x) => x.id === m![1]);
    if (!e) return notFound();
    const b = body() as { approve?: boolean; reason?: string; amount?: number };
    if (m[2] === 'approval') {
      if (e.status !== 'pending_approval')
        return fail(409, 'conflict', '이미 결정된 지급입니다.', 'This payment is already decided.');
      if (e.entered_by === me.id)
        return fail(
          409,
          'conflict',
          '직접 입력한 지급은 다른 사람이 승인해야 합니다. 아무것도 바꾸지 않았습니다.',
          'A payment you entered must be approved by someone else. Nothing was changed.',
        );
      e.status = b.approve ? 'paid' : 'rejected';
      e.approved_by = me.id;
      e.approved_at = new Date().toISOString();
      return json(200, e);
    }
    const left =
      e.amount + f.entries.filter((x) => x.reverses === e.id).reduce((a, x) => a + x.amount, 0);
    if (e.status !== 'paid' || e.amount < 0 || left <= 0)
      return fail(409, 'conflict', '되돌릴 수 없는 기록입니다.', 'This entry cannot be reversed.');
    const r: LedgerEntry = {
      ...e,
      id: id('de'),
      amount: -(b.amount ?? left),
      reverses: e.id,
      reversal_reason: b.reason as LedgerEntry['reversal_reason'],
      entered_by: me.id,
      entered_at: new Date().toISOString(),
      approved_by: null,
      approved_at: null,
    };
    f.entries.push(r);
    return json(201, r);
  }
  return notFound();
}

function netOf(f: FundsMock, pid: string, sid: string, kind: FundKind): number {
  return f.entries
    .filter((e) => e.person_id === pid && e.source_id === sid && e.kind === kind && counts(e))
    .reduce((a, e) => a + e.amount, 0);
}

function limitRefusal(
  fail: (
    s: number,
    c: string,
    ko: string,
    en: string,
    x?: Record<string, unknown>,
  ) => Promise<void>,
  lang: 'ko' | 'en',
  name: string,
  remaining: number,
) {
  const words = LIMIT_WORDS[name]!;
  const left =
    name === 'months'
      ? { ko: `남은 개월: ${remaining}`, en: `Months left: ${remaining}` }
      : { ko: `남은 금액: ${won(remaining, 'ko')}`, en: `Left: ${won(remaining, 'en')}` };
  return fail(
    409,
    name === 'budget' ? 'budget_exceeded' : 'rule_exceeded',
    `${words.ko} 아무것도 기록하지 않았습니다. ${left.ko}`,
    `${words.en} Nothing was recorded. ${left.en}`,
    { limit: { name, remaining } },
  );
}
