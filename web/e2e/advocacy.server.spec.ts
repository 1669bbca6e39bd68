// REAL-SERVER SUITE for the advocacy screens against build/dandelion serving the demo network:
// the secretariat's advocate opens this year's pilgrimage (the 22nd) and sees its route stop by
// stop; opens the demo training course, sees the trainee who fell short refused in words,
// issues a certificate to the one who passed, downloads its PDF (a real download, whose bytes
// start with %PDF) and checks the code the API answered against the public verification route.
// On a 390 px phone the course page is read too. Skipped, with the reason printed, when the
// binary is missing.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import {
  DEMO_PASSWORD,
  startDemoServer,
  unavailableReason,
  type RealServer,
} from './lib/real-server';

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[advocacy real-server suite] SKIPPED: ${skipReason}\n`);

describe.skipIf(skipReason !== null)('advocacy real-server suite (demo network)', () => {
  let server: RealServer;
  let chromium: Launched;
  let t: TrackedPage;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    chromium = await launch();
    t = await newPage(chromium.browser, { baseURL: server.url });
    page = t.page;
  }, 180_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('shows the pilgrimage route and issues, downloads and verifies a certificate', async () => {
    await page.goto('/app/sign-in');
    await page.getByLabel('아이디').fill('secretariat-advocate');
    await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/app/sign-in'));

    // The campaign: its route in order, each stop with its place, host and state in words.
    await page.getByRole('navigation').getByRole('link', { name: '캠페인', exact: true }).click();
    await page.getByRole('heading', { name: '캠페인', level: 1 }).waitFor();
    await page.getByRole('link', { name: '(데모) 제22회 민들레 순례' }).click();
    await page.getByRole('heading', { name: '(데모) 제22회 민들레 순례', level: 1 }).waitFor();
    const route = page.getByRole('list', { name: '경로의 일정 (순서대로)' });
    await route.getByRole('heading', { name: /군산시/ }).waitFor();
    const stops = await route.locator(':scope > li').count();
    expect(stops).toBeGreaterThanOrEqual(3);
    await route.getByText('주최: (데모) 군산 상담소 (회원 단체)').waitFor();
    await page.getByRole('link', { name: '누리집에서 보기' }).waitFor();
    await checkScreen(t, 'advocacy-server-01-campaign');

    // The course: a trainee short of the rule is refused with the reason in words.
    await page.getByRole('navigation').getByRole('link', { name: '활동가 교육' }).click();
    await page.getByRole('link', { name: '(데모) 신입 활동가 양성 과정' }).click();
    await page.getByRole('heading', { name: '(데모) 신입 활동가 양성 과정', level: 1 }).waitFor();
    await page.getByText('전체 회기의 80 % 이상 출석').first().waitFor();
    await page.getByRole('button', { name: '(데모) 강보람에게 수료증 발급' }).click();
    await page
      .getByText(/수료 기준을 채우지 못해 수료증을 발급할 수 없습니다: 출석 2회, 필요 4회/)
      .waitFor();

    // The one who passed gets her certificate; its code comes from the API's answer.
    const issued = page.waitForResponse(
      (r) => r.url().endsWith('/certificate') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: '(데모) 윤서영에게 수료증 발급' }).click();
    const answer = await issued;
    expect(answer.status()).toBe(201);
    const { code } = (await answer.json()) as { code: string };
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);
    await page.getByText(`(데모) 윤서영에게 수료증을 발급했습니다 (번호 ${code}).`).waitFor();

    // Downloaded as she would: the browser's download, a PDF.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '(데모) 윤서영의 수료증 PDF 내려받기' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The public check of the code: valid, the course, the day — nothing else.
    const base = server.url.replace('localhost', '127.0.0.1');
    const verify = await fetch(`${base}/api/v1/public/certificates/${code}`, {
      headers: { 'Accept-Language': 'ko' },
    });
    expect(verify.status).toBe(200);
    const verdict = (await verify.json()) as Record<string, unknown>;
    expect(verdict.valid).toBe(true);
    expect(verdict.course).toBe('(데모) 신입 활동가 양성 과정');
    expect(JSON.stringify(verdict)).not.toContain('윤서영');
    await checkScreen(t, 'advocacy-server-02-course');

    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: '(데모) 신입 활동가 양성 과정', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '(데모) 윤서영', level: 3 }).waitFor();
    await checkScreen(t, 'advocacy-server-03-course-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
