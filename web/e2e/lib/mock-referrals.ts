// A stand-in for the network directory, her exclusions and referrals (docs/api-referrals.md)
// for the UI-only suites, answered by lib/mock-api.ts after its session checks, with its
// people, consents and cases. Like the server: a send
// or an accept is refused with 409 consent_required unless an active referral_sharing consent
// of hers names the receiver and covers every shared field, 409 excluded when she excluded the
// receiver or a region it serves; the receiver sees no person or case until it accepts, and
// then gets only the shared fields; a third organization gets 404.
// Answers are built in the web app's API types (src/api), so a change there that the mock
// does not follow fails the type check.
import type { Route } from 'playwright-core';
import {
  DECLINE_REASONS,
  OUTCOME_REASONS,
  REFERRAL_OUTCOMES,
  SHARE_FIELDS,
  type Accepted,
  type DirectoryEntry,
  type DirectoryProfile,
  type Exclusion,
  type NewExclusion,
  type NewExternalReferral,
  type NewNetworkReferral,
  type Page,
  type Referral,
  type ReferralCounts,
  type ReferralStatistics,
  type Region,
} from '../../src/api';
import type { CaseData } from './mock-cases';
import type { MockState } from './mock-api';

type Person = CaseData['people'][number];

export interface StoredReferral {
  id: string;
  kind: Referral['kind'];
  status: Referral['status'];
  from_org_id: string;
  to_org_id: string | null;
  external: Referral['external'];
  services: Referral['services'];
  urgency: Referral['urgency'];
  note: string | null;
  share: Referral['share'];
  person_id: string; // the sender's
  case_id: string; // the sender's
  receiver_person_id: string | null;
  receiver_case_id: string | null;
  sent_at: string;
  sent_by: string;
  answered_at: string | null;
  decline_reason: Referral['decline_reason'];
  decline_note: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  completed_at: string | null;
  outcome: Referral['outcome'];
  outcome_reason: Referral['outcome_reason'];
  override: Referral['override'];
}

export interface ReferralMock {
  directory: Omit<DirectoryEntry, 'excluded'>[];
  exclusions: (Exclusion & { person_id: string })[];
  referrals: StoredReferral[];
  seq: number;
}

const seoulDay = (instant: string) =>
  new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function initialReferrals(): ReferralMock {
  return {
    directory: [
      {
        org_id: 'o-seoul',
        name: '서울여성상담소',
        kind: 'counseling_center',
        facility_type: null,
        regions: ['KR-11'],
        services: ['counseling', 'legal_assistance', 'court_accompaniment'],
        languages: ['ko', 'en'],
        accepting: true,
        intake_contact: '02-000-0000 (평일 9-18시)',
        response_days: 3,
        free_beds: null,
      },
      {
        org_id: 'o-busan',
        name: '부산 쉼터',
        kind: 'support_facility',
        facility_type: 'general',
        regions: ['KR-26', 'KR-48'],
        services: ['housing_support', 'counseling', 'medical'],
        languages: ['ko', 'vi'],
        accepting: true,
        intake_contact: '051-000-0000 (24시간)',
        response_days: 2,
        free_beds: 4,
      },
      {
        org_id: 'o-sec',
        name: '전국연대 사무국',
        kind: 'secretariat',
        facility_type: null,
        regions: ['KR-11'],
        services: ['legal_assistance'],
        languages: ['ko'],
        accepting: false,
        intake_contact: '',
        response_days: 5,
        free_beds: null,
      },
    ],
    exclusions: [],
    referrals: [],
    seq: 100,
  };
}

const MESSAGES = {
  invalid: { ko: '입력한 내용을 확인하세요.', en: 'Please check what you entered.' },
  required: { ko: '필수 항목입니다.', en: 'Required.' },
  unknown: { ko: '알 수 없는 값입니다.', en: 'Unknown value.' },
  own: {
    ko: '우리 기관으로는 의뢰할 수 없습니다.',
    en: 'A referral cannot go to one’s own organization.',
  },
  one: { ko: '기관이나 지역 중 하나만 고르세요.', en: 'Give exactly one organization or region.' },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  days: { ko: '1부터 10 사이여야 합니다.', en: 'Must be between 1 and 10.' },
  forbidden: { ko: '권한이 없습니다.', en: 'Not allowed.' },
  consent_required: {
    ko: '본인의 정보 제공 동의가 없습니다.',
    en: 'She has not consented to this sharing.',
  },
  excluded: {
    ko: '본인이 제외한 기관이나 지역입니다.',
    en: 'She excluded this organization or region.',
  },
  conflict: { ko: '지금 상태에서는 할 수 없습니다.', en: 'Not possible in the current state.' },
} as const;
type Msg = keyof typeof MESSAGES;

// Whether the request is one of the directory, exclusion or referral endpoints.
export function isReferralPath(path: string): boolean {
  return (
    path === '/api/v1/directory' ||
    path.startsWith('/api/v1/directory/') ||
    path === '/api/v1/referrals' ||
    path.startsWith('/api/v1/referrals/') ||
    /^\/api\/v1\/people\/[^/]+\/exclusions(\/|$)/.test(path)
  );
}

// Answers a request isReferralPath accepted, for lib/mock-api.ts (after its session checks).
export async function handleReferralApi(route: Route, state: MockState): Promise<void> {
  const m = state.referrals;
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname;
  const method = req.method();
  const lang: 'ko' | 'en' = (req.headers()['accept-language'] ?? 'ko').startsWith('en')
    ? 'en'
    : 'ko';
  const json = (status: number, body?: unknown) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      body: body === undefined ? '' : JSON.stringify(body),
    });
  const fail = (status: number, code: string, msg: Msg, fields: Record<string, Msg> = {}) =>
    json(status, {
      error: {
        code,
        message: MESSAGES[msg][lang],
        fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, MESSAGES[v][lang]])),
      },
    });
  const body = <T extends object>(): Partial<T> => {
    const raw = req.postData();
    return raw ? (JSON.parse(raw) as Partial<T>) : {};
  };
  const me = state.accounts.find((a) => a.id === state.session?.user_id);
  if (!me) return fail(404, 'not_found', 'not_found');
  const d = state.caseData;
  const caseRole = me.roles.includes('case_worker') || me.roles.includes('supervisor');
  const personOf = (id: string) => d.people.find((p) => p.id === id && p.org_id === me.org_id);
  const excludes = (personId: string, e: Pick<DirectoryEntry, 'org_id' | 'regions'>) =>
    m.exclusions.some(
      (x) =>
        x.person_id === personId &&
        (x.org_id === e.org_id || (x.region !== null && e.regions.includes(x.region))),
    );

  // The directory.
  if (path === '/api/v1/directory' && method === 'GET') {
    const service = url.searchParams.get('service');
    const region = url.searchParams.get('region');
    const language = url.searchParams.get('language');
    const accepting = url.searchParams.get('accepting') === 'true';
    const personId = url.searchParams.get('person_id');
    if (personId && (!caseRole || !personOf(personId))) return fail(404, 'not_found', 'not_found');
    const items = m.directory
      .filter(
        (e) =>
          (!service || (e.services as string[]).includes(service)) &&
          (!region || (e.regions as string[]).includes(region)) &&
          (!language || e.languages.includes(language)) &&
          (!accepting || e.accepting),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'ko'))
      .map((e): DirectoryEntry => (personId ? { ...e, excluded: excludes(personId, e) } : e));
    return json(200, { items, next_cursor: null } satisfies Page<DirectoryEntry>);
  }
  let found = path.match(/^\/api\/v1\/directory\/([^/]+)$/);
  if (found && method === 'GET') {
    const e = m.directory.find((x) => x.org_id === found![1]);
    return e ? json(200, e satisfies DirectoryEntry) : fail(404, 'not_found', 'not_found');
  }

  if (path === '/api/v1/directory/profile' && method === 'PUT') {
    if (!me.roles.includes('org_admin')) return fail(403, 'forbidden', 'forbidden');
    const own = m.directory.find((e) => e.org_id === me.org_id);
    if (!own) return fail(404, 'not_found', 'not_found');
    const b = body<DirectoryProfile>();
    const fields: Record<string, Msg> = {};
    for (const k of ['regions', 'services', 'languages'] as const)
      if (!Array.isArray(b[k])) fields[k] = 'required';
    if (typeof b.accepting !== 'boolean') fields.accepting = 'required';
    if (typeof b.intake_contact !== 'string') fields.intake_contact = 'required';
    const days = b.response_days;
    if (!Number.isInteger(days) || days! < 1 || days! > 10) fields.response_days = 'days';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    Object.assign(own, b);
    return json(200, own satisfies DirectoryEntry);
  }

  if (!caseRole) return fail(404, 'not_found', 'not_found');

  // Her exclusions.
  found = path.match(/^\/api\/v1\/people\/([^/]+)\/exclusions(?:\/([^/]+))?$/);
  if (found) {
    const p = personOf(found[1]!);
    if (!p) return fail(404, 'not_found', 'not_found');
    const view = ({ person_id: _p, ...e }: ReferralMock['exclusions'][number]): Exclusion => e;
    if (!found[2] && method === 'GET')
      return json(200, {
        items: m.exclusions.filter((x) => x.person_id === p.id).map(view),
      } satisfies { items: Exclusion[] });
    if (!found[2] && method === 'POST') {
      const b = body<{ org_id: string; region: Region }>() as Partial<NewExclusion> & {
        org_id?: string;
        region?: Region;
      };
      if (Boolean(b.org_id) === Boolean(b.region))
        return fail(400, 'invalid', 'invalid', { org_id: 'one', region: 'one' });
      const org = b.org_id ? m.directory.find((e) => e.org_id === b.org_id) : null;
      if (b.org_id && !org) return fail(400, 'invalid', 'invalid', { org_id: 'unknown' });
      const x = {
        id: `x-${++m.seq}`,
        person_id: p.id,
        org_id: org?.org_id ?? null,
        org_name: org?.name ?? null,
        region: b.region ?? null,
        created_at: now(),
      };
      m.exclusions.push(x);
      return json(201, view(x));
    }
    if (found[2] && method === 'DELETE') {
      const i = m.exclusions.findIndex((x) => x.id === found![2] && x.person_id === p.id);
      if (i < 0) return fail(404, 'not_found', 'not_found');
      m.exclusions.splice(i, 1);
      await route.fulfill({ status: 204 });
      return;
    }
  }

  // Referrals.
  const side = (r: StoredReferral) =>
    r.from_org_id === me.org_id ? 'outgoing' : r.to_org_id === me.org_id ? 'incoming' : null;
  const orgRef = (id: string) => ({
    id,
    name: state.orgs.find((o) => o.id === id)?.name ?? '',
  });
  const view = (r: StoredReferral): Referral => {
    const direction = side(r)!;
    const sender = d.people.find((p) => p.id === r.person_id)!;
    const ownPerson = direction === 'outgoing' ? r.person_id : r.receiver_person_id;
    const ownCase = direction === 'outgoing' ? r.case_id : r.receiver_case_id;
    const p = ownPerson ? d.people.find((x) => x.id === ownPerson) : undefined;
    const c = ownCase ? d.cases.find((x) => x.id === ownCase) : undefined;
    const responseDays = m.directory.find((e) => e.org_id === r.to_org_id)?.response_days ?? 3;
    const due = new Date(
      Date.parse(r.sent_at) + (r.urgency === 'urgent' ? 4 * 3600_000 : responseDays * 86400_000),
    ).toISOString();
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      direction,
      from_org: orgRef(r.from_org_id),
      to_org: r.to_org_id ? orgRef(r.to_org_id) : null,
      external: r.external,
      services: r.services,
      urgency: r.urgency,
      note: r.note,
      share: r.share,
      age_band: sender.age_band,
      languages: sender.languages,
      region: state.orgs.find((o) => o.id === r.from_org_id)?.region ?? null,
      sent_at: r.sent_at,
      sent_by: r.sent_by,
      answer_due_at: r.external ? null : due.replace(/\.\d{3}Z$/, 'Z'),
      overdue: r.status === 'sent' && !r.external && Date.parse(due) < Date.now(),
      answered_at: r.answered_at,
      decline_reason: r.decline_reason,
      decline_note: r.decline_note,
      withdrawn_at: r.withdrawn_at,
      withdraw_reason: r.withdraw_reason,
      completed_at: r.completed_at,
      outcome: r.outcome,
      outcome_reason: r.outcome_reason,
      override: r.override,
      person: p ? { id: p.id, code: p.code, alias: p.alias } : null,
      case: c ? { id: c.id, number: c.number } : null,
    };
  };
  // Whether an active referral_sharing consent of hers names the receiver and covers `share`.
  const consented = (
    personId: string,
    to: { org_id?: string; external?: string },
    share: string[],
  ) =>
    d.consents.some(
      (k) =>
        k.person_id === personId &&
        k.kind === 'referral_sharing' &&
        k.state === 'active' &&
        (to.org_id ? k.scope.org_id === to.org_id : k.scope.external === to.external) &&
        share.every((f) => (k.scope.fields ?? []).includes(f)),
    );

  if (path === '/api/v1/referrals/statistics' && method === 'GET') {
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to))
      return fail(400, 'invalid', 'invalid', { from: 'required', to: 'required' });
    const counts = (direction: 'incoming' | 'outgoing'): ReferralCounts => {
      const mine = m.referrals.filter((r) => {
        const day = seoulDay(r.sent_at);
        return side(r) === direction && day >= from && day <= to;
      });
      const tally = <K extends string>(key: (r: StoredReferral) => K | null) => {
        const out: Partial<Record<K, number>> = {};
        for (const r of mine) {
          const k = key(r);
          if (k !== null) out[k] = (out[k] ?? 0) + 1;
        }
        return out;
      };
      const hours = mine
        .filter((r) => r.answered_at)
        .map((r) => (Date.parse(r.answered_at!) - Date.parse(r.sent_at)) / 3_600_000)
        .sort((a, b) => a - b);
      const mid = Math.floor(hours.length / 2);
      return {
        total: mine.length,
        by_status: tally((r) => r.status),
        by_outcome: tally((r) => r.outcome),
        median_hours_to_answer: hours.length
          ? hours.length % 2
            ? hours[mid]!
            : (hours[mid - 1]! + hours[mid]!) / 2
          : null,
      };
    };
    return json(200, {
      outgoing: counts('outgoing'),
      incoming: counts('incoming'),
    } satisfies ReferralStatistics);
  }
  if (path === '/api/v1/referrals' && method === 'GET') {
    const direction = url.searchParams.get('direction');
    const status = url.searchParams.get('status');
    const items = m.referrals
      .filter((r) => side(r) && (!direction || side(r) === direction))
      .filter((r) => !status || r.status === status)
      .sort((a, b) => b.sent_at.localeCompare(a.sent_at) || b.id.localeCompare(a.id))
      .map(view);
    return json(200, { items, next_cursor: null } satisfies Page<Referral>);
  }
  if (path === '/api/v1/referrals' && method === 'POST') {
    const b = body<NewNetworkReferral & NewExternalReferral>();
    const fields: Record<string, Msg> = {};
    if (!b.services?.length) fields.services = 'required';
    if (b.urgency !== 'routine' && b.urgency !== 'urgent') fields.urgency = 'unknown';
    if ((b.share ?? []).some((f) => !(SHARE_FIELDS as readonly string[]).includes(f)))
      fields.share = 'unknown';
    if (!b.external && b.to_org_id === me.org_id) fields.to_org_id = 'own';
    if (b.external && !b.external.name?.trim()) fields['external.name'] = 'required';
    if (!b.external && b.kind !== 'referral' && b.kind !== 'transfer') fields.kind = 'unknown';
    if (b.life_danger_override && !b.life_danger_override.reason?.trim())
      fields['life_danger_override.reason'] = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const c = d.cases.find((x) => x.id === b.case_id && x.org_id === me.org_id);
    const receiver = b.external ? null : m.directory.find((e) => e.org_id === b.to_org_id);
    if (!c || (!b.external && !receiver)) return fail(404, 'not_found', 'not_found');
    if (receiver && excludes(c.person_id, receiver)) return fail(409, 'excluded', 'excluded');
    const share = b.share ?? [];
    if (b.life_danger_override && !me.roles.includes('supervisor'))
      return fail(403, 'forbidden', 'forbidden');
    const needsConsent = b.external ? share.length > 0 : !b.life_danger_override;
    const to = b.external ? { external: b.external.name } : { org_id: b.to_org_id };
    if (needsConsent && !consented(c.person_id, to, share))
      return fail(409, 'consent_required', 'consent_required');
    if (c.status !== 'open') return fail(409, 'conflict', 'conflict');
    if (receiver && !receiver.accepting) return fail(409, 'conflict', 'conflict');
    if (
      receiver &&
      m.referrals.some(
        (r) =>
          r.case_id === c.id &&
          r.to_org_id === receiver.org_id &&
          (r.status === 'sent' || r.status === 'accepted'),
      )
    )
      return fail(409, 'conflict', 'conflict');
    const r: StoredReferral = {
      id: `r-${++m.seq}`,
      kind: b.external ? 'referral' : b.kind!,
      status: 'sent',
      from_org_id: me.org_id,
      to_org_id: receiver?.org_id ?? null,
      external: b.external ?? null,
      services: b.services!,
      urgency: b.urgency!,
      note: b.note ?? null,
      share,
      person_id: c.person_id,
      case_id: c.id,
      receiver_person_id: null,
      receiver_case_id: null,
      sent_at: now(),
      sent_by: me.display_name,
      answered_at: null,
      decline_reason: null,
      decline_note: null,
      withdrawn_at: null,
      withdraw_reason: null,
      completed_at: null,
      outcome: null,
      outcome_reason: null,
      override: b.life_danger_override
        ? { reason: b.life_danger_override.reason, by: me.display_name, at: now() }
        : null,
    };
    m.referrals.push(r);
    return json(201, view(r));
  }
  found = path.match(/^\/api\/v1\/referrals\/([^/]+)(?:\/([a-z]+))?$/);
  if (!found) return fail(404, 'not_found', 'not_found');
  const r = m.referrals.find((x) => x.id === found![1]);
  const direction = r ? side(r) : null;
  if (!r || !direction) return fail(404, 'not_found', 'not_found');
  const action = found[2];
  if (!action && method === 'GET') return json(200, view(r));
  if (action === 'letter' && method === 'GET') {
    if (direction !== 'outgoing') return fail(404, 'not_found', 'not_found');
    await route.fulfill({
      status: 200,
      contentType: 'application/pdf',
      body: '%PDF-1.4\n% 의뢰서\n%%EOF\n',
    });
    return;
  }
  if (method !== 'POST') return fail(404, 'not_found', 'not_found');
  const b = body<{ reason: string; note: string; outcome: string }>();
  if (action === 'accept') {
    if (direction !== 'incoming') return fail(404, 'not_found', 'not_found');
    if (r.status !== 'sent') return fail(409, 'conflict', 'conflict');
    const receiver = m.directory.find((e) => e.org_id === r.to_org_id)!;
    const refusal: Msg | null = excludes(r.person_id, receiver)
      ? 'excluded'
      : !r.override && !consented(r.person_id, { org_id: receiver.org_id }, r.share)
        ? 'consent_required'
        : null;
    if (refusal) {
      Object.assign(r, {
        status: 'withdrawn',
        withdrawn_at: now(),
      } satisfies Partial<StoredReferral>);
      return fail(409, refusal, refusal);
    }
    const sender = d.people.find((p) => p.id === r.person_id)!;
    const shared = <K extends keyof Person>(k: K & string, empty: Person[K]): Person[K] =>
      r.share.includes(k as (typeof r.share)[number]) ? sender[k] : empty;
    const n = d.people.filter((p) => p.org_id === me.org_id).length + 1;
    const person: Person = {
      id: `p-${++d.seq}`,
      org_id: me.org_id,
      code: `RECV-2026-${String(n).padStart(4, '0')}`,
      legal_name: shared('legal_name', ''),
      alias: shared('alias', null),
      birth_date: shared('birth_date', null),
      age_band: sender.age_band,
      phone: shared('phone', null),
      safe_contact: shared('safe_contact', null),
      nationality: shared('nationality', null),
      languages: sender.languages,
      categories: shared('categories', []),
      created_at: now(),
      updated_at: now(),
    };
    d.people.push(person);
    const from = d.cases.find((x) => x.id === r.case_id)!;
    const kase: CaseData['cases'][number] = {
      ...from,
      id: `c-${++d.seq}`,
      org_id: me.org_id,
      number: `RECV-C-2026-${String(n).padStart(4, '0')}`,
      person_id: person.id,
      intake_channel: 'member_referral',
      summary: r.note ?? '',
      safety_plan: null,
      restricted: false,
      assigned: [{ user_id: me.id, display_name: me.display_name }],
      opened_at: now(),
      last_contact_at: null,
      updated_at: now(),
    };
    d.cases.push(kase);
    if (r.kind === 'transfer')
      Object.assign(from, { status: 'closed', closed_at: now(), closure_reason: 'referred' });
    Object.assign(r, {
      status: 'accepted',
      answered_at: now(),
      receiver_person_id: person.id,
      receiver_case_id: kase.id,
    } satisfies Partial<StoredReferral>);
    return json(200, {
      id: r.id,
      status: 'accepted',
      person_id: person.id,
      case_id: kase.id,
    } satisfies Accepted);
  }
  if (action === 'decline') {
    if (direction !== 'incoming') return fail(404, 'not_found', 'not_found');
    if (!(DECLINE_REASONS as readonly string[]).includes(b.reason ?? ''))
      return fail(400, 'invalid', 'invalid', { reason: 'required' });
    if (r.status !== 'sent') return fail(409, 'conflict', 'conflict');
    Object.assign(r, {
      status: 'declined',
      answered_at: now(),
      decline_reason: b.reason as StoredReferral['decline_reason'],
      decline_note: b.note ?? null,
    } satisfies Partial<StoredReferral>);
    return json(200, view(r));
  }
  if (action === 'withdraw') {
    if (direction !== 'outgoing') return fail(404, 'not_found', 'not_found');
    if (r.status !== 'sent') return fail(409, 'conflict', 'conflict');
    Object.assign(r, {
      status: 'withdrawn',
      withdrawn_at: now(),
      withdraw_reason: b.reason ?? null,
    } satisfies Partial<StoredReferral>);
    return json(200, view(r));
  }
  if (action === 'complete') {
    const fields: Record<string, Msg> = {};
    if (!(REFERRAL_OUTCOMES as readonly string[]).includes(b.outcome ?? ''))
      fields.outcome = 'required';
    if (
      b.outcome === 'unsuccessful' &&
      !(OUTCOME_REASONS as readonly string[]).includes(b.reason ?? '')
    )
      fields.reason = 'required';
    if (Object.keys(fields).length) return fail(400, 'invalid', 'invalid', fields);
    const open =
      r.status === 'accepted' ||
      (r.external !== null && r.status === 'sent' && direction === 'outgoing');
    if (!open) return fail(409, 'conflict', 'conflict');
    Object.assign(r, {
      status: 'completed',
      completed_at: now(),
      outcome: b.outcome as StoredReferral['outcome'],
      outcome_reason: (b.reason ?? null) as StoredReferral['outcome_reason'],
    } satisfies Partial<StoredReferral>);
    return json(200, view(r));
  }
  return fail(404, 'not_found', 'not_found');
}
