// UI-ONLY SUITE for the survivors' network's staff screens against mocks of the session
// (lib/mock-api.ts) and the survivors' API (lib/mock-survivors.ts). On a PC the network's admin
// (a coordinator's rights) reads members by alias with no legal name anywhere, admits one by
// vouching, opens her page (her contact only on request), erases her behind the typed alias,
// plans a meeting and takes attendance, reads the peer-support log, and sees publishing refused
// in words below the minimum, then lowers the minimum and publishes. On a 390 px phone a
// facilitator sees her own group only and takes attendance.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

async function open(width: number, height: number) {
  state = withSurvivors(initialState());
  survivors = initialSurvivors();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, state);
  await installSurvivorsMock(t.context, state, survivors);
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

describe('survivors’ network staff screens (mocked API)', () => {
  it('lets a coordinator keep members by alias: admit by vouching, her contact on request, erase', async () => {
    await open(1280, 900);
    await signIn('moongchi-admin', SECRETS.orgadmin);
    await page.getByRole('navigation').getByRole('link', { name: '당사자 네트워크' }).click();
    await page.getByRole('heading', { name: '회원', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: '회원 목록 (별칭)' });
    await list.getByRole('link', { name: '봄비' }).waitFor();
    const text = await page.locator('body').innerText();
    for (const legal of ['박서연', '김들녘', '최해원']) expect(text).not.toContain(legal);
    expect(survivors.requests.some((r) => /^\/members\/.+/.test(r.path))).toBe(false);
    await checkScreen(t, 'survivors-01-members');

    // Admitting by vouching: the coordinator names the group's facilitator.
    await page.getByRole('link', { name: '새 회원 받기' }).click();
    await page.getByRole('heading', { name: '새 회원 받기 (보증)' }).waitFor();
    await page.getByLabel('별칭', { exact: true }).fill('민들레씨');
    await page.getByLabel('모임', { exact: true }).selectOption({ label: '서울 자조모임' });
    await page.getByLabel('보증하는 진행자').selectOption({ label: '들꽃' });
    await page.getByLabel('실명 (선택)').fill('홍길순');
    await page.getByLabel('연락처 (선택)').fill('010-3333-4444');
    await checkScreen(t, 'survivors-02-admit');
    await page.getByRole('button', { name: '회원으로 받기' }).click();
    await page.getByText('민들레씨 님을 회원으로 받았습니다.').waitFor();
    const admitted = survivors.members.at(-1)!;
    expect(admitted.vouched_by?.alias).toBe('들꽃');
    expect(admitted.legal_name).toBe('홍길순');

    // Her page: the sealed fields only when asked.
    await page.getByRole('heading', { name: '민들레씨', level: 2 }).waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain('홍길순');
    expect(
      survivors.requests.some((r) => r.method === 'GET' && r.path === `/members/${admitted.id}`),
    ).toBe(false);
    await page.getByRole('button', { name: '연락처 보기' }).click();
    await page.getByText('홍길순').waitFor();
    await page.getByText('010-3333-4444').waitFor();
    await checkScreen(t, 'survivors-03-member');
    await page.getByRole('button', { name: '연락처 숨기기' }).click();

    // Erasure: the typed alias must match.
    await page.getByRole('button', { name: '탈퇴 처리하고 지우기' }).click();
    const dialog = page.getByRole('alertdialog', { name: '민들레씨 님을 지울까요?' });
    await dialog.getByLabel(/확인하려면 별칭/).fill('민들레');
    await dialog.getByRole('button', { name: '지우기' }).click();
    await dialog.getByText('적은 별칭이 다릅니다.').waitFor();
    expect(admitted.status).toBe('active');
    await checkScreen(t, 'survivors-04-erase');
    await dialog.getByLabel(/확인하려면 별칭/).fill('민들레씨');
    await dialog.getByRole('button', { name: '지우기' }).click();
    await page.getByText('회원 한 명을 지웠습니다. 되돌릴 수 없습니다.').waitFor();
    expect(admitted.status).toBe('erased');
    await expect(list.innerText()).resolves.not.toContain('민들레씨');
  });

  it('lets a coordinator plan meetings, take attendance, read peer support and publish statements', async () => {
    await open(1280, 900);
    await signIn('moongchi-admin', SECRETS.orgadmin);
    await page.goto('/app/survivors/groups');
    // Groups, a meeting planned, attendance by alias.
    await page
      .getByRole('table', { name: '자조 모임 목록' })
      .getByRole('link', { name: '서울 자조모임' })
      .click();
    await page.getByRole('heading', { name: '서울 자조모임', level: 1 }).waitFor();
    await page.getByLabel('시작 (한국 시간)').fill('2030-05-20T19:00');
    await page.getByLabel('주제', { exact: true }).fill('새 모임');
    await page.getByLabel('곳', { exact: true }).fill('마포구 다른 카페');
    await page.getByRole('button', { name: '일정 만들기' }).click();
    await page.getByText('모임 일정을 만들었습니다.').waitFor();
    expect(survivors.meetings.at(-1)!.starts_at).toBe('2030-05-20T10:00:00Z');
    await page
      .getByRole('button', { name: /^\d+명, 출석 기록: / })
      .first()
      .waitFor();
    await page
      .getByRole('row', { name: /봄맞이 이야기 모임/ })
      .getByRole('button')
      .click();
    const att = page.getByRole('dialog', { name: /출석/ });
    await att.getByLabel('봄비').check();
    await expect.poll(() => survivors.meetings[0]!.attended.has('m-me')).toBe(true);
    await att.getByText('모두 1명').waitFor();
    await checkScreen(t, 'survivors-05-attendance');
    await att.getByRole('button', { name: '닫기' }).click();

    // Peer support, read by the coordinator.
    await page.getByRole('link', { name: '동료 지원' }).click();
    await page.getByRole('table').getByText('다음 주에 다시 통화하기로 함').waitFor();

    // Statements: publishing below the minimum is refused in words; nothing changes.
    await page.getByRole('link', { name: '공동 성명' }).click();
    await page.getByRole('heading', { name: '공동 성명', level: 1 }).waitFor();
    await page.getByRole('img', { name: '서명 1명, 최소 3명의 33%' }).waitFor();
    await page.getByRole('button', { name: '발표하기' }).click();
    await page
      .getByText(
        '서명이 1명으로 최소 인원 3명에 못 미쳐 발표하지 않았습니다. 아무것도 공개되지 않았습니다.',
      )
      .waitFor();
    expect(survivors.statements[0]!.status).toBe('open');
    await checkScreen(t, 'survivors-06-statements-refused');
    await page.getByLabel('최소 서명 인원').fill('0');
    await page.getByRole('button', { name: '최소 인원 저장' }).click();
    await page.getByText('1에서 100000 사이의 정수를 적어 주세요.').waitFor();
    await page.getByLabel('최소 서명 인원').fill('1');
    await page.getByRole('button', { name: '최소 인원 저장' }).click();
    await page.getByText('최소 인원을 1명으로 정했습니다.').waitFor();
    await page.getByRole('button', { name: '발표하기' }).click();
    await page.getByText('발표했습니다. 누리집에 서명 수만 나옵니다.').waitFor();
    expect(survivors.statements[0]!.status).toBe('published');
    await page.getByText('누리집에 게시 중').waitFor();
    // A new draft, then opened for signing.
    await page.getByLabel('제목 (한국어)').fill('새 성명');
    await page.getByLabel('본문 (한국어)').fill('함께 말합니다.');
    await page.getByRole('button', { name: '초안 저장' }).click();
    await page.getByText('초안을 저장했습니다.').waitFor();
    await checkScreen(t, 'survivors-07-statements');
  });

  it('shows a facilitator her own group on a 390 px phone and lets her take attendance', async () => {
    await open(390, 844);
    await signIn('deulkkot', SECRETS.supervisor);
    await page.waitForURL((u) => u.pathname === '/app/survivors');
    await page.getByRole('heading', { name: '회원', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: '회원 목록 (별칭)' });
    await list.getByText('봄비').waitFor();
    await expect(list.innerText()).resolves.not.toContain('바람');
    // No link to a member's page: that is a coordinator's.
    expect(await list.getByRole('link').count()).toBe(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await checkScreen(t, 'survivors-08-facilitator-phone');
    await page.getByRole('link', { name: '자조 모임' }).click();
    const groups = page.getByRole('table', { name: '자조 모임 목록' });
    await groups.getByRole('link', { name: '서울 자조모임' }).waitFor();
    expect(await groups.getByRole('link', { name: '부산 자조모임' }).count()).toBe(0);
    await groups.getByRole('link', { name: '서울 자조모임' }).click();
    await page
      .getByRole('row', { name: /새해 인사/ })
      .getByRole('button')
      .click();
    const att = page.getByRole('dialog', { name: /출석/ });
    await att.getByText('지워진 회원의 출석 1명 (이름 없음)').waitFor();
    await att.getByLabel('봄비').uncheck();
    await expect.poll(() => survivors.meetings[2]!.attended.has('m-me')).toBe(false);
    await checkScreen(t, 'survivors-09-attendance-phone');
    await att.getByRole('button', { name: '닫기' }).click();
    // Peer support is not hers: no tab.
    expect(
      await page
        .getByRole('navigation', { name: '당사자 네트워크 메뉴' })
        .getByRole('link', { name: '동료 지원' })
        .count(),
    ).toBe(0);
  });
});
