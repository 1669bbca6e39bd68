// REAL-SERVER SUITE for the self-reliance programs against build/dandelion: in a self-reliance
// center, the org admin defines a barista course and a colleague schedules a session and enrolls
// three women through the API; in the browser, on a 390 px phone, the worker finds the programs
// in the menu, takes attendance for the whole class in one request, and on one woman's page
// sees her rate and records her job, whose 3-month follow-up is scheduled by itself and whose
// employer's name is never shown again. Skipped, with the reason printed, when the binary is
// missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'seoul-jarip', name: '서울 자립지원센터', kind: 'self_reliance_center', region: 'KR-11' },
];
const USERS = [
  { org: 'seoul-jarip', username: 'worker', display: '김상담', roles: 'case_worker' },
  // Colleagues whose calls set the scene through the API.
  { org: 'seoul-jarip', username: 'colleague', display: '정동료', roles: 'case_worker' },
  { org: 'seoul-jarip', username: 'admin', display: '박관리', roles: 'org_admin' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[programs real-server suite] SKIPPED: ${skipReason}\n`);

const seoulDay = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe.skipIf(skipReason !== null)('programs real-server suite (build/dandelion)', () => {
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

  it('takes attendance for a class on a phone and records her job', async () => {
    const colleague = await apiSignIn(server.url, 'colleague');
    const women = [];
    for (const [legal_name, alias] of [
      ['한새벽', '새벽'],
      ['오하늘', '하늘'],
      ['정별님', '별님'],
    ])
      women.push(
        await colleague.call<{ id: string; code: string }>('POST', '/api/v1/people', {
          legal_name,
          alias,
        }),
      );
    const admin = await apiSignIn(server.url, 'admin');
    const program = await admin.call<{ id: string }>('POST', '/api/v1/programs', {
      name: '바리스타 자격증 과정',
      kind: 'certificate_course',
      provider: 'partner',
      provider_name: '한빛직업전문학교',
      starts_on: seoulDay(Date.now() - 14 * DAY),
      capacity: 10,
      pass_rate: 80,
    });
    // A session that began an hour ago, to be taken now.
    const startsAt = new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000)
      .toISOString()
      .replace('.000Z', 'Z');
    const { items: sessions } = await colleague.call<{ items: { id: string }[] }>(
      'POST',
      `/api/v1/programs/${program.id}/sessions`,
      { sessions: [{ starts_at: startsAt, minutes: 120, topic: '에스프레소 추출' }] },
    );
    const enrollments = [];
    for (const w of women)
      enrollments.push(
        await colleague.call<{ id: string }>('POST', `/api/v1/programs/${program.id}/enrollments`, {
          person_id: w.id,
          enrolled_on: seoulDay(Date.now() - 14 * DAY),
        }),
      );

    // The worker, on her phone: the menu, the programs, the course, the session.
    const w = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    const page = w.page;
    await browserSignIn(page, 'worker');
    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '자립 프로그램' }).click();
    await page.getByRole('heading', { name: '자립 프로그램', level: 1 }).waitFor();
    await page.getByText('수강 3 / 정원 10명').waitFor();
    await checkScreen(w, 'programs-server-01-list');
    await page.getByRole('link', { name: '바리스타 자격증 과정' }).click();
    const klass = page.getByRole('region', { name: /수강생 \(3/ });
    await klass.getByRole('link', { name: '새벽' }).waitFor();
    // Aliases only: never a legal name on the class list.
    expect(await page.getByText('한새벽').count()).toBe(0);
    await checkScreen(w, 'programs-server-02-program');
    await page.getByRole('link', { name: /^출석 부르기/ }).click();
    await page.getByRole('heading', { name: '출석부', level: 1 }).waitFor();
    const bar = page.getByRole('form', { name: '출석 저장' });
    await bar.getByText('3명 중 0명 표시').waitFor();

    // Everyone present, 하늘 absent; one request for the class.
    await page.getByRole('button', { name: '모두 출석' }).click();
    const absent = page
      .getByRole('group', { name: '하늘' })
      .getByRole('radio', { name: '결석', exact: true });
    await absent.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await absent.click();
    const puts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/attendance')) puts.push(r.url());
    });
    await bar.getByRole('button', { name: '출석 저장' }).click();
    await page
      .getByRole('status')
      .getByText('출석을 저장했습니다: 출석 2, 지각 0, 결석 1, 사유 결석 0.')
      .waitFor();
    expect(puts).toHaveLength(1);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await checkScreen(w, 'programs-server-03-sheet-saved');
    const sheet = await colleague.call<{
      marks: { enrollment_id: string; status: string | null }[];
    }>('GET', `/api/v1/program-sessions/${sessions[0]!.id}/attendance`);
    expect(Object.fromEntries(sheet.marks.map((m) => [m.enrollment_id, m.status]))).toEqual({
      [enrollments[0]!.id]: 'present',
      [enrollments[1]!.id]: 'absent',
      [enrollments[2]!.id]: 'present',
    });

    // Her page: the course with her rate; her job with its follow-ups.
    await page.goto(`/app/people/${women[0]!.id}`);
    const her = page.getByRole('region', { name: '자립 지원' });
    await her.getByRole('link', { name: '바리스타 자격증 과정' }).waitFor();
    await her.getByText('출석 1 / 1회 (100%)').waitFor();
    await her.getByRole('button', { name: '성과 기록' }).click();
    await her.getByLabel('시작일').fill(seoulDay(Date.now() - 10 * DAY));
    await her.getByLabel('직종').fill('바리스타');
    await her.getByLabel('일터 종류').selectOption('social_enterprise');
    await her.getByLabel('일터 이름').fill('카페 한빛');
    await her.getByRole('button', { name: '성과 저장' }).click();
    await her.getByRole('status').getByText('성과를 기록했습니다.').waitFor();
    await her.getByText(/^3개월 확인/).waitFor();
    await her.getByText(/^12개월 확인/).waitFor();
    expect(await page.getByText('카페 한빛').count()).toBe(0);
    await checkScreen(w, 'programs-server-04-her-page');
    await w.context.close();
  }, 240_000);
});
