// UI-ONLY SUITE for emergency rescue: the public help page (/help) and the dispatch board
// against mocks of the API (lib/mock-api.ts for the session, lib/mock-emergency.ts for the
// emergency endpoints), served from web/dist with the server's CSP. Quick exit goes to the
// neutral site, which is intercepted here so the test never leaves the machine.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NEUTRAL_URL } from '../src/help/neutral';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import {
  arrive,
  flood,
  helpRequest,
  initialEmergency,
  installEmergencyMock,
  type EmergencyMock,
} from './lib/mock-emergency';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let emergency: EmergencyMock;
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

async function open(width = 1280, height = 800) {
  state = initialState();
  emergency = initialEmergency();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, state);
  await installEmergencyMock(t.context, state, emergency);
  // The neutral site quick exit goes to, answered here (page routes come before the context's
  // route that refuses every other origin).
  await page.route(NEUTRAL_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<title>날씨</title><p>오늘의 날씨</p>',
    }),
  );
}

beforeEach(async () => {
  await open();
  return async () => {
    await t.context.close();
  };
});

async function fillHelpForm(region: string, situation: string) {
  await page.locator('#help-region').selectOption(region);
  await page.locator('#help-situation').fill(situation);
}

describe('public help page (mocked API)', () => {
  it('puts quick exit first, explains errors, and sends a request in Korean', async () => {
    await page.goto('/help');
    await page.getByRole('heading', { name: '도움이 필요하신가요?' }).waitFor();
    await page.locator('#help-region option[value="KR-26"]').waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('빨리 나가기');
    expect(await page.getByRole('link', { name: '112', exact: true }).getAttribute('href')).toBe(
      'tel:112',
    );
    // The honeypot is out of reach of people and of screen readers.
    expect(await page.getByRole('textbox', { name: /웹사이트/ }).count()).toBe(0);
    await checkScreen(t, 'help-01-ko');

    await page.getByRole('button', { name: '보내기' }).click();
    await page.getByRole('alert').filter({ hasText: '표시된 항목을 확인해 주세요.' }).waitFor();
    expect(await page.locator('#help-region').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-region');
    await page.getByText('어떤 일이 있는지 적어 주세요.').waitFor();
    await checkScreen(t, 'help-02-ko-errors');

    await fillHelpForm('KR-26', '업소에서 나오고 싶어요. 밤에는 감시가 있어요.');
    await page.getByLabel('연락받을 방법 (선택)').fill('010-0000-0000');
    await page
      .getByLabel('언제, 어떻게 연락하면 안전한가요? (선택)')
      .fill('평일 오후 2~4시 문자만');
    await page.getByRole('button', { name: '보내기' }).click();
    await page.getByRole('heading', { name: '요청이 전달되었습니다' }).waitFor();
    expect(await page.locator('.help-reference').textContent()).toBe('H-0001-WEB');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-sent-title');
    expect(emergency.submissions).toEqual([
      {
        region: 'KR-26',
        situation: '업소에서 나오고 싶어요. 밤에는 감시가 있어요.',
        contact: '010-0000-0000',
        safe_contact: '평일 오후 2~4시 문자만',
        language: 'ko',
        form_token: 'form-token-1',
        website: '',
      },
    ]);
    // Nothing kept on the device: no cookie, no storage.
    expect(await t.context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await checkScreen(t, 'help-03-ko-sent');
  });

  it('switches to Thai in place and sends a request in Thai', async () => {
    await page.goto('/help');
    await page.locator('#help-region option[value="KR-11"]').waitFor({ state: 'attached' });
    await page.locator('#help-situation').fill('ช่วยด้วย');
    const before = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'ภาษาไทย' }).click();
    await page.getByRole('heading', { name: 'ต้องการความช่วยเหลือไหม' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    expect(new URL(page.url()).search).toBe('?lang=th');
    // What she typed is kept, and no history entry was added.
    expect(await page.locator('#help-situation').inputValue()).toBe('ช่วยด้วย');
    expect(await page.evaluate(() => history.length)).toBe(before);
    await checkScreen(t, 'help-04-th');

    await page.locator('#help-region').selectOption({ label: 'Seoul (서울특별시)' });
    await page.getByRole('button', { name: 'ส่ง', exact: true }).click();
    await page.getByRole('heading', { name: 'ส่งคำขอแล้ว' }).waitFor();
    expect(emergency.submissions[0]).toMatchObject({
      region: 'KR-11',
      situation: 'ช่วยด้วย',
      language: 'th',
    });
    await checkScreen(t, 'help-05-th-sent');
  });

  it('opens in Vietnamese at /help/vi and tells her to wait when slowed down', async () => {
    emergency.floodFrom = true;
    await page.goto('/help/vi');
    await page.getByRole('heading', { name: 'Bạn cần giúp đỡ?' }).waitFor();
    await page.locator('#help-region option[value="KR-41"]').waitFor({ state: 'attached' });
    await fillHelpForm('KR-41', 'Tôi cần giúp đỡ.');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Vui lòng đợi 2 phút rồi gửi lại.' }).waitFor();
    expect(await page.locator('#help-situation').inputValue()).toBe('Tôi cần giúp đỡ.');
    await checkScreen(t, 'help-06-vi-too-many');
  });

  it('shows the server field errors in English', async () => {
    await page.goto('/help?lang=en');
    await page.locator('#help-region option[value="KR-11"]').waitFor({ state: 'attached' });
    // A region the server does not know (the page only offers the server's list; a stale
    // list could still send one).
    await page.locator('#help-region').evaluate((s: HTMLSelectElement) => {
      s.add(new Option('Atlantis', 'KR-99'));
      s.value = 'KR-99';
    });
    await page.locator('#help-situation').fill('Help');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please check what you entered.' }).waitFor();
    await page.getByText('Choose a region.').waitFor();
  });

  it('quick exit by the button leaves no Dandelion page in the tab', async () => {
    await page.goto('/help');
    await page.locator('#help-situation').fill('지금 무서워요');
    await page.getByRole('button', { name: '빨리 나가기' }).click();
    await page.waitForURL(NEUTRAL_URL);
    expect(page.url()).toBe(NEUTRAL_URL);
    // Back does not return to the help page: it was replaced, not left behind.
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(site.url)).toBe(false);
  });

  it('quick exit by Escape pressed three times, from inside the form', async () => {
    await page.goto('/help?lang=en');
    await page.locator('#help-situation').fill('I am scared');
    await page.locator('#help-situation').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_URL);
    expect(page.url()).toBe(NEUTRAL_URL);
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(site.url)).toBe(false);
  });

  it('keeps quick exit and 112 at the top of a 360 px phone while scrolling', async () => {
    await t.context.close();
    await open(360, 740);
    await page.goto('/help?lang=vi');
    await page.getByRole('heading', { name: 'Bạn cần giúp đỡ?' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await checkScreen(t, 'help-07-phone-vi');
    await page.getByRole('link', { name: 'Cách sử dụng an toàn' }).click();
    await page.getByRole('heading', { name: 'Cách sử dụng an toàn' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    const exit = await page.getByRole('button', { name: 'Thoát nhanh' }).boundingBox();
    expect(exit!.y).toBeLessThan(20);
    expect(exit!.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByRole('button', { name: 'Thoát nhanh' }).isVisible()).toBe(true);
  });
});

async function signInDispatcher() {
  await page.goto('/app/sign-in');
  await page.getByLabel('아이디').fill('dispatcher');
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(SECRETS.dispatcher, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.getByRole('heading', { name: '긴급 구조 요청' }).waitFor();
}

describe('dispatch board (mocked API)', () => {
  it('shows a request arriving on the live stream, with an alert and a chime, and acknowledges it', async () => {
    // Count the oscillators the chime starts (the sound itself is not heard in a test).
    await page.addInitScript(() => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.__tones++;
        return create.call(this);
      };
    });
    await signInDispatcher();
    await page.getByRole('button', { name: 'H-0001 요청 열기' }).waitFor();
    await page.getByRole('img', { name: '기관별 처리 시간 막대 그래프' }).waitFor();
    await checkScreen(t, 'emergency-01-board');

    arrive(
      emergency,
      helpRequest('r2', {
        reference: 'H-0002',
        situation: '지금 도와주세요',
        safe_contact: '문자만',
      }),
    );
    const alert = page.getByRole('alert').filter({ hasText: '새 구조 요청: 부산광역시 · 보통' });
    await alert.waitFor();
    const row = page.getByRole('row').filter({ hasText: 'H-0002' });
    await row.filter({ hasText: '새 요청' }).waitFor();
    expect(await row.textContent()).toMatch(/분 \d+초 남음/);
    // New requests come first.
    expect(await page.locator('tbody tr').first().textContent()).toContain('H-0002');
    expect(
      await page.evaluate(() => (window as unknown as { __tones: number }).__tones),
    ).toBeGreaterThanOrEqual(2);
    await checkScreen(t, 'emergency-02-arrival');

    await page.getByRole('button', { name: 'H-0002 요청 열기' }).click();
    const detail = page.getByRole('region', { name: '요청 H-0002' });
    await detail.getByText('지금 도와주세요').waitFor();
    await detail.getByRole('button', { name: '요청 확인' }).click();
    await detail.getByText('요청을 확인했습니다.').waitFor();
    await row.filter({ hasText: '확인함' }).waitFor();
    const ack = state.requests.find(
      (r) => r.method === 'POST' && r.path === '/api/v1/emergency/requests/r2/acknowledge',
    )!;
    expect(ack.headers['x-csrf-token']).toBe(state.session!.csrf);
    expect(emergency.requests.find((r) => r.id === 'r2')!.status).toBe('acknowledged');
    await checkScreen(t, 'emergency-03-acknowledged');

    // Dispatch, police coordination, resolve, and link the person and case.
    await detail.getByLabel('메모 (선택)').first().fill('상담원 2명 출동');
    await detail.getByRole('button', { name: '출동 기록' }).click();
    await detail.getByText('출동을 기록했습니다.').waitFor();
    await row.filter({ hasText: '출동함' }).waitFor();
    await detail.getByLabel('경찰서·지구대').fill('부산진경찰서 서면지구대');
    await detail.getByLabel('통보 시각 (한국 시간)').fill('2026-03-01T18:30');
    await detail.getByLabel('신고·사건 번호 (선택)').fill('2026-0301-77');
    await detail.getByRole('button', { name: '경찰 공조 기록' }).click();
    await detail.getByText('경찰 공조를 기록했습니다.').waitFor();
    expect(emergency.requests.find((r) => r.id === 'r2')!.police).toMatchObject({
      station: '부산진경찰서 서면지구대',
      notified_at: '2026-03-01T09:30:00Z',
      report_number: '2026-0301-77',
    });
    await detail.getByLabel('결과', { exact: true }).selectOption('rescued');
    await detail.getByRole('button', { name: '해결로 기록' }).click();
    await detail.getByText('해결로 기록했습니다.').waitFor();
    // Resolved requests leave the open list.
    await page.getByRole('row').filter({ hasText: 'H-0002' }).waitFor({ state: 'detached' });
    // She is found on the request by her exact name (a dispatcher may not open the register
    // of people); a restricted woman of the same name shows by code only, without a link.
    const search = detail.getByRole('search', { name: '이 요청의 당사자 찾기' });
    await search.getByLabel('당사자의 이름 (정확히)').fill('김하나');
    await search.getByRole('button', { name: '찾기' }).click();
    await detail.getByText('찾은 당사자: 2명').waitFor();
    await detail.getByText('BS-2026-0012: 열람 제한 당사자').waitFor();
    expect(await detail.getByRole('button', { name: /BS-2026-0012/ }).count()).toBe(0);
    await checkScreen(t, 'emergency-05-find-her');
    await detail.getByRole('button', { name: '사례 BS-C-2026-0003에 연결' }).click();
    await detail.getByText('당사자와 사례를 연결했습니다.').waitFor();
    expect(emergency.requests.find((r) => r.id === 'r2')).toMatchObject({
      status: 'resolved',
      outcome: 'rescued',
      person_id: 'p-77',
      case_id: 'c-91',
    });
    expect(
      state.requests.some(
        (r) => r.path === '/api/v1/emergency/requests/r2/candidates' && r.method === 'GET',
      ),
    ).toBe(true);
    // The follow-up done, the request is closed: it changes no more.
    await detail.getByRole('button', { name: '요청 종결' }).click();
    await detail.getByText('요청을 종결했습니다.').waitFor();
    expect(emergency.requests.find((r) => r.id === 'r2')!.status).toBe('closed');
    expect(await detail.getByRole('search').count()).toBe(0);

    // The response times, also as a table.
    await page.getByText('표로 보기').first().click();
    const byOrg = page.getByRole('table', { name: '기관별' });
    expect(await byOrg.getByRole('row').filter({ hasText: '부산 쉼터' }).textContent()).toContain(
      '4.5분',
    );

    // Free shelter beds, counts only, and a 90-minute hold for the woman on her way.
    const beds = page.getByRole('region', { name: '쉼터 빈 침대' });
    const busan = beds.getByRole('row').filter({ hasText: '부산 쉼터' });
    await busan.getByText('일반 3/6').waitFor();
    await busan.getByRole('button', { name: '자녀 동반 침대 잡기 부산 쉼터' }).click();
    await beds.getByText(/부산 쉼터의 자녀 동반 침대를 .*까지 잡아 두었습니다/).waitFor();
    await busan.getByText('자녀 동반 0/2').waitFor();
    expect(await busan.getByRole('button', { name: /자녀 동반/ }).count()).toBe(0);
    await checkScreen(t, 'emergency-07-beds');
  });

  it('shows a flood of the help form held at the secretariat, and finds her by phone on a phone', async () => {
    await t.context.close();
    await open(390, 844);
    await signInDispatcher();
    flood(emergency, helpRequest('r3', { reference: 'H-0003', status: 'new', ack_due_at: null }));
    const notice = page.getByRole('alert').filter({ hasText: '한꺼번에 많이 들어오고' });
    await notice.waitFor();
    await page.getByRole('button', { name: 'H-0003 요청 열기' }).waitFor();
    await checkScreen(t, 'emergency-06-flood-phone');
    await notice.getByRole('button', { name: '이 알림 숨기기' }).click();
    await notice.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'H-0001 요청 열기' }).click();
    const detail = page.getByRole('region', { name: '요청 H-0001' });
    const search = detail.getByRole('search', { name: '이 요청의 당사자 찾기' });
    await search.getByLabel('찾는 방법').selectOption('phone');
    await search.getByLabel('당사자의 전화번호').fill('01055550007');
    await search.getByLabel('당사자의 전화번호').press('Enter');
    await detail.getByText('찾은 당사자: 2명').waitFor();
    await detail.getByRole('button', { name: 'BS-2026-0007에 연결' }).focus();
    await checkScreen(t, 'emergency-07-find-her-phone');
    await page.keyboard.press('Enter');
    await detail.getByText('당사자와 사례를 연결했습니다.').waitFor();
    expect(emergency.requests.find((r) => r.id === 'r1')).toMatchObject({
      person_id: 'p-77',
      case_id: null,
    });
  });

  it('logs a request received by phone, in English', async () => {
    await signInDispatcher();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Emergency requests' }).waitFor();
    await page.getByRole('button', { name: 'Log a received request' }).click();
    await page.getByRole('button', { name: 'Log request' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please check what you entered.' }).waitFor();
    await page.getByLabel('Channel').selectOption('hotline');
    await page.getByLabel('Region', { exact: true }).selectOption('KR-26');
    await page.getByLabel('Urgency').selectOption('high');
    await page.getByLabel('Situation').fill('Caller wants to leave tonight.');
    await page.getByRole('button', { name: 'Log request' }).click();
    await page.getByRole('status').filter({ hasText: 'Request H-0011 logged.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'H-0011' }).filter({ hasText: 'High' }).waitFor();
    await checkScreen(t, 'emergency-04-logged-english');
  });
});
