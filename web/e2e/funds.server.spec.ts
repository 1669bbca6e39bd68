// REAL-SERVER SUITE for support funds against build/dandelion: in a self-reliance center, the
// admin creates a funding source through the API; in the browser the worker applies for living
// costs for a woman, the supervisor approves, finance pays from the finance home's link to her
// money, and her balance shows the payment; a payment over the training cap is refused in the
// server's words. Skipped, with the reason printed, when the binary is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'seoul-jarip', name: '서울 자립지원센터', kind: 'self_reliance_center', region: 'KR-11' },
];
const USERS = [
  { org: 'seoul-jarip', username: 'worker', display: '김상담', roles: 'case_worker' },
  { org: 'seoul-jarip', username: 'boss', display: '윤감독', roles: 'supervisor' },
  { org: 'seoul-jarip', username: 'money', display: '최회계', roles: 'finance' },
  // Colleagues whose calls set the scene through the API.
  { org: 'seoul-jarip', username: 'colleague', display: '정동료', roles: 'case_worker' },
  { org: 'seoul-jarip', username: 'admin', display: '박관리', roles: 'org_admin' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[funds real-server suite] SKIPPED: ${skipReason}\n`);

const seoulYear = () => Number(new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 4));

describe.skipIf(skipReason !== null)('funds real-server suite (build/dandelion)', () => {
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

  it('applies as the worker, approves as the supervisor, pays as finance', async () => {
    const colleague = await apiSignIn(server.url, 'colleague');
    const person = await colleague.call<{ id: string; code: string }>('POST', '/api/v1/people', {
      legal_name: '한새벽',
      alias: '새벽',
    });
    const admin = await apiSignIn(server.url, 'admin');
    const source = await admin.call<{ id: string }>('POST', '/api/v1/funding-sources', {
      name: 'A시 자립지원금',
      year: seoulYear(),
      budget: 100_000_000,
      rules: {
        living_costs: { monthly: 1_000_000, max_months: 24, per_child: 100_000 },
        training: { cap: 7_200_000 },
      },
    });

    // The worker applies for her.
    const w = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    await browserSignIn(w.page, 'worker');
    await w.page.goto(`/app/people/${person.id}`);
    const wMoney = w.page.getByRole('region', { name: '지원금' });
    await wMoney.getByText('신청한 지원금이 없습니다.').waitFor();
    await wMoney.getByLabel('지원 항목').selectOption('living_costs');
    await wMoney.getByLabel('금액 (원)').fill('1000000');
    await wMoney.getByLabel('지급 개월 수').fill('12');
    await wMoney.getByLabel(/신청 사유/).fill('퇴소 후 첫 달 생활비');
    await wMoney.getByRole('button', { name: '신청', exact: true }).click();
    await wMoney.getByRole('status').getByText('지원금을 신청했습니다.').waitFor();
    await wMoney.getByText('결정 대기').waitFor();
    await checkScreen(w, 'funds-server-01-applied');
    await w.context.close();

    // The supervisor approves it.
    const s = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    await browserSignIn(s.page, 'boss');
    await s.page.goto(`/app/people/${person.id}`);
    const sMoney = s.page.getByRole('region', { name: '지원금' });
    await sMoney.getByRole('button', { name: '승인 생계비 1,000,000원' }).click();
    await sMoney.getByRole('status').getByText('신청을 승인했습니다.').waitFor();
    await sMoney.getByText('승인 금액 1,000,000원 (지급 0원)').waitFor();
    await checkScreen(s, 'funds-server-02-approved');
    await s.context.close();

    // Finance: the home, then her money; pays this month's living costs.
    const f = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    await browserSignIn(f.page, 'money');
    await f.page.getByRole('heading', { name: '지원금 원장', level: 1 }).waitFor();
    await f.page.getByText('A시 자립지원금', { exact: false }).first().waitFor();
    await checkScreen(f, 'funds-server-03-finance-home');
    await f.page.goto(`/app/funds/people/${person.id}`);
    const pay = f.page.getByRole('form', { name: '지급 기록' });
    await pay.getByLabel('재원').selectOption(source.id);
    await pay.getByLabel('지원 항목').selectOption('living_costs');
    await pay.getByLabel('금액 (원)').fill('1000000');
    await pay.getByRole('button', { name: '지급' }).click();
    await f.page.getByRole('status').getByText('지급을 기록했습니다.').waitFor();
    await f.page.getByText('지급 1,000,000원', { exact: true }).waitFor();
    await f.page.getByText('지급 개월 1 / 24개월').waitFor();
    // Finance does not receive the reason.
    expect(await f.page.getByText(/퇴소 후 첫 달 생활비/).count()).toBe(0);

    // Over the training cap: refused in the server's words, nothing written.
    await pay.getByLabel('지원 항목').selectOption('training');
    await pay.getByLabel('금액 (원)').fill('8000000');
    await pay.getByRole('button', { name: '지급' }).click();
    await pay
      .getByRole('alert')
      .getByText(/남은 금액: 7,200,000원/)
      .waitFor();
    await checkScreen(f, 'funds-server-04-paid-and-refused');
    const l = await colleague.call<{ entries: { amount: number }[] }>(
      'GET',
      `/api/v1/people/${person.id}/disbursements`,
    );
    expect(l.entries.map((e) => e.amount)).toEqual([1_000_000]);
    await f.context.close();
  }, 240_000);
});
