// REAL-SERVER SUITE for the policy monitor against build/dandelion: an advocate of the
// secretariat imports the open-data sample (docs/policy-import-sample.csv) plus one row naming
// an unknown local government and reads the report, imports it again and is told nothing
// changed; the map shows Gyeonggi's ordinance in force; she scores it criterion by criterion and
// the map's score follows; she publishes a drafted statement and the public API lists it. A case
// worker of a member reads the map on a phone with no editing control. Skipped, with the
// reason printed, when the binary is missing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'network-office', name: '전국연대 사무국', kind: 'secretariat', region: 'KR-11' },
  { slug: 'seoul-center', name: '서울여성상담소', kind: 'counseling_center', region: 'KR-11' },
];
const USERS = [
  { org: 'network-office', username: 'adv', display: '오활동', roles: 'advocate' },
  { org: 'network-office', username: 'adv2', display: '문활동', roles: 'advocate' },
  { org: 'seoul-center', username: 'reader', display: '정상담', roles: 'case_worker' },
];
const SAMPLE = fileURLToPath(new URL('../../docs/policy-import-sample.csv', import.meta.url));

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[policy real-server suite] SKIPPED: ${skipReason}\n`);

describe.skipIf(skipReason !== null)('policy real-server suite (build/dandelion)', () => {
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

  it('imports, scores an ordinance, sees the map change and publishes a statement', async () => {
    const colleague = await apiSignIn(server.url, 'adv2');
    await colleague.call('POST', '/api/v1/policy/statements', {
      title_ko: '경기도의회는 조례의 지원 기간을 늘려라',
      body_ko: '생계비 지원 기간을 24개월로 늘려야 합니다.',
    });

    const a = await newPage(chromium.browser, { baseURL: server.url, width: 1280, height: 900 });
    await browserSignIn(a.page, 'adv', false);
    const page = a.page;
    const csv = Buffer.concat([
      readFileSync(SAMPLE),
      Buffer.from(
        '2000099,1200099,없는구 조례,서울특별시 없는구,조례,제정,20240101,1,20240101,보건·복지,현행,https://www.law.go.kr/\n',
        'utf8',
      ),
    ]);
    const upload = async () => {
      await page.goto('/app/policy/import');
      await page.getByLabel('CSV 파일 (20MB까지)').setInputFiles({
        name: 'ordinances.csv',
        mimeType: 'text/csv',
        buffer: csv,
      });
      await page.getByRole('button', { name: '가져오기', exact: true }).click();
      await page.getByRole('heading', { name: '가져오기 결과' }).waitFor();
    };
    await upload();
    await page.getByText('새로 등록 7건').waitFor();
    const refused = page.getByRole('table', { name: '거절된 줄' });
    await expect(refused.getByRole('row').nth(1).innerText()).resolves.toMatch(
      /9\s+모르는 지방자치단체/,
    );
    await checkScreen(a, 'policy-server-01-import');
    await upload();
    await page.getByText(/이미 모두 들어와 있어 바뀐 것이 없습니다/).waitFor();

    // The map: Gyeonggi's own ordinance is in force, not yet scored.
    await page.goto('/app/policy');
    const gyeonggi = page.locator('tr[data-region="KR-41"]');
    await expect.poll(() => gyeonggi.innerText()).toContain('광역 조례 시행 중');
    await expect(gyeonggi.innerText()).resolves.toContain('0점');
    await expect(page.locator('tr[data-region="KR-45"]').innerText()).resolves.toContain(
      '시·군·구 조례만 시행 중',
    );

    // Score it: living-cost support, 900,000원 a month for 12 months (3 of 10 criteria met).
    await page.getByRole('button', { name: '경기도 자세히 보기' }).click();
    await page
      .getByRole('list', { name: '경기도의 조례' })
      .getByRole('link', { name: '경기도 성매매피해자 등의 자립·자활 지원 조례' })
      .click();
    await page.getByRole('button', { name: '평가하기' }).click();
    const field = (criterion: string) => page.locator(`fieldset[data-criterion="${criterion}"]`);
    await field('living_cost').getByRole('combobox', { name: '내용' }).selectOption('yes');
    await field('living_cost_amount').getByRole('textbox', { name: '내용' }).fill('900,000');
    await field('living_cost_months').getByRole('textbox', { name: '내용' }).fill('12');
    await field('fraud_clawback').getByRole('combobox', { name: '내용' }).selectOption('no');
    await page.getByRole('button', { name: '평가 저장' }).click();
    await page.getByText('평가를 저장했습니다.').waitFor();
    const scores = page.getByRole('table', { name: '항목별 평가' });
    // The message can show before the table is drawn again with the saved scores.
    await expect
      .poll(() => scores.locator('tr[data-criterion="living_cost_amount"]').innerText())
      .toContain('900,000원');
    await page.getByText('평가 점수: 30점').first().waitFor();
    await checkScreen(a, 'policy-server-02-scored');

    await page.goto('/app/policy');
    await expect.poll(() => gyeonggi.innerText()).toContain('30점');
    await page
      .getByRole('group', { name: /조례 현황 지도/ })
      .getByRole('button', { name: /^경기 시행, 경기도:.*평가 30점/ })
      .waitFor();

    // Publish the drafted statement; the public sees it.
    await page.goto('/app/policy/work');
    await page.getByRole('button', { name: /공개하기$/ }).click();
    await page
      .getByRole('alertdialog', { name: '성명서를 공개할까요?' })
      .getByRole('button', { name: '공개하기' })
      .click();
    await page.getByText('성명서를 공개했습니다.').waitFor();
    await checkScreen(a, 'policy-server-03-published');
    const open = await fetch(
      `${server.url.replace('localhost', '127.0.0.1')}/api/v1/public/policy/statements`,
    );
    const published = (await open.json()) as { items: { title_ko: string }[] };
    expect(published.items.map((s) => s.title_ko)).toContain(
      '경기도의회는 조례의 지원 기간을 늘려라',
    );
    await a.context.close();

    // A member's case worker reads on a phone: the same figures, nothing to edit.
    const r = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    await browserSignIn(r.page, 'reader');
    await r.page.goto('/app/policy');
    await expect
      .poll(() => r.page.locator('tr[data-region="KR-41"]').innerText())
      .toContain('30점');
    await r.page.getByText('읽기 전용입니다.', { exact: false }).waitFor();
    expect(await r.page.getByRole('link', { name: '가져오기' }).count()).toBe(0);
    const width = await r.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkScreen(r, 'policy-server-04-reader-phone');
    await r.context.close();
  });
});
