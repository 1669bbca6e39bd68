// UI-ONLY SUITE for the policy monitor against a mock of its API (lib/mock-policy.ts): on a PC an
// advocate walks the map with the keyboard and opens a region, scores Gyeonggi's ordinance and
// sees the map's score change, adds a status, compares ordinances with their gaps named, marks
// a task done, publishes a statement and imports a CSV file; on a 390px phone she scores Suwon's
// ordinance and publishes, and a case worker reads the same screens without editing controls.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { initialPolicy, installPolicyMock, type PolicyMock } from './lib/mock-policy';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let policy: PolicyMock;
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
  policy = initialPolicy();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installPolicyMock(t.context, policy);
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

const regionRow = (code: string) => page.locator(`tr[data-region="${code}"]`);

async function scoreGyeonggi(values: Record<string, string>) {
  await page.getByRole('button', { name: '평가하기' }).click();
  for (const [criterion, value] of Object.entries(values)) {
    const row = page.locator(`fieldset[data-criterion="${criterion}"]`);
    const select = row.getByRole('combobox', { name: '내용' });
    if (await select.count()) await select.selectOption({ label: value });
    else await row.getByRole('textbox', { name: '내용' }).fill(value);
  }
  await page.getByRole('button', { name: '평가 저장' }).click();
  await page.getByText('평가를 저장했습니다.').waitFor();
}

describe('policy monitor (mocked API)', () => {
  it('lets an advocate walk the map, score an ordinance, see the map change and publish', async () => {
    await open(1280, 900);
    await signIn('advocate', SECRETS.researcher);
    await page.getByRole('navigation').getByRole('link', { name: '정책 모니터링' }).click();
    await page.getByRole('heading', { name: '정책 모니터링', level: 1 }).waitFor();
    const map = page.getByRole('group', { name: /조례 현황 지도/ });
    await map.waitFor();
    // The legend names every shade in words, and the table agrees with the squares.
    await page.getByText('시·군·구 조례만 시행 중').first().waitFor();
    await expect(regionRow('KR-41').innerText()).resolves.toContain('광역 조례 시행 중');
    await expect(regionRow('KR-45').innerText()).resolves.toContain('시·군·구 조례만 시행 중');
    await expect(regionRow('KR-26').innerText()).resolves.toContain('조례 논의 중');
    await expect(regionRow('KR-41').innerText()).resolves.toContain('0점');

    // Keyboard: one Tab stop on the map, arrows walk it, Enter opens the region.
    const gyeonggi = map.getByRole('button', { name: /^경기 시행, 경기도:/ });
    await gyeonggi.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^강원/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '경기도 조례 현황' }).waitFor();
    const drill = page.getByRole('table', { name: '경기도의 시·군·구' });
    await drill.getByRole('rowheader', { name: '수원시' }).waitFor();
    await expect(drill.getByRole('row', { name: /수원시/ }).innerText()).resolves.toContain(
      '조례 시행 중',
    );
    const drillItems = page.getByRole('list', { name: '경기도의 조례' });
    await drillItems.getByRole('link', { name: '경기도 성매매피해자 등 자활 지원 조례' }).waitFor();
    await page.getByRole('heading', { name: '제정·개정 연혁' }).waitFor();
    await checkScreen(t, 'policy-01-map-drill');

    // Items, filtered: the Gyeonggi ordinance, scored criterion by criterion.
    await page
      .getByRole('navigation', { name: '정책 모니터링 화면' })
      .getByRole('link', { name: '법령·조례' })
      .click();
    await page.getByLabel('종류').selectOption({ label: '조례' });
    await page.getByLabel('지역').selectOption({ label: '경기도' });
    await page.getByRole('button', { name: '찾기' }).click();
    const list = page.getByRole('table', { name: '법령·조례 목록' });
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    await list.getByRole('link', { name: '경기도 성매매피해자 등 자활 지원 조례' }).click();
    await page.getByRole('heading', { name: '조례 평가표' }).waitFor();
    await scoreGyeonggi({
      living_cost: '있음',
      living_cost_amount: '900,000원',
      living_cost_months: '12',
      job_training: '있음',
      fraud_clawback: '없음',
    });
    const scores = page.getByRole('table', { name: '항목별 평가' });
    // Polled: the table shows the old scores until the saved ones arrive.
    await expect
      .poll(() => scores.locator('tr[data-criterion="living_cost_amount"]').innerText())
      .toContain('900,000원');
    await expect(
      scores.locator('tr[data-criterion="living_cost_months"]').innerText(),
    ).resolves.toContain('12개월');
    const put = policy.writes.find((w) => w.path.endsWith('/scores'))!;
    expect(put.body).toMatchObject({
      scores: expect.arrayContaining([
        { criterion: 'living_cost_amount', value: 900000, note: null },
        { criterion: 'fraud_clawback', value: false, note: null },
      ]),
    });
    // A status appended with its date and note; the history keeps both.
    const statusForm = page.getByRole('form', { name: '상태 덧붙이기' });
    await statusForm.getByLabel('상태', { exact: true }).selectOption({ label: '개정' });
    await statusForm.getByLabel('날짜', { exact: true }).fill('2024-06-01');
    await statusForm.getByLabel('메모', { exact: true }).fill('지원 기간 연장');
    await statusForm.getByRole('button', { name: '상태 기록' }).click();
    await page.getByText('상태를 기록했습니다.').waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /상태 이력/ })
          .getByRole('row')
          .count(),
      )
      .toBe(4);
    await checkScreen(t, 'policy-02-item-scored');

    // The map now carries the score (4 of 10 criteria met).
    await page
      .getByRole('navigation', { name: '정책 모니터링 화면' })
      .getByRole('link', { name: '지도' })
      .click();
    await expect.poll(() => regionRow('KR-41').innerText()).toContain('40점');
    await map.getByRole('button', { name: /^경기 시행, 경기도:.*평가 40점/ }).waitFor();

    // Side by side: Gyeonggi and Suwon, their gaps named.
    await page
      .getByRole('navigation', { name: '정책 모니터링 화면' })
      .getByRole('link', { name: '조례 평가' })
      .click();
    await page.getByLabel(/경기도 성매매피해자/).check();
    await page.getByLabel(/수원시 성매매피해자/).check();
    await page.getByRole('button', { name: '비교하기' }).click();
    const compare = page.getByRole('table', { name: '조례 항목별 비교' });
    await compare.waitFor();
    await expect(
      compare.locator('tr[data-criterion="living_cost_amount"]').innerText(),
    ).resolves.toMatch(/900,000원[\s\S]*1,000,000원\s*가장 높음/);
    await page.getByText(/^경기도: .*부정수급 환수/).waitFor();
    await checkScreen(t, 'policy-03-compare');

    // Work: a task done, a statement published after confirming.
    await page
      .getByRole('navigation', { name: '정책 모니터링 화면' })
      .getByRole('link', { name: '활동' })
      .click();
    const tasks = page.getByRole('table', { name: '할 일 (내 일 먼저)' });
    await expect(tasks.getByRole('row').nth(1).innerText()).resolves.toContain('부산시의회');
    await tasks
      .getByRole('button', { name: /부산시의회 조례안 심사 일정 확인 완료로 표시/ })
      .click();
    await page.getByText('할 일을 저장했습니다.').waitFor();
    await page.getByText('부산 조례 제정 공청회').waitFor();
    await page.getByRole('button', { name: /공개하기$/ }).click();
    const dialog = page.getByRole('alertdialog', { name: '성명서를 공개할까요?' });
    await dialog.getByRole('button', { name: '공개하기' }).click();
    await page.getByText('성명서를 공개했습니다.').waitFor();
    expect(policy.statements[0]!.published).toBe(true);
    await checkScreen(t, 'policy-04-work');

    // Import: progress, then the report with the refused row in words.
    await page
      .getByRole('navigation', { name: '정책 모니터링 화면' })
      .getByRole('link', { name: '가져오기' })
      .click();
    await page.getByLabel('CSV 파일 (20MB까지)').setInputFiles({
      name: 'ordinances.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('자치법규ID,자치법규명,지자체기관명\n1,a,경기도\n', 'utf8'),
    });
    await page.getByRole('button', { name: '가져오기', exact: true }).click();
    const refused = page.getByRole('table', { name: '거절된 줄' });
    await refused.waitFor();
    await expect(refused.getByRole('row').nth(1).innerText()).resolves.toMatch(
      /4\s+모르는 지방자치단체/,
    );
    await page.getByText('새로 등록 2건').waitFor();
    await checkScreen(t, 'policy-05-import');
  });

  it('fits a phone: score, see the municipality change, publish; a reader sees no controls', async () => {
    await open(390, 844);
    await signIn('advocate', SECRETS.researcher);
    await page.goto('/app/policy/items/pi-suwon');
    await page.getByRole('heading', { name: '조례 평가표' }).waitFor();
    await page.getByRole('button', { name: '평가하기' }).click();
    await page
      .locator('fieldset[data-criterion="survivor_consultation"]')
      .getByRole('combobox', { name: '내용' })
      .selectOption({ label: '있음' });
    await page.getByRole('button', { name: '평가 저장' }).click();
    await page.getByText('평가를 저장했습니다.').waitFor();
    await page.getByText('평가 점수: 50점').first().waitFor();
    await checkScreen(t, 'policy-06-phone-item');

    await page.goto('/app/policy?region=KR-41');
    const drill = page.getByRole('table', { name: '경기도의 시·군·구' });
    await expect
      .poll(async () => drill.getByRole('row', { name: /수원시/ }).innerText())
      .toContain('50점');
    // The map fills the phone's width, so its squares stay readable.
    const mapWidth = await page
      .getByRole('group', { name: /조례 현황 지도/ })
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(mapWidth).toBeGreaterThan(300);
    let width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkScreen(t, 'policy-07-phone-map');

    await page.goto('/app/policy/work');
    await page.getByRole('button', { name: /공개하기$/ }).click();
    await page
      .getByRole('alertdialog', { name: '성명서를 공개할까요?' })
      .getByRole('button', { name: '공개하기' })
      .click();
    await page.getByText('성명서를 공개했습니다.').waitFor();
    width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkScreen(t, 'policy-08-phone-work');

    // A case worker reads the same screens; nothing to edit, and no import.
    await page.getByRole('button', { name: '로그아웃' }).click();
    await signIn('caseworker', SECRETS.caseworker);
    await page.goto('/app/policy/items/pi-gg');
    await page.getByRole('heading', { name: '조례 평가표' }).waitFor();
    await page.getByText('읽기 전용입니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '평가하기' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '상태 기록' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '가져오기' }).count()).toBe(0);
    await checkScreen(t, 'policy-09-phone-reader');
  });
});
