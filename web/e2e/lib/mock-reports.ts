// A mock of the periodic reports API (docs/api-reports.md) for the browser tests: a draft
// filled with known figures, notes, review, filing behind a re-authentication, the "changed
// since filed" answer once a test says the records changed, corrections, and the secretariat's
// filing status of every member.
import type { BrowserContext, Route } from 'playwright-core';
import type { Filing, Report } from '../../src/api';

export interface ReportsMock {
  reports: Report[];
  reauthed: boolean;
  // Set by a test: the records now count one more counseling service than when filed.
  recordsChanged: boolean;
  filings: Filing[];
  seq: number;
}

export function initialReports(): ReportsMock {
  return {
    reports: [],
    reauthed: false,
    recordsChanged: false,
    filings: [
      {
        organization: {
          id: 'o-seoul',
          slug: 'seoul-counseling',
          name: '서울여성상담소',
          kind: 'counseling_center',
          region: 'KR-11',
        },
        template: 'counseling_center',
        status: 'filed',
        filed_at: '2026-10-05T01:00:00Z',
        report_id: 'rp-seoul',
      },
      {
        organization: {
          id: 'o-busan',
          slug: 'busan-shelter',
          name: '부산 쉼터',
          kind: 'support_facility',
          region: 'KR-26',
        },
        template: 'support_facility',
        status: 'not_started',
      },
    ],
    seq: 0,
  };
}

function filled(id: string, period: string): Report {
  const row = (key: string, ko: string, en: string, unit: string, value: number) => ({
    key,
    label: { ko, en },
    unit,
    value,
  });
  return {
    id,
    period,
    template: 'counseling_center',
    status: 'draft',
    created_at: new Date().toISOString(),
    annotations: {},
    corrects: null,
    sections: [
      {
        key: 'people',
        title: { ko: '1. 지원 인원', en: '1. Women supported' },
        rows: [
          row('people.total', '실인원', 'Women supported', 'people', 12),
          row('people.new', '신규 인원', 'New this period', 'people', 4),
        ],
      },
      {
        key: 'services',
        title: { ko: '2. 서비스 실적', en: '2. Services' },
        rows: [
          row('services.counseling', '상담', 'Counseling', 'services', 340),
          row('services.medical', '의료 지원', 'Medical support', 'services', 21),
          row('services.legal', '법률 지원', 'Legal support', 'services', 9),
        ],
      },
    ],
  };
}

export async function installReportsMock(context: BrowserContext, m: ReportsMock): Promise<void> {
  await context.route(
    (url) =>
      url.pathname.startsWith('/api/v1/reports') || url.pathname === '/api/v1/session/reauth',
    (route) => reportsRoute(route, m),
  );
}

async function reportsRoute(route: Route, m: ReportsMock): Promise<void> {
  const req = route.request();
  const url = new URL(req.url());
  const path = url.pathname;
  const method = req.method();
  const json = (status: number, body: unknown) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const view = (r: Report): Report =>
    r.status === 'filed' && m.recordsChanged
      ? {
          ...r,
          changed_since_filed: true,
          changes: [{ key: 'services.counseling', filed: 340, now: 341 }],
        }
      : { ...r, changed_since_filed: false, changes: [] };

  if (path === '/api/v1/session/reauth') {
    m.reauthed = true;
    return route.fulfill({ status: 204 });
  }
  if (path === '/api/v1/reports/filings') return json(200, { items: m.filings });
  if (path === '/api/v1/reports' && method === 'GET')
    return json(200, {
      items: m.reports.map(({ sections: _s, annotations: _a, ...summary }) => summary),
    });
  if (path === '/api/v1/reports' && method === 'POST') {
    const { period } = req.postDataJSON() as { period: string };
    if (m.reports.some((r) => r.period === period && r.status === 'draft'))
      return json(409, {
        error: { code: 'conflict', message: '이 기간의 초안이 이미 있습니다.' },
      });
    const r = filled(`rp-${++m.seq}`, period);
    m.reports.push(r);
    return json(201, r);
  }
  const match = path.match(/^\/api\/v1\/reports\/([^/]+)(?:\/([a-z]+))?$/);
  const r = match && m.reports.find((x) => x.id === match[1]);
  if (!match || !r) return json(404, { error: { code: 'not_found', message: '없습니다.' } });
  const action = match[2];
  if (!action) return json(200, view(r));
  if (action === 'annotations') {
    r.annotations = req.postDataJSON() as Record<string, string>;
    return json(200, view(r));
  }
  if (action === 'refresh') return json(200, view(r));
  if (action === 'review') {
    r.status = 'reviewed';
    r.reviewed_at = new Date().toISOString();
    return json(200, view(r));
  }
  if (action === 'file') {
    if (!m.reauthed)
      return json(403, {
        error: { code: 'reauth_required', message: '비밀번호를 다시 확인해야 합니다.' },
      });
    r.status = 'filed';
    r.filed_at = new Date().toISOString();
    return json(200, view(r));
  }
  if (action === 'correction') {
    const c = { ...filled(`rp-${++m.seq}`, r.period), corrects: r.id };
    c.sections[1]!.rows[0]!.value = 341;
    m.reports.push(c);
    return json(201, c);
  }
  return json(404, { error: { code: 'not_found', message: '없습니다.' } });
}
