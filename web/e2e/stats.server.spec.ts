// REAL-SERVER SUITE for statistics against build/dandelion: a counseling center's worker records
// two women who consented to statistics and four services this month through the API; in the
// browser the center's supervisor sees her own figures exactly (4 services this year), and the
// secretariat's researcher sees the network's month table with those few services hidden as
// "<5", a gap in the line, and the regions' map. Skipped, with the reason printed, when the
// binary is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'sec', name: '전국연대 사무국', kind: 'secretariat', region: 'KR-11' },
  { slug: 'seoul-counsel', name: '서울 상담소', kind: 'counseling_center', region: 'KR-11' },
];
const USERS = [
  { org: 'sec', username: 'researcher', display: '한연구', roles: 'researcher' },
  { org: 'seoul-counsel', username: 'sup', display: '윤감독', roles: 'supervisor' },
  { org: 'seoul-counsel', username: 'worker', display: '김상담', roles: 'case_worker' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[statistics real-server suite] SKIPPED: ${skipReason}\n`);

const seoulToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

describe.skipIf(skipReason !== null)('statistics real-server suite (build/dandelion)', () => {
  let server: RealServer;
  let chromium: Launched;
  beforeAll(async () => {
    server = await startRealServer(ORGS, USERS);
    chromium = await launch();
    const worker = await apiSignIn(server.url, 'worker');
    for (const [alias, services] of [
      ['새벽', 3],
      ['하늘', 1],
    ] as const) {
      const person = await worker.call<{ id: string }>('POST', '/api/v1/people', {
        legal_name: `통계 ${alias}`,
        alias,
      });
      await worker.call('POST', `/api/v1/people/${person.id}/consents`, {
        kind: 'statistics',
        method: 'written',
      });
      const c = await worker.call<{ id: string }>('POST', '/api/v1/cases', {
        person_id: person.id,
        intake_channel: 'hotline',
        situation: ['online'],
        risk_level: 'low',
        summary: '통계 화면 시험',
      });
      for (let i = 0; i < services; i++)
        await worker.call('POST', `/api/v1/cases/${c.id}/services`, {
          type: 'counseling',
          date: seoulToday(),
          minutes: 50,
        });
    }
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('gives a supervisor her own figures exactly and a researcher the network with small cells hidden', async () => {
    const s = await newPage(chromium.browser, { baseURL: server.url });
    await browserSignIn(s.page, 'sup');
    await s.page.goto('/app/statistics');
    const own = s.page.getByRole('table', { name: /월별/ });
    await own.waitFor();
    await expect.poll(() => own.locator('tfoot td').innerText()).toBe('4');
    expect(await own.locator('td.stats-hidden').count()).toBe(0);
    await s.page.getByLabel('무엇을 셀까요').selectOption({ label: '당사자 수 (명)' });
    await expect.poll(() => own.locator('tfoot td').innerText()).toBe('2');
    await checkScreen(s, 'stats-server-01-own');
    await s.context.close();

    const r = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    await browserSignIn(r.page, 'researcher', false);
    await r.page.getByRole('heading', { name: '통계', level: 1 }).waitFor();
    const network = r.page.getByRole('table', { name: /월별/ });
    await network.waitFor();
    // Four services of consenting women: under k (5), so the month and the total that would
    // give it away are hidden; no figure of four appears.
    await expect.poll(() => network.locator('td.stats-hidden').count()).toBeGreaterThan(0);
    expect(await network.locator('td').allInnerTexts()).not.toContain('4');
    await r.page.getByLabel('기준', { exact: true }).selectOption({ label: '지역' });
    await r.page.getByRole('img', { name: /지역별 지도/ }).waitFor();
    await checkScreen(r, 'stats-server-02-network-phone');
    await r.context.close();
  });
});
