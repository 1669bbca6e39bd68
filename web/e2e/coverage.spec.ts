// UI-ONLY SUITE for emergency coverage and on-call (/emergency/coverage) against mocks of the
// API (lib/mock-api.ts for the session, lib/mock-coverage.ts for coverage and on-call), served
// from web/dist with the server's CSP.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import { initialCoverage, installCoverageMock, type CoverageMock } from './lib/mock-coverage';
import { initialEmergency, installEmergencyMock } from './lib/mock-emergency';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let coverage: CoverageMock;
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

beforeEach(async () => {
  state = initialState();
  // A dispatcher at the Seoul center, for its admin to put on call.
  const template = state.accounts.find((a) => a.id === 'u-disp')!;
  state.accounts.push({
    ...template,
    id: 'u-seoul-disp',
    org_id: 'o-seoul',
    username: 'seouldisp',
    display_name: '최당직',
  });
  coverage = initialCoverage();
  t = await newPage(chromium.browser, { baseURL: site.url, width: 1280, height: 900 });
  page = t.page;
  await installMockApi(t.context, state);
  await installEmergencyMock(t.context, state, initialEmergency());
  await installCoverageMock(t.context, state, coverage);
  return async () => {
    await t.context.close();
  };
});

async function signIn(username: string, secret: string) {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
}

// Today in Korea, and a Seoul wall-clock time on it as the UTC instant the server gets.
const seoulToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const seoulInstant = (day: string, time: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T${time}:00+09:00`) + plusDays * 86_400_000)
    .toISOString()
    .replace('.000Z', 'Z');

describe('coverage and on-call (mocked API)', () => {
  it('lets an org admin choose her regions and acknowledgement limit, and put a dispatcher on a night shift', async () => {
    await signIn('orgadmin', SECRETS.orgadmin);
    await page.getByRole('heading', { name: '서울여성상담소 사용자 관리' }).waitFor();
    await page
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('link', { name: '관할·당직' })
      .click();
    await page.getByRole('heading', { name: '관할 지역과 당직', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: '기관별 관할 지역' });
    await table
      .getByRole('row')
      .filter({ hasText: '부산광역시' })
      .filter({ hasText: '부산 쉼터' })
      .waitFor();
    // Who can take a request now, in words; an organization with no dispatcher is skipped, and
    // a region nobody can take now is named as a gap.
    await table
      .getByRole('row')
      .filter({ hasText: '부산 쉼터' })
      .first()
      .getByText('예 — 긴급 구조 담당이 있음(당번표 없음)')
      .waitFor();
    await table
      .getByRole('row')
      .filter({ hasText: '서울여성상담소' })
      .getByText('예 — 긴급 구조 담당이 있음(당번표 없음)')
      .waitFor();
    const gaps = page.getByText(/지금 요청을 받을 기관이 없는 지역:/);
    expect(await gaps.textContent()).toContain('제주특별자치도');
    expect(await gaps.textContent()).not.toContain('서울특별시');
    expect(await gaps.textContent()).not.toContain('부산광역시');
    // Her organization's current regions are ticked.
    expect(await page.getByRole('checkbox', { name: '서울특별시' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '경기도' }).isChecked()).toBe(false);
    expect(
      await page
        .getByRole('group', { name: '우리 기관이 맡는 지역' })
        .getByRole('checkbox')
        .count(),
    ).toBe(17);
    expect(await page.getByLabel('확인 제한 시간(분)').inputValue()).toBe('10');
    // The roster covers one Seoul week, asked for in UTC.
    const roster = page.getByRole('table', { name: /^당직표/ });
    await expect.poll(() => roster.getByRole('rowheader').count()).toBe(7);
    const q = coverage.rosterQueries[0]!;
    expect(Date.parse(q.to!) - Date.parse(q.from!)).toBe(7 * 86_400_000);
    expect(q.from).toMatch(/T15:00:00Z$/);
    await checkScreen(t, 'coverage-01-org-admin');

    // A limit the server refuses is explained next to the field.
    await page.getByRole('checkbox', { name: '경기도' }).check();
    await page.getByLabel('확인 제한 시간(분)').fill('200');
    await page.getByRole('button', { name: '관할 저장' }).click();
    await page.getByText('1부터 120 사이여야 합니다.').waitFor();
    expect(await page.getByLabel('확인 제한 시간(분)').getAttribute('aria-invalid')).toBe('true');
    expect(coverage.ackLimitMinutes['o-seoul']).toBe(10);
    await checkScreen(t, 'coverage-02-limit-refused');

    await page.getByLabel('확인 제한 시간(분)').fill('15');
    await page.getByRole('button', { name: '관할 저장' }).click();
    await page.getByRole('status').filter({ hasText: '관할 지역을 저장했습니다.' }).waitFor();
    expect(coverage.puts.at(-1)).toEqual({ regions: ['KR-11', 'KR-41'], ack_limit_minutes: 15 });
    await table
      .getByRole('row')
      .filter({ hasText: '경기도' })
      .filter({ hasText: '서울여성상담소' })
      .waitFor();
    const put = state.requests.find(
      (r) => r.method === 'PUT' && r.path === '/api/v1/emergency/coverage',
    )!;
    expect(put.headers['x-csrf-token']).toBe(state.session!.csrf);

    // Dispatchers and supervisors can be on call; her other staff are not offered.
    expect(await page.getByLabel('당직 근무자').locator('option').allTextContents()).toEqual([
      '선택하세요',
      '윤감독',
      '최당직',
    ]);
    // A shift needs someone on call.
    await page.getByRole('button', { name: '당직 추가', exact: true }).click();
    await page.getByText('당직자를 선택하세요.').waitFor();
    expect(coverage.posts).toEqual([]);

    // A night shift: 22:00 tonight to 08:00 tomorrow, Korea time.
    const day = seoulToday();
    await page.getByLabel('당직 근무자').selectOption({ label: '최당직' });
    await page.getByLabel('날짜', { exact: true }).fill(day);
    await page.getByLabel('시작').fill('22:00');
    await page.getByLabel('종료').fill('08:00');
    await page.getByRole('button', { name: '당직 추가', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /최당직 님이 .* 22:00~08:00 당직입니다\./ })
      .waitFor();
    expect(coverage.posts).toEqual([
      {
        user_id: 'u-seoul-disp',
        starts_at: seoulInstant(day, '22:00'),
        ends_at: seoulInstant(day, '08:00', 1),
      },
    ]);
    // A night shift shows on both days it spans, as the part of it on each.
    await roster
      .getByRole('row')
      .filter({ hasText: '22:00부터 (다음 날까지) 최당직' })
      .first()
      .waitFor();
    await checkScreen(t, 'coverage-03-shift-added');
    // Now that the center keeps a roster, it takes requests only while someone is on it.
    await page.reload();
    await page
      .getByRole('table', { name: '기관별 관할 지역' })
      .getByRole('row')
      .filter({ hasText: '서울특별시' })
      .filter({ hasText: '서울여성상담소' })
      .getByText(/아니요 — 지금 당번이 없어 건너뜀|예 — 당번 근무 중/)
      .waitFor();
  });

  it('lets a dispatcher put herself on call, in English, without the coverage form', async () => {
    await signIn('dispatcher', SECRETS.dispatcher);
    await page.getByRole('heading', { name: '긴급 구조 요청' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Coverage and on-call' })
      .click();
    await page.getByRole('heading', { name: 'Coverage and on-call', level: 1 }).waitFor();
    // Only the page she is on is current in the menu, not the dispatch board above it.
    expect(await page.locator('#main-nav [aria-current="page"]').allTextContents()).toEqual([
      'Coverage and on-call',
    ]);
    await page
      .getByRole('table', { name: 'Which organizations cover which regions' })
      .getByRole('row')
      .filter({ hasText: 'South Gyeongsang' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save coverage' }).count()).toBe(0);
    // She may not list the users, so there is no one to choose but herself.
    expect(await page.getByLabel('Who is on call').count()).toBe(0);
    await page.getByText('The shift will be yours (이구조).').waitFor();
    const day = seoulToday();
    await page.getByLabel('Date', { exact: true }).fill(day);
    await page.getByLabel('Start').fill('09:00');
    await page.getByLabel('End').fill('18:00');
    await page.getByRole('button', { name: 'Put me on call' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /이구조 is on call .* 09:00–18:00\./ })
      .waitFor();
    expect(coverage.posts).toEqual([
      {
        user_id: 'u-disp',
        starts_at: seoulInstant(day, '09:00'),
        ends_at: seoulInstant(day, '18:00'),
      },
    ]);
    await page
      .getByRole('table', { name: /^On-call roster/ })
      .getByRole('row')
      .filter({ hasText: '09:00–18:00 이구조' })
      .waitFor();
    await checkScreen(t, 'coverage-04-dispatcher-english');
  });
});
