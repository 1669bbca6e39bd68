// UI-ONLY SUITE for support funds against mocks of the API (lib/mock-api.ts for the session and
// her person page, lib/mock-funds.ts for the funds), on a 390 px phone: a worker applies for
// living costs for her, the supervisor approves and pays, her balance shows the payment; a
// payment over the cap is refused in words and nothing changes; the supervisor cannot give the
// second approval of her own entry; finance sees the sources, the month's totals and the
// payment waiting, approves it, and edits a source, in English.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import { initialFunds, installFundsMock, ORDINANCE, type FundsMock } from './lib/mock-funds';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let funds: FundsMock;
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

async function open() {
  state = initialState();
  const template = state.accounts.find((a) => a.id === 'u-sup')!;
  state.accounts.push({
    ...template,
    id: 'u-fin',
    username: 'finance',
    display_name: '최회계',
    roles: ['finance'],
    totp_secret: SECRETS.researcher,
    language: 'en',
  });
  funds = initialFunds('o-seoul');
  t = await newPage(chromium.browser, { baseURL: site.url, width: 390, height: 844 });
  page = t.page;
  await installMockApi(t.context, state);
  await installFundsMock(t.context, state, funds);
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

async function signOut() {
  state.session = null;
  await page.context().clearCookies();
}

async function fitsPhone() {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('support funds (mocked API, phone)', () => {
  it('applies, approves, pays living costs, refuses a payment over the cap, and approves in English', async () => {
    await open();
    // The worker applies for 12 months of living costs with one child.
    await signIn('caseworker', SECRETS.caseworker);
    await page.goto('/app/people/p-1');
    const money = page.getByRole('region', { name: '지원금' });
    await money.getByText('신청한 지원금이 없습니다.').waitFor();
    await money.getByLabel('재원').selectOption('fs-a');
    await money.getByLabel('지원 항목').selectOption('living_costs');
    await money.getByLabel('금액 (원)').fill('1,100,000');
    await money.getByLabel('지급 개월 수').fill('12');
    await money.getByLabel('자녀 수').fill('1');
    await money.getByLabel(/신청 사유/).fill('퇴소 후 자립 초기 생활비');
    await money.getByRole('button', { name: '신청', exact: true }).click();
    await money.getByRole('status').getByText('지원금을 신청했습니다.').waitFor();
    await money.getByText('결정 대기').waitFor();
    await money.getByText('신청 사유: 퇴소 후 자립 초기 생활비').waitFor();
    // A worker neither decides nor pays.
    expect(await money.getByRole('button', { name: /^승인/ }).count()).toBe(0);
    expect(await money.getByRole('button', { name: '지급' }).count()).toBe(0);
    expect(funds.applications[0]).toMatchObject({ kind: 'living_costs', amount: 1_100_000 });
    await fitsPhone();
    await checkScreen(t, 'funds-01-applied');

    // The supervisor approves it and pays this month's living costs.
    await signOut();
    await signIn('supervisor', SECRETS.supervisor);
    await page.goto('/app/people/p-1');
    // The same support from another member this year is a sign to ask about, without its name.
    const elsewhere = money.getByRole('note');
    await elsewhere.getByText('다른 회원 기관의 같은 지원 기록이 있습니다').waitFor();
    await elsewhere.getByText(/년 다른 회원 기관에서 생계비을\(를\) 받음/).waitFor();
    await money.getByRole('button', { name: '승인 생계비 1,100,000원' }).click();
    await money.getByRole('status').getByText('신청을 승인했습니다.').waitFor();
    await money.getByText('승인 금액 1,100,000원 (지급 0원)').waitFor();
    const pay = money.getByRole('form', { name: '지급 기록' });
    await pay.getByLabel('재원').selectOption('fs-a');
    await pay.getByLabel('지원 항목').selectOption('living_costs');
    await pay.getByLabel('금액 (원)').fill('1100000');
    await pay.getByRole('button', { name: '지급' }).click();
    await money.getByRole('status').getByText('지급을 기록했습니다.').waitFor();
    await money.getByText('지급 1,100,000원').first().waitFor();
    await money.getByText('지급 개월 1 / 24개월').waitFor();
    expect(funds.entries.filter((e) => e.person_id === 'p-1')).toHaveLength(1);
    await fitsPhone();
    await checkScreen(t, 'funds-02-paid');

    // Job training over the 7,200,000 KRW cap: refused in words, nothing written.
    await pay.getByLabel('지원 항목').selectOption('training');
    await pay.getByLabel('금액 (원)').fill('8000000');
    await pay.getByRole('button', { name: '지급' }).click();
    await pay
      .getByRole('alert')
      .getByText(
        '1인 지원 한도(총액)를 넘습니다. 아무것도 기록하지 않았습니다. 남은 금액: 7,200,000원',
      )
      .waitFor();
    expect(funds.entries.filter((e) => e.person_id === 'p-1')).toHaveLength(1);
    await fitsPhone();
    await checkScreen(t, 'funds-03-over-cap');

    // Her own entry waits for someone else: the supervisor is refused with the server's words.
    await page.goto('/app/funds');
    await page.getByRole('heading', { name: '지원금 원장', level: 1 }).waitFor();
    const waiting = page.getByRole('region', { name: '두 번째 승인을 기다리는 지급' });
    await waiting.getByRole('button', { name: '지급 승인 주거 보증금 5,000,000원' }).click();
    await waiting
      .getByRole('alert')
      .getByText(/직접 입력한 지급은 다른 사람이 승인해야 합니다/)
      .waitFor();
    expect(funds.entries.find((e) => e.id === 'de-seed')!.status).toBe('pending_approval');
    await fitsPhone();
    await checkScreen(t, 'funds-04-own-entry-refused');

    // Finance, in English: the sources, the month's totals, and the second approval.
    await signOut();
    await signIn('finance', SECRETS.researcher);
    await page.getByRole('heading', { name: 'Support funds', level: 1 }).waitFor();
    const monthly = page.getByRole('region', { name: 'Payments by month' });
    await monthly
      .getByRole('list', { name: 'A시 자립지원금: payments by month and kind' })
      .getByText('Living costs')
      .waitFor();
    await monthly.getByRole('cell', { name: '₩1,100,000' }).first().waitFor();
    const pendingEn = page.getByRole('region', {
      name: 'Payments waiting for a second approval',
    });
    await pendingEn
      .getByRole('button', { name: 'Approve payment Housing deposit ₩5,000,000' })
      .click();
    await page.getByRole('status').getByText('Payment approved.').waitFor();
    await pendingEn.getByText('No payment is waiting for approval.').waitFor();
    expect(funds.entries.find((e) => e.id === 'de-seed')!.status).toBe('paid');
    await fitsPhone();
    await checkScreen(t, 'funds-05-finance-home-en');

    // Editing a source's rules: the job training cap lowered.
    await page.getByRole('button', { name: 'Edit source A시 자립지원금' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit A시 자립지원금' });
    await dialog
      .getByRole('group', { name: 'Job training' })
      .getByLabel('Cap per woman (KRW)')
      .fill('6000000');
    // The ordinance in force in Seoul, in words, fills living costs and the housing deposit.
    const ordinance = dialog.getByRole('region', { name: 'Ordinance amounts in Seoul' });
    await ordinance.getByText('Living-cost support months: 24 months').waitFor();
    await ordinance.getByText('Housing support amount: ₩7,000,000').waitFor();
    await ordinance
      .getByRole('button', { name: `Fill the rules from this ordinance: ${ORDINANCE.title}` })
      .click();
    await ordinance
      .getByRole('status')
      .getByText(/are in the rules/)
      .waitFor();
    const living = dialog.getByRole('group', { name: 'Living costs' });
    await expect(living.getByLabel('Monthly amount (KRW)').inputValue()).resolves.toBe('1000000');
    await expect(living.getByLabel('Most months paid').inputValue()).resolves.toBe('24');
    await expect(
      dialog
        .getByRole('group', { name: 'Housing deposit' })
        .getByLabel('Cap per woman (KRW)')
        .inputValue(),
    ).resolves.toBe('7000000');
    await fitsPhone();
    await checkScreen(t, 'funds-06-source-form-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .getByText(/Funding source updated/)
      .waitFor();
    expect(funds.sources.find((s) => s.id === 'fs-a')!.rules.training!.cap).toBe(6_000_000);
    expect(funds.sources.find((s) => s.id === 'fs-a')!.rules.housing_deposit!.cap).toBe(7_000_000);
    expect(funds.sources.find((s) => s.id === 'fs-a')!.version).toBe(2);

    // The rule history says what the new version changed, in words.
    await page.getByRole('button', { name: 'Rule history A시 자립지원금' }).click();
    const history = page.getByRole('dialog', { name: 'Rule history of A시 자립지원금' });
    await history
      .getByText('Job training, total cap per person: ₩7,200,000 → ₩6,000,000')
      .waitFor();
    await history.getByText('in force').waitFor();
    await history.getByText('Added Housing deposit to what it pays').waitFor();
    await fitsPhone();
    await checkScreen(t, 'funds-08-rule-history-en');
    await history.getByRole('button', { name: 'Close' }).click();

    // The two-person threshold: a word refused, then raised to 5,000,000.
    const threshold = page.getByRole('region', { name: 'Two-person approval' });
    await threshold.getByText(/above ₩3,000,000 is paid only once/).waitFor();
    await threshold.getByRole('button', { name: 'Change the threshold' }).click();
    const amount = threshold.getByLabel('Amount above which a second approval is needed (KRW)');
    await amount.fill('five million');
    await threshold.getByRole('button', { name: 'Save' }).click();
    await threshold.getByText('Must be a whole amount.').waitFor();
    expect(funds.twoPersonAbove).toBe(3_000_000);
    await amount.fill('5,000,000');
    await threshold.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('The two-person threshold was changed.').waitFor();
    await threshold.getByText(/above ₩5,000,000 is paid only once/).waitFor();
    expect(funds.twoPersonAbove).toBe(5_000_000);
    await checkScreen(t, 'funds-09-threshold-en');

    // Finance opens her money from a link, and never sees the reason of the application.
    await page.goto('/app/funds/people/p-1');
    await page.getByRole('heading', { name: 'Support funds', level: 1 }).waitFor();
    await page.getByText('Approved ₩1,100,000 (₩1,100,000 paid)', { exact: true }).waitFor();
    expect(await page.getByText(/퇴소 후 자립 초기 생활비/).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Apply for support' }).count()).toBe(0);

    // Finance attaches the receipt of the living costs paid: a PDF, with its progress.
    await page
      .getByRole('button', { name: /^Receipts \(0\)/ })
      .first()
      .click();
    await page.getByText('No receipt yet.').waitFor();
    await page.getByLabel('Receipt file').setInputFiles({
      name: 'rent-receipt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 receipt'),
    });
    await page.getByRole('button', { name: 'Upload the receipt' }).click();
    await page.getByRole('link', { name: 'rent-receipt.pdf' }).waitFor();
    expect(funds.receipts).toMatchObject([
      { file_name: 'rent-receipt.pdf', type: 'application/pdf' },
    ]);
    await fitsPhone();
    await checkScreen(t, 'funds-07-her-money-finance-en');
  }, 240_000);
});
