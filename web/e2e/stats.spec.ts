// UI-ONLY SUITE for statistics against mocks (lib/mock-api.ts for the session, lib/mock-stats.ts
// for the figures): a researcher opens the network's figures, sees a month hidden as "<5" in the
// table and a gap in the line, switches to regions (the tile map and its table) and to a two-way
// table on a phone; a supervisor sees her own organization's emergency response times in words.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { installStatsMock, type StatsMock } from './lib/mock-stats';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let stats: StatsMock;
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
  stats = { queries: [], exports: [], reauthed: false };
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installStatsMock(t.context, stats);
}

async function signIn(username: string, secret: string) {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
}

describe('statistics (mocked API)', () => {
  it('shows a researcher the network with small cells hidden, by month, region and two ways', async () => {
    await open(1280, 900);
    await signIn('researcher', SECRETS.researcher);
    await page.getByRole('heading', { name: '통계', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /월별/ });
    await table.waitFor();
    // A hidden month reads "<5" and says so to a screen reader; the line has a gap there.
    await expect.poll(() => table.locator('td.stats-hidden').count()).toBe(2);
    await expect(table.locator('td.stats-hidden').first().innerText()).resolves.toContain('<5');
    await page.getByRole('img', { name: /월별 그래프/ }).waitFor();
    expect(await page.locator('.trend-line').count()).toBe(2);
    expect(stats.queries.at(-1)!.get('by')).toBe('month');
    await checkScreen(t, 'stats-01-network-month');

    await page.getByLabel('기준', { exact: true }).selectOption({ label: '지역' });
    await page.getByRole('img', { name: /지역별 지도/ }).waitFor();
    const regions = page.getByRole('table', { name: /지역/ });
    await regions.getByRole('rowheader', { name: '서울특별시' }).waitFor();
    expect(await regions.locator('td.stats-hidden').count()).toBeGreaterThan(0);
    await checkScreen(t, 'stats-02-network-region-map');

    await page.getByLabel('교차 기준').selectOption({ label: '서비스 종류' });
    const cross = page.getByRole('table', { name: /지역 × 서비스 종류/ });
    await cross.waitFor();
    expect(stats.queries.at(-1)!.get('by')).toBe('region,service_type');
    await cross.getByRole('columnheader', { name: '상담' }).waitFor();
    expect(await cross.locator('td.stats-hidden').count()).toBe(4);

    await page.getByLabel('기간').selectOption({ label: '지난해' });
    // Last year in Korea: this year's period starts on 1 January too, so wait for the year.
    const lastYear = new Date(Date.now() + 9 * 3_600_000).getUTCFullYear() - 1;
    await expect.poll(() => stats.queries.at(-1)!.get('from')).toBe(`${lastYear}-01-01`);
    expect(stats.queries.at(-1)!.get('to')).toBe(`${lastYear}-12-31`);

    // The table as an Excel file: the password first, then the bar, then the link.
    const panel = page.getByRole('region', { name: '파일로 내려받기' });
    await panel.getByLabel('엑셀 (XLSX)').check();
    await panel.getByRole('button', { name: '파일 만들기' }).click();
    const reauth = page.getByRole('dialog', { name: '본인 확인' });
    await reauth.getByLabel('내 비밀번호').fill(PASSWORD);
    await reauth.getByRole('button', { name: '확인하고 계속' }).click();
    await panel.getByRole('link', { name: '통계.xlsx 내려받기' }).waitFor();
    expect(stats.exports).toEqual([
      {
        kind: 'stats.network',
        format: 'xlsx',
        from: `${lastYear}-01-01`,
        to: `${lastYear}-12-31`,
        by: 'region,service_type',
        measure: 'services',
      },
    ]);
    await checkScreen(t, 'stats-04-export-ready');
  });

  it('fits a phone and gives a supervisor her own organization in words', async () => {
    await open(390, 844);
    await signIn('supervisor', SECRETS.supervisor);
    await page.goto('/app/statistics');
    await page.getByRole('heading', { name: '통계', level: 1 }).waitFor();
    await page.getByRole('table', { name: /월별/ }).waitFor();
    // Her own organization's figures: nothing hidden, and no scope choice to make.
    expect(await page.locator('td.stats-hidden').count()).toBe(0);
    expect(await page.getByRole('group', { name: '볼 통계' }).count()).toBe(0);
    expect(stats.queries.at(-1)!.toString()).toContain('measure=services');
    await page.getByLabel('무엇을 셀까요').selectOption({ label: '당사자 수 (명)' });
    await expect.poll(() => stats.queries.at(-1)!.get('measure')).toBe('people');
    await page.getByLabel('기준', { exact: true }).selectOption({ label: '긴급 구조 응답' });
    await page.getByText('접수부터 확인까지 (중앙값)').waitFor();
    await page.getByText('9분').waitFor();
    await page.getByText('1시간 30분').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkScreen(t, 'stats-03-own-phone');
  });
});
