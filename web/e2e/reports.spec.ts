// UI-ONLY SUITE for periodic reports against a mock of the API (lib/mock-reports.ts): the org
// admin starts this period's draft on a PC, adds a note, marks it reviewed, files it (password
// confirmed first), sees "changed since filed" once the records change and starts a
// correction; the network admin sees every member's filing status on a phone.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { initialReports, installReportsMock, type ReportsMock } from './lib/mock-reports';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let reports: ReportsMock;
let t: TrackedPage;
let page: Page;

beforeAll(async () => {
  site = await serveDist(DIST);
  chromium = await launch();
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});
afterEach(async () => {
  await t?.context.close();
});

async function open(width: number, height: number) {
  reports = initialReports();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installReportsMock(t.context, reports);
}

async function signIn(username: string, secret: string) {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.waitForURL((u) => u.pathname !== '/app/sign-in' && u.pathname !== '/app/');
}

describe('periodic reports (mocked API)', () => {
  it('lets the org admin fill, note, review, file and correct a report', async () => {
    await open(1280, 900);
    await signIn('orgadmin', SECRETS.orgadmin);
    await page.getByRole('navigation').getByRole('link', { name: '정기 보고' }).click();
    await page.getByRole('heading', { name: '정기 보고', level: 1 }).waitFor();
    await page.getByText('아직 만든 보고서가 없습니다.').waitFor();
    await page.getByRole('button', { name: '초안 만들기' }).click();

    await page.getByRole('heading', { name: /실적 보고서/, level: 1 }).waitFor();
    const services = page.getByRole('table', { name: '2. 서비스 실적' });
    await services.getByRole('cell', { name: '340건' }).waitFor();
    await page
      .getByRole('table', { name: '1. 지원 인원' })
      .getByRole('cell', { name: '12명' })
      .waitFor();
    const period = reports.reports[0]!.period;

    await page.getByRole('button', { name: '메모 달기' }).click();
    await page.getByLabel('법률 지원 메모').fill('하반기 법률 자문 협약으로 늘어남');
    await page.getByRole('button', { name: '메모 저장' }).click();
    await page.getByRole('status').getByText('메모를 저장했습니다.').waitFor();
    expect(reports.reports[0]!.annotations).toEqual({
      'services.legal': '하반기 법률 자문 협약으로 늘어남',
    });
    await page.getByText('제출하려면 먼저 검토 완료로 표시해야 합니다.').waitFor();
    await checkScreen(t, 'reports-01-draft');

    await page.getByRole('button', { name: '검토 완료로 표시' }).click();
    await page.getByRole('status').getByText('검토 완료로 표시했습니다.').waitFor();
    await page.getByRole('button', { name: '제출하고 확정' }).click();
    const confirm = page.getByRole('alertdialog', { name: /보고서를 제출할까요/ });
    await confirm.getByText(/전자서명/).waitFor();
    await confirm.getByRole('button', { name: '제출하고 확정' }).click();
    const reauth = page.getByRole('dialog', { name: '본인 확인' });
    await reauth.getByLabel('내 비밀번호').fill(PASSWORD);
    await reauth.getByLabel('인증 코드 (6자리)').fill(totpAt(SECRETS.orgadmin, currentStep()));
    await reauth.getByRole('button', { name: '확인하고 계속' }).click();
    await page
      .getByRole('status')
      .getByText(/보고서를 제출했습니다/)
      .waitFor();
    await page.getByRole('link', { name: '서명된 보고서 파일 내려받기' }).waitFor();
    expect(reports.reports[0]!.status).toBe('filed');
    expect(await page.getByRole('button', { name: '메모 달기' }).count()).toBe(0);
    await checkScreen(t, 'reports-02-filed');

    // A service was added for the period after filing: the report says which figure moved.
    reports.recordsChanged = true;
    await page.reload();
    const notice = page.getByRole('note');
    await notice.getByText('제출 후 기록이 바뀌었습니다.').waitFor();
    await notice.getByText('상담: 제출 340건 → 현재 341건').waitFor();
    await checkScreen(t, 'reports-03-changed');
    await notice.getByRole('button', { name: '정정 보고서 만들기' }).click();
    await page.getByText('정정 보고서').first().waitFor();
    await services.getByRole('cell', { name: '341건' }).waitFor();
    expect(reports.reports[1]).toMatchObject({ period, corrects: reports.reports[0]!.id });
  });

  it('shows the network admin which members have filed, on a phone', async () => {
    await open(390, 844);
    await signIn('netadmin', SECRETS.netadmin);
    await page.goto('/app/reports');
    await page.getByRole('heading', { name: '회원 기관 보고 현황', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /2곳 중 1곳 제출/ }).waitFor();
    const table = page.getByRole('table', { name: /회원 기관별 보고 현황/ });
    await table.getByRole('row', { name: /서울여성상담소 상담소 실적 양식 제출됨/ }).waitFor();
    await table.getByRole('row', { name: /부산 쉼터 지원시설 실적 양식 시작 안 함/ }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkScreen(t, 'reports-04-filings-phone');
  });
});
