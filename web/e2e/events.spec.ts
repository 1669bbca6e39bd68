// UI-ONLY SUITE for events and check-in against a mock of their API (lib/mock-events.ts): on a
// PC an advocate creates an event and finds it in the list, opens the forum and sees a woman
// who registered under an alias listed by her alias only, adds a registration with its ticket,
// and cancels one (the waitlist's first is promoted); on a 390 px phone at the door she checks
// the alias in by typing her reference, sees the double check-in caught with the first time, a
// check-in made while the API cannot be reached is kept ("1 waiting") and sent when it is back,
// and a check-in whose answer was lost is sent again with the same key and not counted twice.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { initialEvents, installEventsMock, type EventsMock } from './lib/mock-events';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let events: EventsMock;
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
  events = initialEvents();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installEventsMock(t.context, events);
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

async function typeCode(code: string) {
  await page.getByLabel('티켓 코드 또는 참가 번호').fill(code);
  await page.getByRole('button', { name: '입장 확인', exact: true }).click();
}

describe('events (mocked API)', () => {
  it('lets an advocate create an event, read the list by alias, add and cancel registrations', async () => {
    await open(1280, 900);
    await signIn('advocate', SECRETS.researcher);
    await page.getByRole('navigation').getByRole('link', { name: '행사' }).click();
    await page.getByRole('heading', { name: '행사', level: 1 }).waitFor();
    const upcoming = page.getByRole('table', { name: '다가오는 행사 목록' });
    await upcoming.getByRole('link', { name: '성매매 피해 지원 정책 포럼' }).waitFor();
    await page
      .getByRole('table', { name: '지난 행사 목록' })
      .getByRole('link', { name: '군산 화재 참사 추모제' })
      .waitFor();
    await checkScreen(t, 'events-01-list');

    // A new event: Korea time in, the form's values sent as they are meant.
    await page.getByRole('link', { name: '새 행사 만들기' }).click();
    await page.getByRole('heading', { name: '새 행사' }).waitFor();
    await page.getByLabel('종류').selectOption({ label: '정책 토론회' });
    await page.getByLabel('행사 이름 (한국어)').fill('탈성매매 자립 지원 정책 토론회');
    await page.getByLabel('행사 이름 (영어)').fill('Workshop on exit support');
    await page.getByLabel('시작 (한국 시간)').fill('2030-05-20T14:00');
    await page.getByLabel('끝 (한국 시간)').fill('2030-05-20T13:00');
    await page.getByLabel('장소', { exact: true }).fill('국회의원회관 제2세미나실');
    await page.getByLabel('지역').selectOption({ label: '서울특별시' });
    await page.getByLabel('정원').fill('80');
    await page.getByLabel('참가 신청 받기').check();
    await page.getByLabel('누리집에 공개하기').check();
    await page.getByRole('button', { name: '행사 만들기' }).click();
    await page.getByText('끝나는 시각이 시작보다 늦어야 합니다.').waitFor();
    await checkScreen(t, 'events-02-form');
    await page.getByLabel('끝 (한국 시간)').fill('2030-05-20T17:00');
    await page.getByRole('button', { name: '행사 만들기' }).click();
    await page.getByRole('heading', { name: '탈성매매 자립 지원 정책 토론회' }).waitFor();
    await page.getByText('행사를 저장했습니다.').waitFor();
    const created = events.events.at(-1)!;
    expect(created.starts_at).toBe('2030-05-20T05:00:00Z');
    expect(created.kind).toBe('policy_workshop');
    expect(created.capacity).toBe(80);
    expect(created.published).toBe(true);
    // Edited: the capacity removed (no limit) and taken off the public site, times kept.
    await page.getByRole('link', { name: '행사 수정' }).click();
    await page.getByRole('heading', { name: '행사 수정', level: 1 }).waitFor();
    await expect(page.getByLabel('시작 (한국 시간)').inputValue()).resolves.toBe(
      '2030-05-20T14:00',
    );
    await page.getByLabel('정원').fill('');
    await page.getByLabel('누리집에 공개하기').uncheck();
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('행사를 저장했습니다.').waitFor();
    expect(created.capacity).toBeNull();
    expect(created.published).toBe(false);
    expect(created.starts_at).toBe('2030-05-20T05:00:00Z');
    await page.getByText('비공개 · 신청 받는 중').waitFor();
    await page.getByRole('link', { name: '행사 목록' }).click();
    await upcoming.getByRole('link', { name: '탈성매매 자립 지원 정책 토론회' }).waitFor();

    // The forum: its counts, and the woman who registered under an alias, by her alias only.
    await upcoming.getByRole('link', { name: '성매매 피해 지원 정책 포럼' }).click();
    await page.getByRole('heading', { name: '성매매 피해 지원 정책 포럼' }).waitFor();
    await page.getByRole('img', { name: '참가 확정, 대기, 입장 인원과 정원' }).waitFor();
    const list = page.getByRole('table', { name: /참가자 명단/ });
    const alias = list.getByRole('row', { name: /민들레/ });
    await expect(alias.innerText()).resolves.toContain('별칭');
    await expect(alias.innerText()).resolves.toContain('HKMN-4729');
    await expect(page.locator('body').innerText()).resolves.not.toContain('박서연');
    await checkScreen(t, 'events-03-event');

    // Staff add a registration: over the capacity, she waits; her ticket is shown once.
    await page.getByLabel('이름', { exact: true }).fill('정자원');
    await page.getByLabel('역할').selectOption({ label: '참가자' });
    await page.getByRole('button', { name: '등록', exact: true }).click();
    await page.getByText(/정자원 님을 대기자로 등록했습니다/).waitFor();
    await page.getByRole('img', { name: /입장 QR 코드/ }).waitFor();

    // Cancelling Kim promotes the oldest on the waitlist, and says so.
    await list.getByRole('button', { name: '신청 취소: 김참가' }).click();
    const dialog = page.getByRole('alertdialog', { name: '참가 신청 취소' });
    await dialog.getByRole('button', { name: '신청 취소' }).click();
    await page.getByText('대기자 이대기 님이 참가 확정으로 바뀌었습니다.').waitFor();
    // The message comes with the answer; the list reloads just after, so wait for it.
    await list.getByRole('row', { name: /이대기.*참가 확정/ }).waitFor();
    await checkScreen(t, 'events-04-cancelled');
  });

  it('checks people in on a 390 px phone: typed code, double check-in, offline queue, lost answer', async () => {
    await open(390, 844);
    await signIn('advocate', SECRETS.researcher);
    await page.goto('/app/events/ev-forum/check-in');
    await page.getByRole('heading', { name: /입장 확인/, level: 1 }).waitFor();
    await page.getByText('보낼 입장 확인이 없습니다.').waitFor();

    // Her reference, typed (lower case, no dash, as a hurried volunteer would).
    await typeCode('hkmn4729');
    await page.getByText('민들레 님 입장을 확인했습니다.').waitFor();
    await page.getByText('입장 1명 / 참가 확정 3명').waitFor();
    expect(events.checkIns[0]!.body).toMatchObject({ reference: 'HKMN-4729' });
    expect(String(events.checkIns[0]!.body.idempotency_key)).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    await checkScreen(t, 'events-05-phone-checked-in');

    // Again: caught, with the first time in words.
    await typeCode('HKMN-4729');
    await page.getByText('민들레 님은 이미 입장했습니다.').waitFor();
    await page.getByText(/처음 입장: .+ \((방금 전|\d+분 전)\)/).waitFor();
    expect(events.checkIns).toHaveLength(2);
    expect(events.checkIns[1]!.body.idempotency_key).not.toBe(
      events.checkIns[0]!.body.idempotency_key,
    );
    await checkScreen(t, 'events-06-phone-double');

    // Not a code at all.
    await typeCode('hello');
    await page.getByText('QR 티켓 코드나 8자리 참가 번호가 아닙니다.').waitFor();

    // The API cannot be reached: the check-in is kept, then sent when it is back.
    events.failing = true;
    await typeCode('QRST-2345');
    await page.getByText(/휴대폰에 보관했습니다/).waitFor();
    await page.getByText('대기 중 1건').waitFor();
    const kept = await page.evaluate(() => localStorage.getItem('dandelion.checkins.v1'));
    expect(kept).toContain('QRST-2345');
    expect(kept).not.toContain('김참가');
    await checkScreen(t, 'events-07-phone-queued');
    events.failing = false;
    // The browser says it is online again: the queue goes out by itself.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByText('보관했던 입장 확인 1건을 보냈습니다.').waitFor();
    await page.getByText('보낼 입장 확인이 없습니다.').waitFor();
    expect(events.registrations.find((r) => r.id === 'r-kim')!.checked_in_at).not.toBeNull();
    await page.getByText('입장 2명 / 참가 확정 3명').waitFor();

    // The check-in arrives but its answer is lost: kept, and the replay by the button carries
    // the same key, so the server answers the same result and nothing is written twice.
    events.loseAnswers = true;
    await page.getByLabel('이름 또는 참가 번호').fill('최기');
    await page.getByRole('button', { name: '최기자 입장' }).click();
    await page.getByText('대기 중 1건').waitFor();
    events.loseAnswers = false;
    await page.getByRole('button', { name: '지금 보내기' }).click();
    await page.getByText('보낼 입장 확인이 없습니다.').waitFor();
    const press = events.checkIns.filter((c) => c.body.registration_id === 'r-press');
    expect(press).toHaveLength(2);
    expect(press[1]!.key).toBe(press[0]!.key);
    expect(events.keys.size).toBe(3);
    await page.getByText('입장 3명 / 참가 확정 3명').waitFor();
    await checkScreen(t, 'events-08-phone-search');

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
