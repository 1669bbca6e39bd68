// UI-ONLY SUITE for the shelter staff's home and bed board (/shelter) against mocks of the API
// (lib/mock-api.ts for the session, lib/mock-shelters.ts for the shelter), served from web/dist
// with the server's CSP: staff admit a woman to a free bed, record her outing, see the overdue
// alert, and record her exit and a follow-up; on a PC and on a phone, in Korean and English.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import { initialShelter, installShelterMock, type ShelterMock } from './lib/mock-shelters';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const STAFF_SECRET = SECRETS.dispatcher;

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let shelter: ShelterMock;
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

async function open(width: number, height: number) {
  state = initialState();
  const template = state.accounts.find((a) => a.id === 'u-disp')!;
  state.accounts.push({
    ...template,
    id: 'u-shelter',
    username: 'shelterstaff',
    display_name: '오쉼터',
    roles: ['shelter_staff'],
    totp_secret: STAFF_SECRET,
  });
  shelter = initialShelter('o-busan');
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, state);
  await installShelterMock(t.context, state, shelter);
}

beforeEach(() => async () => {
  await t?.context.close();
});

async function signIn() {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill('shelterstaff');
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(STAFF_SECRET, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.getByRole('heading', { name: '쉼터', level: 1 }).waitFor();
}

// A Seoul wall-clock time `minutes` from now, as a datetime-local input takes it.
const seoulLocal = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000 + 9 * 3_600_000).toISOString().slice(0, 16);

describe('shelter staff home (mocked API)', () => {
  it('admits a woman, records her outing, raises the overdue alert, and records her exit and follow-up', async () => {
    await open(1280, 900);
    await signIn();
    const board = page.getByRole('table', { name: '침대 현황' });
    await expect.poll(() => board.getByRole('row').count()).toBe(4);
    await page.getByText('입소 중인 분이 없습니다.').waitFor();
    await page.getByText('이번 달 숙박 연인원: 0박 (어젯밤까지)').waitFor();
    const waiting = page.getByRole('region', { name: '입소 대기 (1명)' });
    await waiting.getByText(/새벽별 SH-2026-0008 — 긴급 구조/).waitFor();
    await waiting.getByText('높음').waitFor();
    await checkScreen(t, 'shelters-01-empty-home');

    // Admission: a wrong code is explained at the field; the right one admits her.
    await board.getByRole('button', { name: '입소 201호 1' }).click();
    const admit = page.getByRole('dialog', { name: '201호 1번 침대에 입소' });
    await admit.getByLabel('입소할 분의 등록번호').fill('SH-2026-9999');
    await admit.getByRole('button', { name: '입소' }).click();
    await admit.getByText('이 시설에 등록된 분을 찾을 수 없습니다.').first().waitFor();
    await checkScreen(t, 'shelters-02-admit-refused');
    await admit.getByLabel('입소할 분의 등록번호').fill('SH-2026-0007');
    await admit.getByRole('button', { name: '입소' }).click();
    await page
      .getByRole('status')
      .getByText(/들꽃 님이 입소했습니다/)
      .waitFor();
    await board.getByRole('row').filter({ hasText: '들꽃' }).getByText('사용 중').waitFor();
    expect(shelter.posts[1]!.body).toMatchObject({
      person_code: 'SH-2026-0007',
      bed_id: 'b-1',
      source: 'referral',
    });

    // Outing: due back in an hour, then the clock passes the grace time.
    await page.getByRole('button', { name: '외출 기록 들꽃' }).click();
    const outing = page.getByRole('dialog', { name: '들꽃 외출 기록' });
    await outing.getByLabel('돌아올 시간').fill(seoulLocal(60));
    await outing.getByLabel('행선지 (선택, 암호화해 보관)').fill('병원');
    await outing.getByRole('button', { name: '기록' }).click();
    await page.getByText(/들꽃 — 외출, .* 복귀 예정/).waitFor();
    expect(await page.getByRole('heading', { name: '복귀 시간이 지났습니다' }).count()).toBe(0);
    shelter.offsetMs = 3 * 3_600_000;
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: '복귀 시간이 지났습니다' });
    await alert.getByText(/들꽃 — .*까지 돌아오기로 했습니다/).waitFor();
    await checkScreen(t, 'shelters-03-overdue');
    await page.getByRole('button', { name: '돌아옴 들꽃' }).click();
    await page.getByText('외출 중인 분이 없습니다.').waitFor();
    expect(await alert.count()).toBe(0);

    // Exit to public rental housing; a month later her follow-up is due and recorded.
    await page.getByRole('button', { name: '퇴소 들꽃' }).click();
    const exit = page.getByRole('dialog', { name: '들꽃 퇴소' });
    await exit.getByLabel('퇴소 후 거처').selectOption('public_rental');
    await checkScreen(t, 'shelters-04-exit-form');
    await exit.getByRole('button', { name: '퇴소' }).click();
    await page
      .getByRole('status')
      .getByText(/퇴소를 기록했습니다/)
      .waitFor();
    await board
      .getByRole('row')
      .filter({ hasText: '201호' })
      .first()
      .getByText('비어 있음')
      .waitFor();
    expect(shelter.stays[0]).toMatchObject({
      exit_destination: 'public_rental',
      destination_safe: true,
      exit_reason: 'completed',
    });
    shelter.offsetMs = 32 * 86_400_000;
    await page.reload();
    const due = page.getByRole('listitem').filter({ hasText: '퇴소 1개월 사후관리' });
    await due.getByText('SH-2026-0007').waitFor();
    await due.getByLabel('결과').selectOption('stable');
    await due.getByRole('button', { name: '기록' }).click();
    await page.getByText('예정된 사후관리가 없습니다.').waitFor();
    expect(shelter.followUps[0]).toMatchObject({ outcome: 'stable' });
    await checkScreen(t, 'shelters-05-follow-up-recorded');

    // A new room, and a free bed taken out of service and back.
    const rooms = page.getByRole('region', { name: '방과 침대' });
    await rooms.getByLabel('방 이름').fill('301호');
    await rooms.getByLabel('침대 수').selectOption('3');
    await rooms.getByRole('button', { name: '방 추가' }).click();
    await rooms.getByText('301호에 침대 3개를 추가했습니다.').waitFor();
    expect(shelter.beds.filter((b) => b.room === '301호')).toHaveLength(3);
    await rooms.getByRole('button', { name: '사용 중지 301호 2' }).click();
    await rooms.getByText('301호 2 침대를 사용 중지했습니다.').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '301호' })
      .nth(1)
      .getByText('사용 안 함')
      .waitFor();
    await checkScreen(t, 'shelters-06-rooms');
    await rooms.getByRole('button', { name: '다시 사용 301호 2' }).click();
    await rooms.getByText('301호 2 침대를 다시 사용합니다.').waitFor();
  });

  it('fits a phone and speaks English', async () => {
    await open(390, 844);
    shelter.stays.push({
      id: 's-9',
      person: { id: 'p-2', code: 'SH-2026-0008', alias: '새벽별' },
      bed_id: 'b-2',
      bed: '2',
      room: '201호',
      source: 'rescue',
      admitted_on: '2025-04-01',
      house_rules_agreed_on: '2025-04-01',
      planned_end_on: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      max_end_on: '2027-10-01',
      days_in_stay: 0,
      days_to_limit: 0,
      countdown: 0,
      readiness_due: false,
      exited_on: null,
      exit_reason: null,
      exit_destination: null,
      destination_safe: null,
      exit_note: null,
      out: null,
      follow_ups: [],
    });
    await signIn();
    const near = page.getByRole('region', { name: '기간 만료가 다가오는 입소' });
    await near.getByText('30일 이내').waitFor();
    await near.getByText(/퇴소 준비 점검/).waitFor();
    // An extension past the legal maximum is refused in words; up to it, it is asked for.
    await near.getByRole('button', { name: '연장 요청 새벽별' }).click();
    const extend = page.getByRole('dialog', { name: '새벽별 입소 기간 연장 요청' });
    await extend.getByLabel('새 종료 예정일').fill('2028-01-01');
    await extend.getByLabel('사유 (암호화해 보관)').fill('자립 준비가 더 필요함');
    await extend.getByRole('button', { name: '연장 요청' }).click();
    await extend
      .getByText(/법이 허용하는 최대 입소 기간을 넘습니다/)
      .first()
      .waitFor();
    await extend.getByLabel('새 종료 예정일').fill('2027-10-01');
    await extend.getByRole('button', { name: '연장 요청' }).click();
    await page
      .getByRole('status')
      .getByText(/연장을 요청했습니다/)
      .waitFor();
    expect(shelter.posts.at(-1)!.body).toEqual({
      until_on: '2027-10-01',
      reason: '자립 준비가 더 필요함',
    });
    await checkScreen(t, 'shelters-06-phone');
    // Nothing but the bed board's own scrolling table is wider than the phone.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 390 && !e.closest('.table-wrap'))
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`)
        .join(' '),
    );
    expect(wide).toBe('');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Shelter', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Stays nearing their limit' })
      .getByText('Within 30 days')
      .waitFor();
    await checkScreen(t, 'shelters-07-phone-english');
  });
});
