// A mock of the statistics API (docs/api-stats.md) for the browser tests: answers shaped like
// the server's, with the network's small cells hidden (count null, suppressed true) as the
// server's suppression would leave them, and every query recorded.
import type { BrowserContext, Route } from 'playwright-core';

type Key = string | null | [string | null, string | null];
interface Row {
  key: Key;
  count: number | null;
  suppressed: boolean;
}

export interface StatsMock {
  queries: URLSearchParams[];
  // Export jobs asked for (their bodies), and whether the password was confirmed lately.
  exports: Record<string, unknown>[];
  reauthed: boolean;
}

const REGIONS = [
  'KR-11',
  'KR-26',
  'KR-27',
  'KR-28',
  'KR-29',
  'KR-30',
  'KR-31',
  'KR-41',
  'KR-42',
  'KR-43',
  'KR-44',
  'KR-45',
  'KR-46',
  'KR-47',
  'KR-48',
  'KR-49',
  'KR-50',
];
const SERVICES = ['counseling', 'medical', 'legal_assistance'];

const shown = (key: Key, count: number): Row => ({ key, count, suppressed: false });
const hidden = (key: Key): Row => ({ key, count: null, suppressed: true });

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

function answer(scope: string, q: URLSearchParams): { status: number; body: unknown } {
  const by = (q.get('by') ?? '').split(',');
  const from = q.get('from')!;
  const to = q.get('to')!;
  const network = scope === 'network';
  const base = {
    from,
    to,
    by,
    measure: q.get('measure') ?? 'services',
    ...(network ? { k: 5 } : {}),
  };
  if (by[0] === 'month' && by.length === 1) {
    const keys = months(from, to);
    // The network hides the second month (a count under 5, and its complement the third).
    const rows = keys.map((k, i) =>
      network && (i === 1 || i === 2) ? hidden(k) : shown(k, 20 + ((i * 7) % 13)),
    );
    return {
      status: 200,
      body: { ...base, unit: base.measure, rows: [...rows, shown(null, 400)] },
    };
  }
  if (by[0] === 'region' && by.length === 1) {
    const rows = REGIONS.map((r, i) =>
      r === 'KR-11'
        ? shown(r, 120)
        : r === 'KR-26'
          ? shown(r, 48)
          : network && i % 3 === 1
            ? hidden(r)
            : shown(r, i % 3 === 1 ? 3 : (i % 3) * 9),
    );
    return {
      status: 200,
      body: { ...base, unit: base.measure, rows: [...rows, shown(null, 260)] },
    };
  }
  if (by[0] === 'region' && by[1] === 'service_type') {
    const rows: Row[] = [];
    for (const r of ['KR-11', 'KR-26'])
      for (const s of SERVICES)
        rows.push(
          network && r === 'KR-26' && s !== 'counseling'
            ? hidden([r, s])
            : shown([r, s], r === 'KR-11' ? 30 : 12),
        );
    rows.push(shown(['KR-11', null], 90), shown(['KR-26', null], 18));
    rows.push(
      shown([null, 'counseling'], 42),
      network ? hidden([null, 'medical']) : shown([null, 'medical'], 33),
    );
    rows.push(network ? hidden([null, 'legal_assistance']) : shown([null, 'legal_assistance'], 33));
    rows.push(shown([null, null], 108));
    return { status: 200, body: { ...base, unit: base.measure, rows } };
  }
  if (by[0] === 'emergency_response') {
    return {
      status: 200,
      body: {
        ...base,
        unit: 'requests',
        rows: [shown('received', 14), shown('acknowledged', 12)],
        median_seconds: 540,
        p90_seconds: 5400,
      },
    };
  }
  if (by[0] === 'service_type') {
    const rows = SERVICES.map((s, i) => (network && i === 2 ? hidden(s) : shown(s, 40 - i * 10)));
    return { status: 200, body: { ...base, unit: base.measure, rows: [...rows, shown(null, 93)] } };
  }
  return {
    status: 400,
    body: {
      error: {
        code: 'invalid',
        message: '알 수 없는 기준입니다.',
        fields: { by: '알 수 없는 기준입니다.' },
      },
    },
  };
}

// An export job goes queued → 40 % → done in one stream of progress events, as the server's
// would over a second or two; its file is a small CSV.
function progressEvents(id: string, body: Record<string, unknown>): string {
  const job = (status: string, progress: number, step: string) => ({
    id,
    kind: body.kind,
    format: body.format,
    status,
    progress,
    step,
    created_at: '2026-03-01T00:00:00Z',
    ...(status === 'done'
      ? {
          finished_at: '2026-03-01T00:00:02Z',
          size: 2048,
          file_name: `통계.${String(body.format)}`,
        }
      : {}),
  });
  return [
    job('queued', 0, 'exports.step.queued'),
    job('running', 40, 'exports.step.writing'),
    job('done', 100, 'exports.step.done'),
  ]
    .map((j) => `event: progress\ndata: ${JSON.stringify(j)}\n\n`)
    .join('');
}

async function exportsRoute(route: Route, mock: StatsMock): Promise<void> {
  const req = route.request();
  const path = new URL(req.url()).pathname;
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  if (path === '/api/v1/session/reauth') {
    mock.reauthed = true;
    return route.fulfill({ status: 204 });
  }
  if (path === '/api/v1/exports' && req.method() === 'POST') {
    if (!mock.reauthed)
      return json(403, {
        error: { code: 'reauth_required', message: '비밀번호를 다시 확인해야 합니다.' },
      });
    const body = req.postDataJSON() as Record<string, unknown>;
    mock.exports.push(body);
    return json(202, { id: `ex-${mock.exports.length}` });
  }
  const m = path.match(/^\/api\/v1\/exports\/([^/]+)\/events$/);
  if (m) {
    const body = mock.exports[Number(m[1]!.slice(3)) - 1]!;
    return route.fulfill({
      status: 200,
      contentType: 'text/event-stream',
      body: progressEvents(m[1]!, body),
    });
  }
  return json(404, { error: { code: 'not_found', message: '없습니다.' } });
}

export async function installStatsMock(context: BrowserContext, mock: StatsMock): Promise<void> {
  await context.route(
    (url) =>
      url.pathname.startsWith('/api/v1/exports') || url.pathname === '/api/v1/session/reauth',
    (route: Route) => exportsRoute(route, mock),
  );
  await context.route(
    (url) => url.pathname.startsWith('/api/v1/stats/'),
    async (route: Route) => {
      const url = new URL(route.request().url());
      mock.queries.push(url.searchParams);
      const scope = url.pathname.split('/').at(-1)!;
      const { status, body } = answer(scope, url.searchParams);
      await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    },
  );
}
