// UI-ONLY SUITE for campaigns and partners against a mock of their API (lib/mock-advocacy.ts):
// on a PC an advocate creates a campaign, opens the pilgrimage and reorders its route with the
// keyboard (focus stays on the moved stop; a move that would put a later day first is refused in
// words), adds, edits and deletes a stop, links and unlinks an event, adds a link and uploads a
// file to its materials, and logs press coverage. On a 390 px phone she filters partners by
// kind, opens one, sees its contacts only after asking, and records an interaction, an alliance
// and an agreement. A researcher reads the same pages without any editing control.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialAdvocacy, installAdvocacyMock, type AdvocacyMock } from './lib/mock-advocacy';
import { initialState, installMockApi, PASSWORD, SECRETS } from './lib/mock-api';
import { initialEvents, installEventsMock } from './lib/mock-events';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let mock: AdvocacyMock;
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
  mock = initialAdvocacy();
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, initialState());
  await installEventsMock(t.context, initialEvents());
  await installAdvocacyMock(t.context, mock);
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

const last = (method: string, path: RegExp) =>
  mock.requests.filter((r) => r.method === method && path.test(r.path)).at(-1);

describe('campaigns and partners (mocked API)', () => {
  it('lets an advocate create a campaign and keep the pilgrimage route, events, materials and press', async () => {
    await open(1280, 900);
    await signIn('advocate', SECRETS.researcher);
    await page.getByRole('navigation').getByRole('link', { name: '캠페인', exact: true }).click();
    await page.getByRole('heading', { name: '캠페인', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: '캠페인 목록' });
    await list.getByRole('link', { name: '제22회 민들레 순례' }).waitFor();
    await list.getByRole('progressbar', { name: '5곳 중 2곳 마침' }).waitFor();
    await checkScreen(t, 'campaigns-01-list');

    // A new campaign: the period checked before sending, then saved as typed.
    await page.getByRole('link', { name: '새 캠페인 만들기' }).click();
    await page.getByRole('heading', { name: '새 캠페인', level: 1 }).waitFor();
    await page.getByLabel('캠페인 이름 (한국어)').fill('성구매 수요 차단 캠페인');
    await page.getByLabel('시작일').fill('2027-03-01');
    await page.getByLabel('종료일').fill('2027-02-01');
    await page.getByLabel('성구매 수요 차단').check();
    await page.getByLabel('상태').selectOption({ label: '진행 중' });
    await page.getByLabel('누리집에 공개하기').check();
    await page.getByRole('button', { name: '캠페인 만들기' }).click();
    await page.getByText('끝나는 날이 시작일보다 빠를 수 없습니다.').waitFor();
    await checkScreen(t, 'campaigns-02-form');
    await page.getByLabel('종료일').fill('2027-05-31');
    await page.getByRole('button', { name: '캠페인 만들기' }).click();
    await page.getByRole('heading', { name: '성구매 수요 차단 캠페인', level: 1 }).waitFor();
    await page.getByText('캠페인을 저장했습니다.').waitFor();
    expect(last('POST', /^\/campaigns$/)!.body).toMatchObject({
      starts_on: '2027-03-01',
      ends_on: '2027-05-31',
      themes: ['curbing_demand'],
      status: 'active',
      published: true,
    });

    // The pilgrimage: its route in order, done and upcoming in words.
    await page.goto('/app/campaigns/c-22');
    await page.getByRole('heading', { name: '제22회 민들레 순례', level: 1 }).waitFor();
    const route = page.getByRole('list', { name: '경로의 일정 (순서대로)' });
    await expect(route.locator(':scope > li h3').allInnerTexts()).resolves.toEqual([
      '1. 서울특별시',
      '2. 대구광역시',
      '3. 부산광역시',
      '4. 광주광역시',
      '5. 군산시',
    ]);
    await route.getByText('주최: 군산 상담소 (회원 단체)').waitFor();
    expect(await route.getByText('마침', { exact: true }).count()).toBe(2);
    expect(await page.getByRole('link', { name: '누리집에서 보기' }).getAttribute('href')).toBe(
      '/campaigns/c-22',
    );
    await checkScreen(t, 'campaigns-03-page');

    // Reordered with the keyboard: the same day may swap; focus stays on the moved stop.
    await page.getByRole('button', { name: '4번째 일정(광주광역시) 위로 옮기기' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('광주광역시 일정을 3번째로 옮겼습니다.').waitFor();
    expect(last('PUT', /\/route$/)!.body).toEqual({
      stop_ids: ['s-seoul', 's-daegu', 's-gwangju', 's-busan', 's-gunsan'],
    });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'stop-s-gwangju-up',
    );
    // A later day before an earlier one: refused, in words, nothing moved.
    await page.keyboard.press('Enter');
    await page
      .getByText('경로의 날짜가 거꾸로 갈 수 없습니다. 순서를 바꾸지 않았습니다.')
      .waitFor();
    await route.getByRole('heading', { name: '3. 광주광역시' }).waitFor();

    // A stop added with a partner as host, edited, and one deleted after asking.
    const add = page.getByRole('form', { name: '일정 추가' });
    const inTen = mock.campaigns.find((c) => c.id === 'c-22')!.stops[2]!.date;
    const d = new Date(`${inTen}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 5);
    const newDay = d.toISOString().slice(0, 10);
    await add.getByLabel('날짜').fill(newDay);
    await add.getByLabel('지역').selectOption({ label: '경상남도' });
    await add.getByLabel('시·군·구').fill('창원시');
    await add.getByLabel('장소', { exact: true }).fill('창원 서성동');
    await add.getByLabel('추모 촛불').check();
    await add.getByLabel('주최 단체').selectOption({ label: '시민사회연대회의' });
    await add.getByRole('button', { name: '일정 추가' }).click();
    await page.getByText('일정을 추가했습니다.').waitFor();
    expect(last('POST', /\/stops$/)!.body).toMatchObject({
      date: newDay,
      region: 'KR-48',
      city: '창원시',
      activities: ['vigil'],
      host_partner_id: 'pt-civil',
    });
    await route.getByText('주최: 시민사회연대회의 (협력 단체)').waitFor();
    await page.getByRole('button', { name: '6번째 일정 군산시 수정' }).click();
    const edit = page.getByRole('form', { name: '6번째 일정 수정' });
    await edit.getByLabel('장소', { exact: true }).fill('개복동 화재 참사 현장');
    await edit.getByRole('button', { name: '일정 저장' }).click();
    await page.getByText('일정을 저장했습니다.').waitFor();
    expect(last('PATCH', /\/stops\/s-gunsan$/)!.body).toMatchObject({
      venue: '개복동 화재 참사 현장',
      host_org_id: 'o-gunsan',
    });
    await page.getByRole('button', { name: '1번째 일정 서울특별시 삭제' }).click();
    const dialog = page.getByRole('alertdialog', { name: '일정을 삭제할까요?' });
    await dialog.getByRole('button', { name: '일정 삭제' }).click();
    await page.getByText('일정을 삭제했습니다.').waitFor();
    await route.getByRole('heading', { name: '1. 대구광역시' }).waitFor();

    // An event of ours linked, then unlinked.
    await page.getByLabel('우리 단체의 행사').selectOption('ev-forum');
    await page.getByRole('button', { name: '행사 연결' }).click();
    await page.getByText('행사를 연결했습니다.').waitFor();
    expect(last('POST', /\/events$/)!.body).toEqual({ event_id: 'ev-forum' });
    await page.getByRole('button', { name: '민들레 순례 — 부산 완월동 연결 해제' }).click();
    await page.getByText('행사 연결을 해제했습니다.').waitFor();

    // Materials: a link, and a file uploaded with its title, then offered for download.
    const linkForm = page.getByRole('form', { name: '링크 추가' });
    await linkForm.getByLabel('자료 이름').fill('순례 성명서');
    await linkForm.getByLabel('주소 (https://…)').fill('https://example.org/statement');
    await linkForm.getByLabel('누리집에 공개').check();
    await linkForm.getByRole('button', { name: '링크 추가' }).click();
    await page.getByRole('link', { name: '순례 성명서' }).waitFor();
    const fileForm = page.getByRole('form', { name: '파일 올리기' });
    await fileForm.getByLabel('자료 이름').fill('경로 지도');
    await fileForm.getByLabel('파일').setInputFiles({
      name: 'route.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 route map'),
    });
    await fileForm.getByRole('button', { name: '올리기' }).click();
    await page.getByRole('link', { name: '경로 지도, route.pdf 내려받기' }).waitFor();
    expect(last('POST', /\/materials\?/)!.path).toContain('title=%EA%B2%BD%EB%A1%9C');
    expect(
      await page
        .getByRole('link', { name: '순례 포스터, poster.pdf 내려받기' })
        .getAttribute('href'),
    ).toBe('/api/v1/campaigns/c-22/materials/m-poster/file');

    // Press coverage logged and one removed.
    const press = page.getByRole('form', { name: '보도 기록' });
    await press.getByLabel('보도일').fill('2026-12-01');
    await press.getByLabel('언론사').fill('여성신문');
    await press.getByLabel('기사 제목').fill('민들레 순례, 군산에 닿다');
    await press.getByLabel('기사 주소').fill('https://news.example.org/2');
    await press.getByRole('button', { name: '보도 추가' }).click();
    await page.getByRole('link', { name: '민들레 순례, 군산에 닿다' }).waitFor();
    await page.getByRole('button', { name: '민들레 순례 출발 보도 삭제' }).click();
    await page.getByRole('link', { name: '민들레 순례 출발' }).waitFor({ state: 'detached' });
    await checkScreen(t, 'campaigns-04-page-edited');
  });

  it('shows partners by kind on a phone, their contacts only on request', async () => {
    await open(390, 844);
    await signIn('advocate', SECRETS.researcher);
    await page.goto('/app/partners');
    await page.getByRole('heading', { name: '협력 단체', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: '협력 단체 목록' });
    await table.getByRole('link', { name: '시민사회연대회의' }).waitFor();
    await page.getByLabel('분야별 보기').selectOption({ label: '경찰' });
    await table.getByRole('link', { name: '서울경찰청 여성안전과' }).waitFor();
    await table.getByRole('link', { name: '시민사회연대회의' }).waitFor({ state: 'detached' });
    expect(last('GET', /^\/partners\?/)!.path).toBe('/partners?kind=police');
    await checkScreen(t, 'partners-01-phone-list');
    await page.getByLabel('분야별 보기').selectOption({ label: '모든 분야' });
    await table.getByRole('link', { name: '시민사회연대회의' }).click();
    await page.getByRole('heading', { name: '시민사회연대회의', level: 1 }).waitFor();
    await page.getByText('만료', { exact: true }).waitFor();

    // The contacts are not read on opening: only when asked for (every read is audited).
    expect(mock.requests.some((r) => r.path.includes('/contacts'))).toBe(false);
    await page.getByRole('button', { name: '연락처 보기' }).click();
    await page.getByRole('list', { name: '담당자 연락처 목록' }).getByText('정연대').waitFor();
    expect(mock.requests.filter((r) => r.path.includes('/contacts'))).toHaveLength(1);

    const interaction = page.getByRole('form', { name: '교류 기록하기' });
    await interaction.getByLabel('종류').selectOption({ label: '전화' });
    await interaction.getByLabel('내용').fill('공동 기자회견 일정 협의');
    await interaction.getByRole('button', { name: '기록 추가' }).click();
    await page.getByText('공동 기자회견 일정 협의').waitFor();
    expect(last('POST', /\/interactions$/)!.body).toMatchObject({ kind: 'call' });
    const alliance = page.getByRole('form', { name: '연대체 추가' });
    await alliance.getByLabel('연대체 이름').fill('여성폭력 근절 연대');
    await alliance.getByLabel('가입일').fill('2024-05-01');
    await alliance.getByRole('button', { name: '연대체 추가' }).click();
    await page.getByText('여성폭력 근절 연대').waitFor();
    const agreement = page.getByRole('form', { name: '협약 추가' });
    await agreement.getByLabel('협약 이름').fill('2027 순례 공동 주최 협약');
    await agreement.getByLabel('체결일').fill('2026-12-01');
    await agreement.getByRole('button', { name: '협약 추가' }).click();
    await page.getByText('2027 순례 공동 주최 협약').waitFor();
    expect(last('POST', /\/agreements$/)!.body).toEqual({
      title: '2027 순례 공동 주최 협약',
      signed_on: '2026-12-01',
      expires_on: null,
    });
    await checkScreen(t, 'partners-02-phone-page');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('gives a reader the pages without editing controls or contacts', async () => {
    await open(1280, 900);
    mock.canEdit = false;
    await signIn('researcher', SECRETS.researcher);
    await page.goto('/app/campaigns/c-22');
    await page.getByRole('heading', { name: '제22회 민들레 순례', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '5. 군산시' }).waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /위로|아래로|삭제/ })
        .count(),
    ).toBe(0);
    expect(await page.getByRole('link', { name: '캠페인 수정' }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    await page.goto('/app/partners/pt-civil');
    await page.getByRole('heading', { name: '시민사회연대회의', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: '연락처 보기' }).count()).toBe(0);
    expect(mock.requests.some((r) => r.path.includes('/contacts'))).toBe(false);
    await checkScreen(t, 'partners-03-reader');
  });
});
