// REAL-SERVER SUITE for the shelter staff's home (/shelter): a counselor registers a woman; the
// staff make a room, admit her by her code in the browser, see the overdue alert of an outing
// whose return has passed, mark her back, answer an item of her exit-readiness checklist, and
// record her exit; the follow-ups are scheduled.
// Skipped, with the reason printed, when the binary is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'busan-shelter', name: '부산 지원시설', kind: 'support_facility', region: 'KR-26' },
];
const USERS = [
  { org: 'busan-shelter', username: 'staff', display: '오쉼터', roles: 'shelter_staff' },
  // A colleague on the same shift, whose calls set the scene through the API.
  { org: 'busan-shelter', username: 'colleague', display: '정동료', roles: 'shelter_staff' },
  { org: 'busan-shelter', username: 'worker', display: '김상담', roles: 'case_worker' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[shelters real-server suite] SKIPPED: ${skipReason}\n`);

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe.skipIf(skipReason !== null)('shelters real-server suite (build/dandelion)', () => {
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

  it('admits her by code, shows the overdue alert, and records her exit', async () => {
    const worker = await apiSignIn(server.url, 'worker');
    const person = await worker.call<{ id: string; code: string }>('POST', '/api/v1/people', {
      legal_name: '한새벽',
      alias: '새벽',
    });
    const staff = await apiSignIn(server.url, 'colleague');
    await staff.call('POST', '/api/v1/shelter/rooms', { name: '101호', beds: 2 });

    const t = await newPage(chromium.browser, { baseURL: server.url });
    const { page } = t;
    await browserSignIn(page, 'staff');
    await page.getByRole('heading', { name: '쉼터', level: 1 }).waitFor();
    const board = page.getByRole('table', { name: '침대 현황' });
    await board.getByRole('button', { name: '입소 101호 1' }).click();
    const admit = page.getByRole('dialog', { name: '101호 1번 침대에 입소' });
    await admit.getByLabel('입소할 분의 등록번호').fill(person.code);
    await admit.getByRole('button', { name: '입소' }).click();
    await page
      .getByRole('status')
      .getByText(/새벽 님이 입소했습니다/)
      .waitFor();
    await checkScreen(t, 'shelters-server-01-admitted');

    // An outing that should have ended two hours ago (recorded through the API).
    const home = await staff.call<{ residents: { id: string }[] }>('GET', '/api/v1/shelter/home');
    const now = Date.now();
    await staff.call('POST', `/api/v1/shelter/stays/${home.residents[0]!.id}/outings`, {
      kind: 'outing',
      left_at: iso(now - 4 * 3_600_000),
      planned_return_at: iso(now - 2 * 3_600_000),
      destination: '시험용 행선지',
    });
    await page.reload();
    await page
      .getByRole('alert')
      .filter({ hasText: '복귀 시간이 지났습니다' })
      .getByText(/새벽 — /)
      .waitFor();
    await checkScreen(t, 'shelters-server-02-overdue');
    const notes = await staff.call<{ items: { kind: string }[] }>('GET', '/api/v1/notifications');
    expect(notes.items.filter((n) => n.kind === 'shelter_overdue')).toHaveLength(1);
    await page.getByRole('button', { name: '돌아옴 새벽' }).click();
    await page.getByText('외출 중인 분이 없습니다.').waitFor();

    // Her exit-readiness checklist: one item answered with a note, kept on the server sealed.
    await page.getByRole('button', { name: '퇴소 준비 점검 새벽' }).click();
    const readiness = page.getByRole('dialog', { name: '새벽 퇴소 준비 점검' });
    const ids = readiness.getByRole('form', { name: '신분증' });
    await ids.getByLabel('신분증 진행 상태').selectOption('in_progress');
    await ids.getByLabel('신분증 메모 (선택)').fill('주민센터 재발급 신청');
    await ids.getByRole('button', { name: '저장 신분증' }).click();
    await readiness.getByRole('status').getByText('신분증: ‘진행 중’으로 기록했습니다.').waitFor();
    await readiness.getByText('주민센터 재발급 신청').waitFor();
    await checkScreen(t, 'shelters-server-03-readiness');
    await readiness.getByRole('button', { name: '닫기' }).click();
    // The same checklist on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: '퇴소 준비 점검 새벽' }).click();
    await readiness.getByText('주민센터 재발급 신청').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkScreen(t, 'shelters-server-04-readiness-phone');
    await readiness.getByRole('button', { name: '닫기' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    const answered = await staff.call<{ readiness: { item: string; status: string }[] }>(
      'GET',
      `/api/v1/shelter/stays/${home.residents[0]!.id}`,
    );
    expect(answered.readiness.find((a) => a.item === 'id_documents')?.status).toBe('in_progress');

    await page.getByRole('button', { name: '퇴소 새벽' }).click();
    const exit = page.getByRole('dialog', { name: '새벽 퇴소' });
    await exit.getByLabel('퇴소 후 거처').selectOption('public_rental');
    await exit.getByRole('button', { name: '퇴소' }).click();
    await page
      .getByRole('status')
      .getByText(/퇴소를 기록했습니다/)
      .waitFor();
    const stay = await staff.call<{ exit_destination: string; follow_ups: { months: number }[] }>(
      'GET',
      `/api/v1/shelter/stays/${home.residents[0]!.id}`,
    );
    expect(stay.exit_destination).toBe('public_rental');
    expect(stay.follow_ups.map((f) => f.months)).toEqual([1, 3, 6]);
    await t.context.close();
  });
});
