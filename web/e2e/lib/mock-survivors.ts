// A mock of the survivors' network API (docs/api-survivors.md) for the browser tests: one
// network with two groups, members known by alias (a legal name kept, as the server seals it,
// and sent only in a coordinator's read of one member), meetings with sealed places and
// attendance by alias, peer contacts, statements with their signers and the minimum. Who asks
// is read from the session mock (mock-api.ts): the organization's admin is a coordinator; a
// member account acts as her linked member. Every request is recorded.
import type { BrowserContext, Route } from 'playwright-core';
import type {
  Member,
  MeetingAttendance,
  MyPage,
  NetworkRole,
  NetworkStatement,
  PeerContact,
  SurvivorGroup,
} from '../../src/api';
import { SECRETS, type MockState } from './mock-api';

type StoredMember = Member & {
  legal_name: string | null;
  contact: string | null;
  safe_contact: string | null;
};
type StoredMeeting = {
  id: string;
  group_id: string;
  starts_at: string;
  topic: string;
  place: string;
  facilitator_id: string | null;
  attended: Set<string>;
  anonymous: number;
};
type StoredStatement = Omit<NetworkStatement, 'signatures' | 'signed' | 'minimum' | 'on_site'> & {
  signers: Set<string>;
};

export interface SurvivorsMock {
  minimum: number;
  groups: { id: string; name: string; region: string; created_at: string }[];
  members: StoredMember[];
  meetings: StoredMeeting[];
  contacts: PeerContact[];
  statements: StoredStatement[];
  gathering: MyPage['gathering'];
  requests: { method: string; path: string }[];
  seq: number;
}

export const SURVIVORS_ORG = {
  id: 'o-moongchi',
  slug: 'moongchi',
  name: '뭉치',
  kind: 'survivor_network' as const,
  region: 'KR-11' as const,
  created_at: '2026-01-01T00:00:00Z',
};

const day = 86_400_000;
const at = (days: number, hourKst: number) => {
  const d = new Date(Date.now() + days * day);
  d.setUTCHours(hourKst - 9, 0, 0, 0);
  return d.toISOString().replace('.000', '');
};

function member(
  id: string,
  alias: string,
  group: { id: string; name: string },
  roles: NetworkRole[],
  legal: string,
  account: string | null,
): StoredMember {
  return {
    id,
    alias,
    group,
    joined_on: '2025-04-01',
    roles,
    vouched_by: null,
    account_user_id: account,
    status: 'active',
    legal_name: legal,
    contact: '010-1111-2222',
    safe_contact: '문자만 주세요',
    created_at: '2025-04-01T00:00:00Z',
  };
}

export function initialSurvivors(): SurvivorsMock {
  const seoul = { id: 'g-seoul', name: '서울 자조모임' };
  const busan = { id: 'g-busan', name: '부산 자조모임' };
  return {
    minimum: 3,
    groups: [
      { ...seoul, region: 'KR-11', created_at: '2025-01-01T00:00:00Z' },
      { ...busan, region: 'KR-26', created_at: '2025-01-01T00:00:00Z' },
    ],
    members: [
      member('m-coord', '해바라기', seoul, ['member', 'coordinator'], '최해원', null),
      member('m-fac', '들꽃', seoul, ['member', 'facilitator'], '김들녘', 'u-facilitator'),
      member('m-me', '봄비', seoul, ['member'], '박서연', 'u-member'),
      member('m-peer', '바람', busan, ['member', 'peer_supporter'], '이바람', null),
      member('m-b', '새벽', busan, ['member', 'facilitator'], '정새벽', null),
    ],
    meetings: [
      {
        id: 'mt-next',
        group_id: 'g-seoul',
        starts_at: at(3, 19),
        topic: '봄맞이 이야기 모임',
        place: '마포구 작은 카페 2층',
        facilitator_id: 'm-fac',
        attended: new Set(),
        anonymous: 0,
      },
      {
        id: 'mt-later',
        group_id: 'g-seoul',
        starts_at: at(17, 19),
        topic: '자립 경험 나누기',
        place: '마포구 작은 카페 2층',
        facilitator_id: 'm-fac',
        attended: new Set(),
        anonymous: 0,
      },
      {
        id: 'mt-past',
        group_id: 'g-seoul',
        starts_at: at(-11, 19),
        topic: '새해 인사',
        place: '서울 어딘가',
        facilitator_id: 'm-fac',
        attended: new Set(['m-me', 'm-fac']),
        anonymous: 1,
      },
    ],
    contacts: [
      {
        id: 'pc-1',
        date: '2026-02-10',
        region: 'KR-26',
        mode: 'phone',
        minutes: 40,
        note: '다음 주에 다시 통화하기로 함',
        supporter: { id: 'm-peer', alias: '바람' },
        created_at: '2026-02-10T09:00:00Z',
      },
    ],
    statements: [
      {
        id: 'st-open',
        title_ko: '성매매 피해자 비범죄화를 요구합니다',
        title_en: 'We demand the decriminalization of victims of prostitution',
        body_ko: '우리는 처벌이 아니라 지원을 원합니다.\n\n함께 목소리를 냅니다.',
        body_en: 'We want support, not punishment.\n\nWe speak together.',
        status: 'open',
        created_at: '2026-02-01T00:00:00Z',
        published_at: null,
        signers: new Set(['m-fac']),
      },
      {
        id: 'st-draft',
        title_ko: '전국 모임 선언문 (초안)',
        title_en: '',
        body_ko: '초안입니다.',
        body_en: '',
        status: 'draft',
        created_at: '2026-02-05T00:00:00Z',
        published_at: null,
        signers: new Set(),
      },
    ],
    gathering: {
      id: 'ev-gathering',
      title_ko: '2026 전국 당사자 모임',
      title_en: '2026 national gathering',
      starts_at: at(40, 13),
      date: '',
      venue: '대전 어느 수련원',
    },
    requests: [],
    seq: 1,
  };
}

const ERR = (code: string, message: string, fields: Record<string, string> = {}) => ({
  error: { code, message, fields },
});

export async function installSurvivorsMock(
  context: BrowserContext,
  state: MockState,
  m: SurvivorsMock,
): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/survivors'),
    (route) => handle(route, state, m),
  );
}

function groupView(m: SurvivorsMock, g: SurvivorsMock['groups'][number]): SurvivorGroup {
  const active = m.members.filter((x) => x.status === 'active' && x.group.id === g.id);
  return {
    ...g,
    facilitators: active
      .filter((x) => x.roles.includes('facilitator'))
      .map((x) => ({ id: x.id, alias: x.alias })),
    member_count: active.length,
  };
}

function listView(x: StoredMember): Member {
  const { legal_name: _l, contact: _c, safe_contact: _s, ...rest } = x;
  return rest;
}

function statementView(m: SurvivorsMock, s: StoredStatement, me: string | null): NetworkStatement {
  const { signers, ...rest } = s;
  return {
    ...rest,
    signatures: signers.size,
    minimum: m.minimum,
    on_site: s.status === 'published' && signers.size >= m.minimum,
    signed: me ? signers.has(me) : false,
  };
}

function attendanceView(m: SurvivorsMock, mt: StoredMeeting): MeetingAttendance {
  const items = [...mt.attended].map((id) => ({
    member_id: id,
    alias: m.members.find((x) => x.id === id)?.alias ?? '',
  }));
  return { items, anonymous: mt.anonymous, count: items.length + mt.anonymous };
}

function meetingView(m: SurvivorsMock, mt: StoredMeeting) {
  const g = m.groups.find((x) => x.id === mt.group_id)!;
  const f = m.members.find((x) => x.id === mt.facilitator_id);
  return {
    id: mt.id,
    group: { id: g.id, name: g.name },
    starts_at: mt.starts_at,
    date: new Date(new Date(mt.starts_at).getTime() + 9 * 3_600_000).toISOString().slice(0, 10),
    topic: mt.topic,
    facilitator: f ? { id: f.id, alias: f.alias } : null,
    place: mt.place,
    attendance_count: mt.attended.size + mt.anonymous,
  };
}

async function handle(route: Route, state: MockState, m: SurvivorsMock): Promise<void> {
  const req = route.request();
  const path = new URL(req.url()).pathname.replace('/api/v1/survivors', '');
  const query = new URL(req.url()).searchParams;
  const method = req.method();
  m.requests.push({ method, path });
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const notFound = () => json(404, ERR('not_found', '찾을 수 없습니다.'));
  const roleRequired = () =>
    json(403, ERR('forbidden', '당사자 네트워크에서 이 일을 할 역할이 없습니다.'));
  const body = (method !== 'GET' && req.postData() ? req.postDataJSON() : {}) as Record<
    string,
    unknown
  >;

  const account = state.session
    ? state.accounts.find((a) => a.id === state.session!.user_id)
    : undefined;
  if (!account) return json(401, ERR('unauthenticated', '로그인이 필요합니다.'));
  if (account.org_id !== SURVIVORS_ORG.id) return notFound();
  if (method !== 'GET' && req.headers()['x-csrf-token'] !== state.session!.csrf)
    return json(403, ERR('csrf', '보안 토큰이 맞지 않습니다.'));
  const self = m.members.find((x) => x.status === 'active' && x.account_user_id === account.id);
  const admin = account.roles.includes('org_admin');
  if (!admin && !self) return json(403, ERR('forbidden', '회원 정보와 이어지지 않은 계정입니다.'));
  const coordinator = admin || Boolean(self?.roles.includes('coordinator'));
  const facilitates = (groupId: string) =>
    coordinator || Boolean(self?.roles.includes('facilitator') && self.group.id === groupId);

  // Her own page.
  if (path === '/me' && method === 'GET') {
    if (!self) return roleRequired();
    const g = m.groups.find((x) => x.id === self.group.id) ?? null;
    const now = Date.now();
    const page: MyPage = {
      member: { id: self.id, alias: self.alias, roles: self.roles, joined_on: self.joined_on },
      group: g ? { id: g.id, name: g.name, region: g.region } : null,
      meetings: m.meetings
        .filter((x) => x.group_id === self.group.id && new Date(x.starts_at).getTime() > now)
        .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
        .map((x) => {
          const v = meetingView(m, x);
          return { id: v.id, starts_at: v.starts_at, date: v.date, topic: v.topic, place: v.place };
        }),
      gathering: m.gathering,
      statements: m.statements
        .filter((s) => s.status === 'open' || s.status === 'published')
        .map((s) => {
          const v = statementView(m, s, self.id);
          return {
            id: v.id,
            title_ko: v.title_ko,
            title_en: v.title_en,
            body_ko: v.body_ko,
            body_en: v.body_en,
            status: v.status,
            signed: v.signed,
          };
        }),
      contact: { contact: self.contact, safe_contact: self.safe_contact },
    };
    return json(200, page);
  }
  if (path === '/me/contact' && method === 'PATCH') {
    if (!self) return roleRequired();
    if (typeof body.contact === 'string') self.contact = body.contact || null;
    if (typeof body.safe_contact === 'string') self.safe_contact = body.safe_contact || null;
    return json(200, { contact: self.contact, safe_contact: self.safe_contact });
  }
  const sig = path.match(/^\/statements\/([^/]+)\/signature$/);
  if (sig) {
    const s = m.statements.find((x) => x.id === sig[1]);
    if (!s || !self || !['open', 'published'].includes(s.status)) return notFound();
    if (method === 'PUT') s.signers.add(self.id);
    else s.signers.delete(self.id);
    return json(200, statementView(m, s, self.id));
  }

  if (path === '/settings') {
    if (!coordinator) return roleRequired();
    if (method === 'PUT') {
      const n = body.statement_minimum;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 100000)
        return json(
          400,
          ERR('invalid', '입력한 내용을 확인하세요.', {
            statement_minimum: '1에서 100000 사이의 정수여야 합니다.',
          }),
        );
      m.minimum = n;
    }
    return json(200, { statement_minimum: m.minimum });
  }

  if (path === '/groups') {
    if (method === 'GET')
      return json(200, {
        items: [...m.groups]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((g) => groupView(m, g)),
      });
    if (!coordinator) return roleRequired();
    if (!body.name || !body.region)
      return json(400, ERR('invalid', '입력한 내용을 확인하세요.', { name: '필수 항목입니다.' }));
    const g = {
      id: `g-${m.seq++}`,
      name: String(body.name),
      region: String(body.region),
      created_at: new Date().toISOString(),
    };
    m.groups.push(g);
    return json(201, groupView(m, g));
  }

  if (path === '/members') {
    if (method === 'GET') {
      if (!coordinator && !self?.roles.includes('facilitator')) return roleRequired();
      const groupId = query.get('group_id');
      const items = m.members
        .filter((x) => x.status === 'active')
        .filter((x) => (coordinator ? !groupId || x.group.id === groupId : facilitates(x.group.id)))
        .sort((a, b) => a.alias.localeCompare(b.alias))
        .map(listView);
      return json(200, { items });
    }
    const groupId = String(body.group_id ?? '');
    const g = m.groups.find((x) => x.id === groupId);
    if (!g)
      return json(
        400,
        ERR('invalid', '입력한 내용을 확인하세요.', { group_id: '모임을 고르세요.' }),
      );
    if (!facilitates(groupId)) return roleRequired();
    if (!body.alias)
      return json(400, ERR('invalid', '입력한 내용을 확인하세요.', { alias: '필수 항목입니다.' }));
    if (m.members.some((x) => x.status === 'active' && x.alias === body.alias))
      return json(409, ERR('conflict', '이미 쓰이는 별칭입니다.'));
    let voucher = self && !coordinator ? self : undefined;
    const founding = !m.members.some(
      (x) => x.status === 'active' && x.group.id === groupId && x.roles.includes('facilitator'),
    );
    if (coordinator && !founding) {
      voucher = m.members.find(
        (x) =>
          x.id === body.vouched_by &&
          x.status === 'active' &&
          x.group.id === groupId &&
          x.roles.includes('facilitator'),
      );
      if (!voucher)
        return json(
          400,
          ERR('invalid', '입력한 내용을 확인하세요.', {
            vouched_by: '그 모임의 진행자만 보증할 수 있습니다.',
          }),
        );
    }
    const x: StoredMember = {
      ...member(
        `m-${m.seq++}`,
        String(body.alias),
        { id: g.id, name: g.name },
        (body.roles as NetworkRole[] | undefined) ?? ['member'],
        (body.legal_name as string | undefined) ?? '',
        null,
      ),
      joined_on: String(body.joined_on ?? '2026-03-01'),
      vouched_by: voucher ? { id: voucher.id, alias: voucher.alias } : null,
      legal_name: (body.legal_name as string | undefined) ?? null,
      contact: (body.contact as string | undefined) ?? null,
      safe_contact: (body.safe_contact as string | undefined) ?? null,
    };
    m.members.push(x);
    return json(201, listView(x));
  }
  const one = path.match(/^\/members\/([^/]+)(\/account)?$/);
  if (one) {
    const x = m.members.find((y) => y.id === one[1] && y.status === 'active');
    if (!x) return notFound();
    if (!coordinator) return roleRequired();
    if (one[2]) {
      x.account_user_id = (body.user_id as string | null) ?? null;
      return json(200, listView(x));
    }
    if (method === 'GET') return json(200, x);
    if (method === 'DELETE') {
      x.status = 'erased';
      x.alias = '';
      x.legal_name = x.contact = x.safe_contact = null;
      x.account_user_id = null;
      for (const s of m.statements) s.signers.delete(x.id);
      for (const mt of m.meetings) if (mt.attended.delete(x.id)) mt.anonymous += 1;
      return json(200, { id: x.id, status: 'erased' });
    }
    if (typeof body.alias === 'string') x.alias = body.alias;
    if (Array.isArray(body.roles)) x.roles = body.roles as NetworkRole[];
    if (typeof body.group_id === 'string') {
      const g = m.groups.find((y) => y.id === body.group_id);
      if (g) x.group = { id: g.id, name: g.name };
    }
    return json(200, listView(x));
  }

  const gm = path.match(/^\/groups\/([^/]+)\/meetings$/);
  if (gm) {
    const g = m.groups.find((x) => x.id === gm[1]);
    if (!g) return notFound();
    if (!facilitates(g.id)) return roleRequired();
    if (method === 'GET')
      return json(200, {
        items: m.meetings
          .filter((x) => x.group_id === g.id)
          .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
          .map((x) => meetingView(m, x)),
      });
    if (!body.starts_at || !body.topic || !body.place)
      return json(
        400,
        ERR('invalid', '입력한 내용을 확인하세요.', { starts_at: '필수 항목입니다.' }),
      );
    const mt: StoredMeeting = {
      id: `mt-${m.seq++}`,
      group_id: g.id,
      starts_at: new Date(String(body.starts_at)).toISOString().replace('.000', ''),
      topic: String(body.topic),
      place: String(body.place),
      facilitator_id: (body.facilitator_id as string | undefined) ?? null,
      attended: new Set(),
      anonymous: 0,
    };
    m.meetings.push(mt);
    return json(201, meetingView(m, mt));
  }
  const att = path.match(/^\/meetings\/([^/]+)\/attendance(?:\/([^/]+))?$/);
  if (att) {
    const mt = m.meetings.find((x) => x.id === att[1]);
    if (!mt) return notFound();
    if (!facilitates(mt.group_id)) return roleRequired();
    if (att[2] && method === 'PUT') mt.attended.add(att[2]);
    if (att[2] && method === 'DELETE') mt.attended.delete(att[2]);
    return json(200, attendanceView(m, mt));
  }

  if (path === '/peer-contacts') {
    const peer = Boolean(self?.roles.includes('peer_supporter'));
    if (!coordinator && !peer) return roleRequired();
    if (method === 'GET')
      return json(200, {
        items: m.contacts.filter((c) => coordinator || c.supporter.id === self!.id),
      });
    if (!peer) return roleRequired();
    const c: PeerContact = {
      id: `pc-${m.seq++}`,
      date: String(body.date),
      region: String(body.region),
      mode: body.mode as PeerContact['mode'],
      minutes: Number(body.minutes),
      ...(body.note ? { note: String(body.note) } : {}),
      supporter: { id: self!.id, alias: self!.alias },
      created_at: new Date().toISOString(),
    };
    m.contacts.unshift(c);
    return json(201, c);
  }

  if (path === '/statements') {
    const me = self?.id ?? null;
    if (method === 'GET')
      return json(200, {
        items: m.statements
          .filter((s) => coordinator || s.status !== 'draft')
          .map((s) => statementView(m, s, me)),
      });
    if (!coordinator) return roleRequired();
    if (!body.title_ko || !body.body_ko)
      return json(
        400,
        ERR('invalid', '입력한 내용을 확인하세요.', { title_ko: '필수 항목입니다.' }),
      );
    const s: StoredStatement = {
      id: `st-${m.seq++}`,
      title_ko: String(body.title_ko),
      title_en: String(body.title_en ?? ''),
      body_ko: String(body.body_ko),
      body_en: String(body.body_en ?? ''),
      status: 'draft',
      created_at: new Date().toISOString(),
      published_at: null,
      signers: new Set(),
    };
    m.statements.push(s);
    return json(201, statementView(m, s, me));
  }
  const step = path.match(/^\/statements\/([^/]+)\/(open|publish|close)$/);
  if (step) {
    const s = m.statements.find((x) => x.id === step[1]);
    if (!s) return notFound();
    if (!coordinator) return roleRequired();
    if (step[2] === 'publish' && s.signers.size < m.minimum)
      return json(409, ERR('conflict', '서명이 최소 인원에 못 미칩니다.'));
    s.status = step[2] === 'open' ? 'open' : step[2] === 'publish' ? 'published' : 'closed';
    if (s.status === 'published') s.published_at = new Date().toISOString();
    return json(200, statementView(m, s, self?.id ?? null));
  }
  return notFound();
}

// The network and its member account (with a code enrolled: TOTP is optional for members).
export function withSurvivors(s: MockState): MockState {
  s.orgs.push(SURVIVORS_ORG);
  const base = s.accounts[0]!;
  s.accounts.push(
    {
      ...base,
      id: 'u-member',
      org_id: SURVIVORS_ORG.id,
      username: 'bombi',
      display_name: '봄비',
      roles: ['survivor_member'],
      totp_secret: SECRETS.caseworker,
    },
    {
      ...base,
      id: 'u-facilitator',
      org_id: SURVIVORS_ORG.id,
      username: 'deulkkot',
      display_name: '들꽃',
      roles: ['survivor_member'],
      totp_secret: SECRETS.supervisor,
    },
    {
      ...base,
      id: 'u-moongchi-admin',
      org_id: SURVIVORS_ORG.id,
      username: 'moongchi-admin',
      display_name: '뭉치 관리자',
      roles: ['org_admin'],
      totp_secret: SECRETS.orgadmin,
    },
  );
  return s;
}
