// REAL-SERVER SUITE for a survivors' network member's own page against build/dandelion with the
// synthetic demo network (`dandelion demo`), on a 390 px phone: the demo member
// (survivors-member) signs in at /notes with her passphrase, sees her group's next meeting with
// its time and place, signs the statement open for signing (asked first in words; the count
// comes back, never a name), and quick-exits: the tab is on the neutral site, her page is not
// one "Back" away, and the session is signed out on the server. Skipped, with the reason
// printed, when the binary is missing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEUTRAL_URL } from '../src/help/neutral';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import {
  DEMO_PASSWORD,
  startDemoServer,
  unavailableReason,
  type RealServer,
} from './lib/real-server';

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[notes real-server suite] SKIPPED: ${skipReason}\n`);

let server: RealServer;
let chromium: Launched;
// A binary built before the survivors' network has no such routes: said, and skipped.
let routesMissing = false;

beforeAll(async () => {
  if (skipReason) return;
  server = await startDemoServer();
  const openapi = await fetch(
    `${server.url.replace('localhost', '127.0.0.1')}/api/v1/openapi.json`,
  );
  routesMissing = !(await openapi.text()).includes('/api/v1/survivors/me');
  if (routesMissing)
    console.warn('\n[notes real-server suite] SKIPPED: the binary has no survivors routes\n');
  chromium = await launch();
  // `dandelion demo` fills a whole synthetic network first: give it time on a busy machine.
}, 300_000);
afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe.skipIf(skipReason)('a member’s own page (real server, demo network)', () => {
  it('signs in, sees her next meeting, signs a statement and quick-exits on a phone', async (ctx) => {
    if (routesMissing) return ctx.skip();
    const t: TrackedPage = await newPage(chromium.browser, {
      baseURL: server.url,
      width: 390,
      height: 844,
    });
    const page: Page = t.page;
    await page.route(NEUTRAL_URL, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>날씨</title><p>맑음</p>',
      }),
    );
    try {
      await page.goto('/notes');
      await page.getByRole('heading', { name: '메모', level: 1 }).waitFor();
      expect(await page.title()).toBe('메모');
      await page.getByLabel('아이디').fill('survivors-member');
      await page.getByLabel('암호 문구').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '열기' }).click();
      await page.getByRole('heading', { name: '(데모) 들꽃 님', level: 1 }).waitFor();
      expect(await page.title()).toBe('메모');

      // Her group's next meeting: time and place.
      const next = page.getByRole('region', { name: '우리 모임' }).getByRole('listitem').first();
      await expect(next.innerText()).resolves.toContain('다음 모임');
      await expect(next.innerText()).resolves.toContain('(데모) 새해 계획 나누기');
      await expect(next.innerText()).resolves.toContain('(데모) 마포구 모임 공간');
      await expect(next.innerText()).resolves.toMatch(/\d+월 \d+일 \(.\) 오[전후] \d+:\d\d/);
      await page
        .getByRole('region', { name: '전국 모임' })
        .getByText('(데모) 전국 당사자 모임')
        .waitFor();
      await checkScreen(t, 'notes-server-01-her-page');

      // Signing the open statement: asked in words, then counted (the peer supporter signed).
      const title = '(데모) 지원시설 퇴소 후 주거 지원을 늘려 주십시오';
      await page.getByRole('button', { name: `서명하기: ${title}` }).click();
      await page
        .getByRole('alertdialog', { name: '서명할까요?' })
        .getByRole('button', { name: '서명하기' })
        .click();
      await page.getByText('서명했습니다. 지금까지 2명이 서명했습니다.').waitFor();
      await page.getByRole('button', { name: `서명 거두기: ${title}` }).waitFor();
      await checkScreen(t, 'notes-server-02-signed');

      // Quick exit: the neutral site replaces the page; Back does not return; signed out.
      await page.getByRole('button', { name: '빨리 나가기' }).click();
      await page.waitForURL(NEUTRAL_URL);
      expect(page.url()).toBe(NEUTRAL_URL);
      await page.goBack().catch(() => null);
      expect(page.url().startsWith(server.url)).toBe(false);
      await expect
        .poll(async () => (await t.context.request.get(`${server.url}/api/v1/me`)).status())
        .toBe(401);
    } finally {
      await t.context.close();
    }
  });
});
