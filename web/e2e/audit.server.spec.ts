// REAL-SERVER SUITE for the auditor's screen (/audit): the chain's integrity checked on the
// server, entries in words, a filter, and "show more". Skipped, with the reason printed, when the
// binary is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'seoul-counseling', name: '서울여성상담소', kind: 'counseling_center', region: 'KR-11' },
];
const USERS = [
  { org: 'seoul-counseling', username: 'auditor', display: '감사원', roles: 'auditor' },
  { org: 'seoul-counseling', username: 'worker', display: '김담당', roles: 'case_worker' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[audit real-server suite] SKIPPED: ${skipReason}\n`);

describe.skipIf(skipReason !== null)('audit real-server suite (build/dandelion)', () => {
  let server: RealServer;
  let chromium: Launched;
  beforeAll(async () => {
    server = await startRealServer(ORGS, USERS);
    chromium = await launch();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('shows the chain intact and the entries in words, filtered and paged', async () => {
    // Sixty reads of one person: more entries than one page holds.
    const worker = await apiSignIn(server.url, 'worker');
    const person = await worker.call<{ id: string }>('POST', '/api/v1/people', {
      legal_name: '감사대상',
    });
    for (let i = 0; i < 60; i++) await worker.call('GET', `/api/v1/people/${person.id}`);

    const t = await newPage(chromium.browser, { baseURL: server.url });
    const { page } = t;
    await browserSignIn(page, 'auditor');
    await page.waitForURL('**/audit');
    await page.getByText(/감사 기록 \d+건이 모두 온전합니다/).waitFor();
    const table = page.getByRole('table', { name: '감사 기록 (최근 것부터)' });
    await table.getByText('당사자 열람').first().waitFor();
    await checkScreen(t, 'server-audit-01-log');

    await page.getByLabel('한 일 (코드)').fill('person.read');
    await page.getByRole('button', { name: '찾기' }).click();
    await page.getByRole('button', { name: '더 보기' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(51); // a page of 50 and the header
    expect(await table.getByText('당사자 열람').count()).toBe(50); // the filter's page, not the last
    await page.getByRole('button', { name: '더 보기' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(61);
    expect(await table.getByText('로그인 시도').count()).toBe(0);
    await t.context.close();
  });
});

if (skipReason !== null) {
  describe('audit real-server suite', () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
