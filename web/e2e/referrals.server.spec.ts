// REAL-SERVER SUITE for a referral between two members: a Seoul counseling center records her
// consent to share her alias with a Busan shelter (through the API), a Seoul worker refers her
// from her case in the browser, a Busan worker (a second browser context) sees it incoming and
// accepts, and both see "accepted". Skipped, with the reason printed, when the binary is
// missing or the server does not have the referral endpoints yet (GET /api/v1/directory 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';
import type { DirectoryEntry, Page } from '../src/api';

const ORGS = [
  { slug: 'seoul-counseling', name: '서울여성상담소', kind: 'counseling_center', region: 'KR-11' },
  { slug: 'busan-shelter', name: '부산 쉼터', kind: 'support_facility', region: 'KR-26' },
];
const USERS = [
  { org: 'seoul-counseling', username: 'intake', display: '김접수', roles: 'case_worker' },
  { org: 'seoul-counseling', username: 'seoulworker', display: '정상담', roles: 'case_worker' },
  { org: 'busan-shelter', username: 'busanadmin', display: '박관리', roles: 'org_admin' },
  { org: 'busan-shelter', username: 'busanworker', display: '최쉼터', roles: 'case_worker' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[referrals real-server suite] SKIPPED: ${skipReason}\n`);

describe.skipIf(skipReason !== null)('referrals real-server suite (build/dandelion)', () => {
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

  it('a Seoul worker refers her under her consent, a Busan worker accepts, both see "accepted"', async (ctx) => {
    const intake = await apiSignIn(server.url, 'intake');
    // The referral endpoints are built in the server's own branch; until they are merged the
    // directory answers 404 and there is nothing to test here.
    const probe = await intake.call('GET', '/api/v1/directory').then(
      () => null,
      (e: Error) => e.message,
    );
    if (probe?.includes('answered 404')) {
      console.warn(
        '\n[referrals real-server suite] SKIPPED: GET /api/v1/directory answers 404 ' +
          '(this server has no referral endpoints yet)\n',
      );
      ctx.skip();
    }
    expect(probe).toBeNull();

    // The Busan shelter takes referrals for housing.
    const busanAdmin = await apiSignIn(server.url, 'busanadmin');
    await busanAdmin.call('PUT', '/api/v1/directory/profile', {
      regions: ['KR-26'],
      services: ['housing_support', 'counseling'],
      languages: ['ko'],
      accepting: true,
      intake_contact: '051-000-0000 (24시간)',
      response_days: 3,
    });
    const directory = await intake.call<Page<DirectoryEntry>>('GET', '/api/v1/directory');
    const busan = directory.items.find((e) => e.name === '부산 쉼터')!;
    expect(busan).toBeTruthy();

    // Her, her case, and her consent to share her alias with the Busan shelter.
    const person = await intake.call<{ id: string }>('POST', '/api/v1/people', {
      legal_name: '한지원',
      alias: '봄',
      phone: '010-9876-5432',
    });
    const kase = await intake.call<{ id: string; number: string }>('POST', '/api/v1/cases', {
      person_id: person.id,
      intake_channel: 'hotline',
      situation: ['online'],
      risk_level: 'high',
      summary: '데모 아님: 시험용 사례',
    });
    await intake.call('POST', `/api/v1/people/${person.id}/consents`, {
      kind: 'referral_sharing',
      scope: { org_id: busan.org_id, fields: ['alias'] },
      method: 'written',
    });

    // Seoul refers her from her case.
    const seoul = await newPage(chromium.browser, { baseURL: server.url });
    await browserSignIn(seoul.page, 'seoulworker');
    await seoul.page.goto(`/app/cases/${kase.id}`);
    await seoul.page.getByRole('link', { name: '의뢰하기' }).click();
    await seoul.page.getByRole('heading', { name: `의뢰하기 — 사례 ${kase.number}` }).waitFor();
    await seoul.page
      .getByRole('table', { name: '유효한 정보 제공 동의' })
      .getByRole('row', { name: /부산 쉼터/ })
      .getByText('별칭')
      .waitFor();
    await seoul.page.getByLabel('받을 기관').selectOption({ label: '부산 쉼터' });
    await seoul.page.getByText('부산 쉼터에 대한 유효한 동의가 있습니다.').waitFor();
    const share = seoul.page.getByRole('group', { name: '수락 시 보낼 항목' });
    expect(await share.getByRole('checkbox', { name: /^실명/ }).isDisabled()).toBe(true);
    await share.getByRole('checkbox', { name: /^별칭/ }).check();
    await seoul.page.getByRole('checkbox', { name: '주거 지원' }).check();
    await checkScreen(seoul, 'server-referrals-01-refer');
    await seoul.page.getByRole('button', { name: '의뢰 보내기' }).click();
    await seoul.page.getByText('의뢰를 보냈습니다.', { exact: true }).waitFor();
    await seoul.page.getByText('응답 대기', { exact: true }).first().waitFor();

    // Busan sees it incoming, without her name, and accepts.
    const busanPage = await newPage(chromium.browser, { baseURL: server.url });
    const { page } = busanPage;
    await browserSignIn(page, 'busanworker');
    await page
      .getByRole('navigation', { name: '주 메뉴' })
      .getByRole('link', { name: '의뢰', exact: true })
      .click();
    await page.getByRole('tab', { name: '받은 의뢰', selected: true }).waitFor();
    const incoming = page.getByRole('table', { name: '받은 의뢰 — 최근 순' });
    await incoming
      .getByRole('row', { name: /서울여성상담소/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: '서비스 의뢰 — 서울여성상담소 → 부산 쉼터' }).waitFor();
    expect(await page.getByText('한지원').count()).toBe(0);
    expect(await page.getByText('010-9876-5432').count()).toBe(0);
    await checkScreen(busanPage, 'server-referrals-02-incoming');
    await page.getByRole('button', { name: '수락', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: '의뢰 수락' })
      .getByRole('button', { name: '수락', exact: true })
      .click();
    await page.getByText('수락했습니다. 새 사례가 열렸습니다.').waitFor();
    await page.getByText('수락됨', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: '새 사례 열기' }).click();
    await page.getByText('받은 의뢰: 서울여성상담소 — 수락됨').waitFor();
    await checkScreen(busanPage, 'server-referrals-03-new-case');

    // Seoul sees "accepted" on the referral and on her case.
    await seoul.page.reload();
    await seoul.page.getByText('수락됨', { exact: true }).first().waitFor();
    await seoul.page.goto(`/app/cases/${kase.id}`);
    await seoul.page.getByText('보낸 의뢰: 부산 쉼터 — 수락됨').waitFor();
    await checkScreen(seoul, 'server-referrals-04-sender-case');
    await seoul.context.close();
    await busanPage.context.close();
  });
});

if (skipReason !== null) {
  describe('referrals real-server suite', () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
