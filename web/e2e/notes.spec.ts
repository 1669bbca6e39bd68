// UI-ONLY SUITE for a survivors' network member's own page (/notes) against mocks of the session
// (lib/mock-api.ts) and the survivors' API (lib/mock-survivors.ts), on a 390 px phone: the tab
// shows only "메모" and a plain icon; she signs in with her passphrase and code, sees her group's
// next meeting with its place and the gathering, signs a statement and withdraws, updates how
// she may be contacted, reads it in English; a new tab signs out a session the browser still
// holds; quick exit (button, or Escape three times) leaves to the neutral site, signs out and
// leaves no page of hers one "Back" away.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NEUTRAL_URL } from '../src/help/neutral';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import {
  initialSurvivors,
  installSurvivorsMock,
  withSurvivors,
  type SurvivorsMock,
} from './lib/mock-survivors';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let survivors: SurvivorsMock;
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
  state = withSurvivors(initialState());
  survivors = initialSurvivors();
  t = await newPage(chromium.browser, { baseURL: site.url, width: 390, height: 844 });
  page = t.page;
  await installMockApi(t.context, state);
  await installSurvivorsMock(t.context, state, survivors);
  await page.route(NEUTRAL_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<title>날씨</title><p>맑음</p>',
    }),
  );
}

async function signIn() {
  await page.goto('/notes');
  await page.getByLabel('아이디').fill('bombi');
  await page.getByLabel('암호 문구').fill(PASSWORD);
  await page.getByRole('button', { name: '열기' }).click();
  await page.getByLabel('확인 코드 (6자리)').fill(totpAt(SECRETS.caseworker, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.getByRole('heading', { name: '봄비 님', level: 1 }).waitFor();
}

describe('a member’s own page (mocked API)', () => {
  it('is neutral before sign-in, then shows her meetings, statements and contact', async () => {
    await open();
    await page.goto('/notes');
    await page.getByRole('heading', { name: '메모', level: 1 }).waitFor();
    expect(await page.title()).toBe('메모');
    expect(new URL(page.url()).pathname).toBe('/notes');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/app/notes-icon.svg');
    const before = await page.locator('body').innerText();
    expect(before).not.toMatch(/민들레|Dandelion|성매매|당사자|survivor/i);
    await checkScreen(t, 'notes-01-sign-in');

    // A wrong passphrase, said in words; then the passphrase and the code.
    await page.getByLabel('아이디').fill('bombi');
    await page.getByLabel('암호 문구').fill('wrong passphrase');
    await page.getByRole('button', { name: '열기' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '아이디나 암호 문구가 맞지 않습니다.' })
      .waitFor();
    await page.getByLabel('암호 문구').fill(PASSWORD);
    await page.getByRole('button', { name: '열기' }).click();
    await page.getByRole('heading', { name: '확인 코드', level: 1 }).waitFor();
    await page.getByLabel('확인 코드 (6자리)').fill(totpAt(SECRETS.caseworker, currentStep()));
    await page.getByRole('button', { name: '확인' }).click();
    await page.getByRole('heading', { name: '봄비 님', level: 1 }).waitFor();
    expect(await page.title()).toBe('메모');
    expect(new URL(page.url()).pathname).toBe('/notes');

    // Her group's next meeting, with its place; the gathering.
    const meetings = page.getByRole('region', { name: '우리 모임' });
    await meetings.getByText('서울 자조모임의 다가오는 모임').waitFor();
    const next = meetings.getByRole('listitem').first();
    await expect(next.innerText()).resolves.toContain('다음 모임');
    await expect(next.innerText()).resolves.toContain('봄맞이 이야기 모임');
    await expect(next.innerText()).resolves.toContain('마포구 작은 카페 2층');
    await page
      .getByRole('region', { name: '전국 모임' })
      .getByText('2026 전국 당사자 모임')
      .waitFor();
    // Large touch targets and nothing wider than the phone.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    const exitBox = await page.getByRole('button', { name: '빨리 나가기' }).boundingBox();
    expect(exitBox!.height).toBeGreaterThanOrEqual(44);
    await checkScreen(t, 'notes-02-her-page');

    // Signing: asked first in words; the count comes back, never a name.
    const title = '성매매 피해자 비범죄화를 요구합니다';
    await page.getByRole('button', { name: `서명하기: ${title}` }).click();
    const ask = page.getByRole('alertdialog', { name: '서명할까요?' });
    await ask.getByText('이름은 나오지 않고').waitFor();
    await checkScreen(t, 'notes-03-sign-confirm');
    await ask.getByRole('button', { name: '서명하기' }).click();
    await page.getByText('서명했습니다. 지금까지 2명이 서명했습니다.').waitFor();
    expect(survivors.statements[0]!.signers.has('m-me')).toBe(true);
    await page.getByRole('button', { name: `서명 거두기: ${title}` }).click();
    await page
      .getByRole('alertdialog', { name: '서명을 거둘까요?' })
      .getByRole('button', { name: '서명 거두기' })
      .click();
    await page.getByText('서명을 거두었습니다.').waitFor();
    expect(survivors.statements[0]!.signers.has('m-me')).toBe(false);

    // How she may be contacted: only what changed is sent; an emptied field clears it.
    await page.getByLabel('연락처', { exact: true }).fill('');
    await page.getByLabel('안전하게 연락하는 방법').fill('저녁 7시 이후 문자만');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByRole('region', { name: '연락받는 방법' }).getByText('저장했습니다.').waitFor();
    const me = survivors.members.find((x) => x.id === 'm-me')!;
    expect(me.contact).toBeNull();
    expect(me.safe_contact).toBe('저녁 7시 이후 문자만');

    // In English, still a neutral tab title.
    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { name: '봄비', level: 1 }).waitFor();
    expect(await page.title()).toBe('Notes');
    await page.getByRole('region', { name: 'Speaking together' }).waitFor();
    await checkScreen(t, 'notes-04-english');
  });

  it('signs out a session the browser still holds when a new tab opens the page', async () => {
    await open();
    await signIn();
    expect(state.session).not.toBeNull();
    const other = await t.context.newPage();
    await other.goto('/notes');
    await other.getByRole('heading', { name: '메모', level: 1 }).waitFor();
    await other.getByLabel('아이디').waitFor();
    expect(state.session).toBeNull();
    await other.close();
  });

  it('quick exit by the button signs out and leaves nothing one Back away', async () => {
    await open();
    await signIn();
    const sessionsBefore = state.session;
    expect(sessionsBefore).not.toBeNull();
    await page.getByRole('button', { name: '빨리 나가기' }).click();
    await page.waitForURL(NEUTRAL_URL);
    expect(page.url()).toBe(NEUTRAL_URL);
    await expect.poll(() => state.session).toBeNull();
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(site.url)).toBe(false);
  });

  it('quick exit by Escape pressed three times, from the sign-in form', async () => {
    await open();
    await page.goto('/notes');
    await page.getByLabel('아이디').fill('bombi');
    await page.getByLabel('아이디').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_URL);
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(site.url)).toBe(false);
  });
});
