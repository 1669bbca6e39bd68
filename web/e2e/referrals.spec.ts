// UI-ONLY SUITE for referrals between members (the directory, referring from a case, the
// queues, accept/decline, her exclusions) against mocks of the API (lib/mock-api.ts for the
// session, people, consents and cases; lib/mock-referrals.ts for the directory, exclusions and
// referrals, answered through lib/mock-api.ts), served from web/dist with the server's CSP.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched, type TrackedPage } from './lib/browser';
import { initialState, installMockApi, PASSWORD, SECRETS, type MockState } from './lib/mock-api';
import type { ReferralMock, StoredReferral } from './lib/mock-referrals';
import { serveDist } from './lib/static-server';
import { currentStep, totpAt } from './lib/totp';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const BUSAN_SECRET = 'GEZDGNBVGY3TQOJQ';

let chromium: Launched;
let site: { url: string; close: () => Promise<void> };
let state: MockState;
let referrals: ReferralMock;
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

async function open(width = 1280, height = 900) {
  state = initialState();
  // A case worker at the Busan shelter, the receiving side.
  const template = state.accounts.find((a) => a.id === 'u-cw')!;
  state.accounts.push({
    ...template,
    id: 'u-busan',
    org_id: 'o-busan',
    username: 'busanworker',
    display_name: '최쉼터',
    totp_secret: BUSAN_SECRET,
  });
  // 수진 (p-1, case c-1 in Seoul) agreed to share her alias, safe-contact instructions and
  // languages with the Busan shelter.
  const suj = state.caseData.people.find((p) => p.id === 'p-1')!;
  suj.age_band = '25_29';
  suj.phone = '010-1234-5678';
  state.caseData.consents.push({
    id: 'k-busan',
    person_id: 'p-1',
    kind: 'referral_sharing',
    scope: { org_id: 'o-busan', fields: ['alias', 'safe_contact', 'languages'] },
    method: 'written',
    given_at: '2026-02-01T01:00:00Z',
    expires_at: null,
    revoked_at: null,
    recorded_by: 'u-cw',
    state: 'active',
  });
  referrals = state.referrals;
  t = await newPage(chromium.browser, { baseURL: site.url, width, height });
  page = t.page;
  await installMockApi(t.context, state);
}

beforeEach(() => async () => {
  await t?.context.close();
});

// A case worker or supervisor, who lands on the caseload.
async function signIn(username: string, secret: string) {
  await signInAs(username, secret);
  await page.getByRole('heading', { name: '사례 관리', level: 1 }).waitFor();
}

// Anyone, wherever her home is.
async function signInAs(username: string, secret: string) {
  await page.goto('/app/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByLabel('인증 코드 (6자리)').fill(totpAt(secret, currentStep()));
  await page.getByRole('button', { name: '확인' }).click();
  await page.getByRole('button', { name: '로그아웃' }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.getByLabel('아이디').waitFor();
}

// The referral form of 수진's case, opened from the case page.
async function openReferForm() {
  await page.goto('/app/cases/c-1');
  await page.getByRole('heading', { name: '사례 SEOU-C-2026-0001' }).waitFor();
  await page.getByRole('link', { name: '의뢰하기' }).click();
  await page.getByRole('heading', { name: '의뢰하기 — 사례 SEOU-C-2026-0001' }).waitFor();
}

const shareBox = (name: RegExp) =>
  page.getByRole('group', { name: '수락 시 보낼 항목' }).getByRole('checkbox', { name });

// An incoming referral from the Busan shelter to Seoul, sent by its supervisor without her
// consent because her life was in danger.
function incomingOverride(): StoredReferral {
  const sent = new Date(Date.now() - 2 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: 'r-in',
    kind: 'transfer',
    status: 'sent',
    from_org_id: 'o-busan',
    to_org_id: 'o-seoul',
    external: null,
    services: ['counseling', 'legal_assistance'],
    urgency: 'urgent',
    note: '가해자가 부산에서 찾고 있어 서울로 옮겨야 합니다.',
    share: ['alias'],
    person_id: 'p-3',
    case_id: 'c-3',
    receiver_person_id: null,
    receiver_case_id: null,
    sent_at: sent,
    sent_by: '김부산',
    answered_at: null,
    decline_reason: null,
    decline_note: null,
    withdrawn_at: null,
    withdraw_reason: null,
    completed_at: null,
    outcome: null,
    outcome_reason: null,
    override: { reason: '가해자가 거처를 알아냄, 오늘 밤 위험', by: '김부산', at: sent },
  };
}

// A referral from 수진's case in Seoul to the Busan shelter, in a given state.
function outgoing(id: string, status: StoredReferral['status']): StoredReferral {
  return {
    ...incomingOverride(),
    id,
    kind: 'referral',
    status,
    from_org_id: 'o-seoul',
    to_org_id: 'o-busan',
    urgency: 'routine',
    note: null,
    person_id: 'p-1',
    case_id: 'c-1',
    sent_by: '정상담',
    answered_at: status === 'accepted' ? new Date().toISOString() : null,
    override: null,
  };
}

describe('referrals (mocked API)', () => {
  it('a worker refers her under her consent, the receiver accepts, both see the status', async () => {
    await open();
    await signIn('caseworker', SECRETS.caseworker);
    await page
      .getByRole('region', { name: '기다리는 의뢰' })
      .getByText('기다리는 의뢰가 없습니다.')
      .waitFor();
    await openReferForm();

    // Her consent comes first: whom it names and which fields it covers.
    const consents = page.getByRole('table', { name: '유효한 정보 제공 동의' });
    await consents
      .getByRole('row', { name: /부산 쉼터/ })
      .getByText('별칭, 안전 연락 지침, 사용 언어')
      .waitFor();
    await page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await page.getByText('부산 쉼터에 대한 유효한 동의가 있습니다.').waitFor();
    // The receiver as the directory shows it, in words, free beds and no address.
    const entry = page.getByRole('article').filter({ hasText: '부산 쉼터' });
    await entry.getByText('지원시설 · 일반 지원시설').waitFor();
    await entry.getByText('부산광역시, 경상남도').waitFor();
    await entry.getByText('4개').waitFor();
    // Fields her consent does not cover cannot be ticked.
    expect(await shareBox(/^실명/).isDisabled()).toBe(true);
    expect(await shareBox(/^전화번호/).isDisabled()).toBe(true);
    await shareBox(/^별칭/).check();
    await shareBox(/^안전 연락 지침/).check();
    await page.getByRole('checkbox', { name: '주거 지원' }).check();
    await page.getByRole('radio', { name: '긴급' }).check();
    await page.getByLabel('상대 기관에 남길 말 (선택)').fill('오늘 밤 머물 곳이 필요합니다.');
    await checkScreen(t, 'referrals-01-refer-form');

    await page.getByRole('button', { name: '의뢰 보내기' }).click();
    await page.getByText('의뢰를 보냈습니다.', { exact: true }).waitFor();
    await page.getByRole('heading', { name: '서비스 의뢰 — 서울여성상담소 → 부산 쉼터' }).waitFor();
    await page.getByText('응답 대기', { exact: true }).first().waitFor();
    expect(referrals.referrals).toHaveLength(1);
    expect(referrals.referrals[0]).toMatchObject({
      to_org_id: 'o-busan',
      kind: 'referral',
      urgency: 'urgent',
      services: ['housing_support'],
      share: ['alias', 'safe_contact'],
    });
    await checkScreen(t, 'referrals-02-sent');
    await signOut();

    // The receiver: waiting on her home, then the request without her name, accepted.
    await signIn('busanworker', BUSAN_SECRET);
    const waiting = page.getByRole('region', { name: '기다리는 의뢰' });
    await waiting.getByRole('link', { name: '답해야 할 받은 의뢰 1건' }).click();
    await page.getByRole('tab', { name: '받은 의뢰', selected: true }).waitFor();
    await checkScreen(t, 'referrals-03-incoming-queue');
    await page
      .getByRole('link', { name: /서울여성상담소 의뢰 열기|의뢰 열기/ })
      .first()
      .click();
    await page.getByRole('heading', { name: '서비스 의뢰 — 서울여성상담소 → 부산 쉼터' }).waitFor();
    await page.getByText('25–29세').waitFor();
    await page.getByText('오늘 밤 머물 곳이 필요합니다.').waitFor();
    expect(await page.getByText('이수진').count()).toBe(0);
    expect(await page.getByText('010-1234-5678').count()).toBe(0);
    await checkScreen(t, 'referrals-04-incoming-detail');
    await page.getByRole('button', { name: '수락', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: '의뢰 수락' });
    await dialog.getByRole('button', { name: '수락', exact: true }).click();
    await page.getByText('수락했습니다. 새 사례가 열렸습니다.').waitFor();
    await page.getByText('수락됨', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: '새 사례 열기' }).click();
    // The new case holds only what she agreed to share, and shows the referral it came from.
    await page.getByText('받은 의뢰: 서울여성상담소 — 수락됨').waitFor();
    await page.getByText('(수진)').waitFor();
    const receiverPerson = state.caseData.people.find(
      (p) => p.org_id === 'o-busan' && p.id !== 'p-3',
    )!;
    expect(receiverPerson).toMatchObject({
      alias: '수진',
      phone: null,
      legal_name: '',
      birth_date: null,
    });
    await checkScreen(t, 'referrals-05-receiver-case');
    await signOut();

    // The sender sees "accepted" on the outgoing queue and on her case.
    await signIn('caseworker', SECRETS.caseworker);
    await page
      .getByRole('region', { name: '기다리는 의뢰' })
      .getByText('기다리는 의뢰가 없습니다.')
      .waitFor();
    await page
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('link', { name: '의뢰' })
      .click();
    await page.getByRole('tab', { name: '보낸 의뢰' }).click();
    const outgoing = page.getByRole('table', { name: '보낸 의뢰 — 최근 순' });
    await outgoing
      .getByRole('row', { name: /부산 쉼터/ })
      .getByText('수락됨')
      .waitFor();
    await checkScreen(t, 'referrals-06-outgoing-accepted');
    await page.goto('/app/cases/c-1');
    await page.getByText('보낸 의뢰: 부산 쉼터 — 수락됨').waitFor();
  });

  it('shows the refusal for a consent revoked meanwhile in words, then the missing consent', async () => {
    await open();
    await signIn('caseworker', SECRETS.caseworker);
    await openReferForm();
    await page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await shareBox(/^별칭/).check();
    await page.getByRole('checkbox', { name: '상담', exact: true }).check();
    // She withdraws her consent while the form is open (recorded by a colleague).
    Object.assign(state.caseData.consents[0]!, {
      state: 'revoked',
      revoked_at: new Date().toISOString(),
    });
    await page.getByRole('button', { name: '의뢰 보내기' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '본인의 정보 제공 동의가 없습니다.' });
    await alert.getByText(/아무 정보도 보내지 않았습니다/).waitFor();
    expect(referrals.referrals).toHaveLength(0);
    await checkScreen(t, 'referrals-07-consent-refused');
    // The form reads her consents again: the revoked one is gone from the check.
    await page.getByText(/부산 쉼터에 대한 유효한 동의가 없습니다/).waitFor();

    // Read again: no consent, so the form explains and links to recording one.
    await page.reload();
    await page.getByText(/유효한 정보 제공 동의가 없습니다\. 의뢰하려면/).waitFor();
    await page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await page.getByText(/부산 쉼터에 대한 유효한 동의가 없습니다/).waitFor();
    expect(await shareBox(/^별칭/).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '상담', exact: true }).check();
    await page.getByRole('button', { name: '의뢰 보내기' }).click();
    await page.getByText('유효한 동의가 없어 보낼 수 없습니다.').waitFor();
    expect(referrals.referrals).toHaveLength(0);
    await page.getByRole('link', { name: '당사자 화면에서 동의 기록하기' }).first().click();
    await page.getByRole('heading', { name: '동의', level: 2 }).waitFor();
    // She agrees again, to her alias and phone only; the form then offers exactly those.
    const card = page.getByRole('region', { name: '동의' });
    await card.getByLabel('동의 종류').selectOption({ label: '연계 기관에 정보 제공' });
    await card.getByLabel('정보를 받을 기관').selectOption({ label: '부산 쉼터' });
    const fields = card.getByRole('group', { name: '보내도 되는 항목' });
    await fields.getByRole('checkbox', { name: '별칭' }).check();
    await fields.getByRole('checkbox', { name: '전화번호' }).check();
    await checkScreen(t, 'referrals-19-record-sharing-consent');
    await card.getByRole('button', { name: '동의 기록' }).click();
    await card.getByText('동의를 기록했습니다.').waitFor();
    await card.getByText('— 부산 쉼터: 별칭, 전화번호').waitFor();
    expect(state.caseData.consents.at(-1)).toMatchObject({
      kind: 'referral_sharing',
      scope: { org_id: 'o-busan', fields: ['alias', 'phone'] },
    });
    await openReferForm();
    await page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await page.getByText('부산 쉼터에 대한 유효한 동의가 있습니다.').waitFor();
    expect(await shareBox(/^전화번호/).isDisabled()).toBe(false);
    expect(await shareBox(/^안전 연락 지침/).isDisabled()).toBe(true);
  });

  it('keeps her exclusions on her page and marks them in the directory and the form', async () => {
    await open();
    await signIn('caseworker', SECRETS.caseworker);
    await page.goto('/app/people/p-1');
    const card = page.getByRole('region', { name: '보내지 말 곳 (본인 요청)' });
    await card.getByText('본인이 제외한 기관이나 지역이 없습니다.').waitFor();
    await card.getByRole('radio', { name: '지역' }).check();
    await card.getByLabel('제외할 지역').selectOption({ label: '경상남도' });
    await card.getByRole('button', { name: '추가' }).click();
    await card.getByText('추가했습니다. 이곳으로는 의뢰할 수 없습니다.').waitFor();
    await card.getByRole('row', { name: /지역: 경상남도/ }).waitFor();
    await checkScreen(t, 'referrals-08-exclusions');

    // The Busan shelter serves 경상남도 too: excluded for her in the form and the directory.
    await openReferForm();
    const option = page.getByLabel('받을 기관').locator('option', { hasText: '부산 쉼터' });
    expect(await option.textContent()).toBe('부산 쉼터 (본인 제외)');
    expect(await option.isDisabled()).toBe(true);
    await page.getByRole('link', { name: '네트워크 기관 목록에서 자세히 보기' }).click();
    await page.getByRole('heading', { name: '네트워크 기관 목록', level: 1 }).waitFor();
    const busan = page.getByRole('article').filter({ hasText: '부산 쉼터' });
    await busan.getByText('본인 제외 — 본인이 이곳으로 보내지 말라고 했습니다').waitFor();
    expect(await page.getByRole('article').filter({ hasText: '전국연대 사무국' }).count()).toBe(0);
    await page.getByLabel('지금 의뢰를 받는 기관만').uncheck();
    await page.getByLabel('필요한 서비스').selectOption({ label: '법률 지원' });
    await page.getByRole('button', { name: '찾기' }).click();
    await page.getByText('2곳을 찾았습니다.').waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: '전국연대 사무국' })
      .getByText('지금은 의뢰를 받지 않습니다')
      .waitFor();
    await checkScreen(t, 'referrals-09-directory');

    // Removed when she wishes it.
    await page.goto('/app/people/p-1');
    await card.getByRole('button', { name: /삭제 지역: 경상남도/ }).click();
    await page
      .getByRole('alertdialog', { name: '보내지 말 곳 삭제' })
      .getByRole('button', { name: '삭제' })
      .click();
    await card.getByText('삭제했습니다.').waitFor();
    expect(referrals.exclusions).toHaveLength(0);
  });

  it('on a 360 px phone: the queue, a life-danger override shown first, declining with a reason', async () => {
    await open(360, 740);
    referrals.referrals.push(incomingOverride());
    await signIn('caseworker', SECRETS.caseworker);
    const waiting = page.getByRole('region', { name: '기다리는 의뢰' });
    await waiting.getByText('답해야 할 받은 의뢰 1건').first().waitFor();
    await checkScreen(t, 'referrals-10-phone-home');
    await page.goto('/app/referrals');
    await page.getByRole('tab', { name: '받은 의뢰', selected: true }).waitFor();
    // Arrow keys move between the tabs.
    await page.getByRole('tab', { name: '받은 의뢰' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: '보낸 의뢰', selected: true }).waitFor();
    await page.getByText('의뢰가 없습니다.').waitFor();
    await page.keyboard.press('ArrowLeft');
    const table = page.getByRole('table', { name: '받은 의뢰 — 최근 순' });
    await table
      .getByRole('row', { name: /부산 쉼터/ })
      .getByText('긴급')
      .waitFor();
    await table.getByText('응답 기한 지남').waitFor();
    await checkScreen(t, 'referrals-11-phone-queue');
    await table.getByRole('link').first().click();
    const override = page.getByRole('note', { name: '생명 위험으로 동의 없이 보낸 의뢰' });
    await override.getByText(/가해자가 거처를 알아냄, 오늘 밤 위험/).waitFor();
    await page.getByText('사례 이관', { exact: false }).first().waitFor();
    await checkScreen(t, 'referrals-12-phone-override');
    await page.getByRole('button', { name: '거절' }).click();
    const dialog = page.getByRole('dialog', { name: '의뢰 거절' });
    await dialog.getByLabel('거절 사유').selectOption({ label: '자리가 없음' });
    await checkScreen(t, 'referrals-13-phone-decline');
    await dialog.getByRole('button', { name: '거절' }).click();
    await page.getByText('거절했습니다. 보낸 기관에 알려집니다.').waitFor();
    await page.getByText('서울여성상담소이(가) 거절했습니다. 사유: 자리가 없음').waitFor();
    expect(referrals.referrals[0]).toMatchObject({
      status: 'declined',
      decline_reason: 'no_capacity',
    });
    // Nothing of her reached Seoul.
    expect(state.caseData.people.filter((p) => p.org_id === 'o-seoul')).toHaveLength(2);
    // The same in English, in words.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Declined', { exact: true }).first().waitFor();
    await page.getByText('서울여성상담소 declined. Reason: No capacity').waitFor();
    await page
      .getByRole('heading', { name: 'Transfer of the case — 부산 쉼터 → 서울여성상담소' })
      .waitFor();
    await checkScreen(t, 'referrals-14-phone-english');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
  it('the sender withdraws an unanswered referral and records the outcome of an accepted one', async () => {
    await open();
    referrals.referrals.push(outgoing('r-open', 'sent'), outgoing('r-done', 'accepted'));
    await signIn('caseworker', SECRETS.caseworker);
    await page.goto('/app/referrals/r-open');
    await page.getByRole('heading', { name: '서비스 의뢰 — 서울여성상담소 → 부산 쉼터' }).waitFor();
    await page.getByRole('button', { name: '의뢰 철회' }).click();
    const withdraw = page.getByRole('dialog', { name: '의뢰 철회' });
    await withdraw.getByLabel('철회 사유 (선택)').fill('본인이 서울에 머물기로 함');
    await withdraw.getByRole('button', { name: '의뢰 철회' }).click();
    await page.getByText('의뢰를 철회했습니다.').waitFor();
    await page.getByText('보낸 기관이 철회했습니다. 사유: 본인이 서울에 머물기로 함').waitFor();
    await page.getByText('철회됨', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: '의뢰 철회' }).count()).toBe(0);

    await page.goto('/app/referrals/r-done');
    await page.getByRole('button', { name: '결과 기록' }).click();
    const complete = page.getByRole('dialog', { name: '의뢰 결과 기록' });
    await complete.getByRole('radio', { name: '연계 안 됨' }).check();
    // Unsuccessful needs a reason: the server's refusal is shown beside the field.
    await complete.getByRole('button', { name: '결과 기록' }).click();
    await complete.getByText('필수 항목입니다.').waitFor();
    await complete.getByLabel('이유').selectOption({ label: '본인과 연락이 안 됨' });
    await checkScreen(t, 'referrals-15-complete');
    await complete.getByRole('button', { name: '결과 기록' }).click();
    await page.getByText('결과를 기록했습니다.').waitFor();
    await page.getByText('종료했습니다. 결과: 연계 안 됨 — 본인과 연락이 안 됨').waitFor();
    expect(referrals.referrals.find((r) => r.id === 'r-done')).toMatchObject({
      status: 'completed',
      outcome: 'unsuccessful',
      outcome_reason: 'unreachable',
    });
    // Both, in numbers: two sent this year, one withdrawn, one completed unsuccessfully.
    await page.getByRole('link', { name: '의뢰 목록으로' }).click();
    const weekAgo = new Date(Date.now() + 9 * 3_600_000 - 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.getByLabel('시작일').fill(weekAgo);
    await page.getByRole('button', { name: '통계 보기' }).click();
    const stats = page.getByRole('table', { name: new RegExp(`^${weekAgo} ~ .*\\(건수\\)`) });
    const sent = stats.getByRole('row', { name: /^보낸 의뢰/ });
    await sent.waitFor();
    expect(await sent.getByRole('cell').allTextContents()).toEqual([
      '2',
      '0',
      '0',
      '0',
      '1',
      '1',
      '0',
      '1',
      expect.stringMatching(/시간$/),
    ]);
    expect(
      await stats
        .getByRole('row', { name: /^받은 의뢰/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('0');
    await checkScreen(t, 'referrals-20-statistics');
  });

  it('records a referral outside the network, sharing only what her consent names, with its letter', async () => {
    await open();
    const police = '부산 해운대경찰서 여성청소년과';
    state.caseData.consents.push({
      ...state.caseData.consents[0]!,
      id: 'k-police',
      scope: { external: police, fields: ['legal_name'] },
    });
    await signIn('caseworker', SECRETS.caseworker);
    await openReferForm();
    await page.getByRole('radio', { name: '네트워크 밖 기관 (경찰, 병원, 법률 지원 등)' }).check();
    await page.getByLabel('받는 곳 이름').fill('해운대경찰서');
    // Not the name her consent gives: nothing but her code can go.
    expect(await shareBox(/^실명/).isDisabled()).toBe(true);
    await page.getByLabel('받는 곳 이름').fill(police);
    await shareBox(/^실명/).check();
    await page.getByLabel('받는 곳 종류').selectOption({ label: '경찰' });
    await page.getByRole('checkbox', { name: '수사기관 동행' }).check();
    await checkScreen(t, 'referrals-16-external-form');
    await page.getByRole('button', { name: '의뢰 기록하기' }).click();
    await page
      .getByRole('heading', {
        name: `외부 기관 의뢰 — 서울여성상담소 → ${police} (경찰, 네트워크 밖)`,
      })
      .waitFor();
    const letter = page.getByRole('link', { name: '의뢰서 PDF 열기 (인쇄용)' });
    const id = referrals.referrals[0]!.id;
    expect(await letter.getAttribute('href')).toBe(`/api/v1/referrals/${id}/letter`);
    expect(referrals.referrals[0]).toMatchObject({
      to_org_id: null,
      external: { name: police, kind: 'police' },
      share: ['legal_name'],
    });
    // Nobody answers it in Dandelion: the sender records how it went.
    await page.getByRole('button', { name: '결과 기록' }).click();
    const complete = page.getByRole('dialog', { name: '의뢰 결과 기록' });
    await complete.getByRole('button', { name: '결과 기록' }).click();
    await page.getByText('종료했습니다. 결과: 연계 성공').waitFor();
  });

  it('lets a supervisor send without consent when her life is in danger, shown on the referral', async () => {
    await open();
    state.caseData.consents.length = 0;
    await signIn('supervisor', SECRETS.supervisor);
    await openReferForm();
    await page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await page.getByText(/부산 쉼터에 대한 유효한 동의가 없습니다/).waitFor();
    await page.getByRole('checkbox', { name: '긴급 구조' }).check();
    const box = page.getByRole('group', { name: '생명이 위험한 경우 (슈퍼바이저만)' });
    await box.getByRole('checkbox', { name: '생명 위험으로 동의 없이 의뢰합니다' }).check();
    await page.getByRole('button', { name: '의뢰 보내기' }).click();
    await box.getByText('생명 위험 사유를 적으세요.').waitFor();
    await box
      .getByLabel('생명 위험 사유')
      .fill('가해자가 오늘 밤 찾아오겠다고 협박, 본인과 연락 두절');
    await shareBox(/^전화번호/).check();
    expect(await box.getByText('생명 위험 사유를 적으세요.').count()).toBe(0);
    await checkScreen(t, 'referrals-17-override-form');
    await page.getByRole('button', { name: '의뢰 보내기' }).click();
    const note = page.getByRole('note', { name: '생명 위험으로 동의 없이 보낸 의뢰' });
    await note.getByText(/윤감독 님이 .*가해자가 오늘 밤 찾아오겠다고 협박/).waitFor();
    expect(referrals.referrals[0]).toMatchObject({
      share: ['phone'],
      override: { reason: '가해자가 오늘 밤 찾아오겠다고 협박, 본인과 연락 두절', by: '윤감독' },
    });
  });
  it('lets an org admin say what the directory shows of her organization', async () => {
    await open();
    await signInAs('orgadmin', SECRETS.orgadmin);
    await page
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('link', { name: '네트워크 기관' })
      .click();
    await page.getByRole('heading', { name: '네트워크 기관 목록', level: 1 }).waitFor();
    await page.getByRole('link', { name: '우리 기관 정보 고치기' }).click();
    await page
      .getByRole('heading', { name: '서울여성상담소 — 네트워크 기관 목록에 보이는 정보' })
      .waitFor();
    expect(await page.getByRole('checkbox', { name: '지금 의뢰를 받습니다' }).isChecked()).toBe(
      true,
    );
    expect(
      await page
        .getByRole('group', { name: '담당 지역' })
        .getByRole('checkbox', { name: '서울특별시' })
        .isChecked(),
    ).toBe(true);
    await page.getByRole('checkbox', { name: '지금 의뢰를 받습니다' }).uncheck();
    await page
      .getByRole('group', { name: '담당 지역' })
      .getByRole('checkbox', { name: '경기도' })
      .check();
    await page.getByLabel('일반 의뢰 응답 기한(근무일)').fill('12');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('1부터 10 사이여야 합니다.').waitFor();
    await page.getByLabel('일반 의뢰 응답 기한(근무일)').fill('2');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('저장했습니다. 네트워크 기관 목록에 바로 보입니다.').waitFor();
    await checkScreen(t, 'referrals-18-directory-profile');
    expect(referrals.directory.find((e) => e.org_id === 'o-seoul')).toMatchObject({
      accepting: false,
      regions: ['KR-11', 'KR-41'],
      response_days: 2,
    });
  });
});
