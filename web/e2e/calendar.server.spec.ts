// REAL-SERVER SUITE for the calendar: an organization-wide month, listed, holding an appointment
// of a restricted case that the signed-in worker may not read. The server leaves the person out
// of that appointment (person: null); the screen must say "restricted case" and go on working,
// not blank the app. Skipped, with the reason printed, when the binary is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'seoul-counseling', name: '서울여성상담소', kind: 'counseling_center', region: 'KR-11' },
];
const USERS = [
  { org: 'seoul-counseling', username: 'supervisor', display: '최감독', roles: 'supervisor' },
  { org: 'seoul-counseling', username: 'assigned', display: '김담당', roles: 'case_worker' },
  { org: 'seoul-counseling', username: 'colleague', display: '이동료', roles: 'case_worker' },
];

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[calendar real-server suite] SKIPPED: ${skipReason}\n`);

// Today's date in Korea, and a time on it, for the appointment and the calendar's address.
function koreaToday(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

describe.skipIf(skipReason !== null)('calendar real-server suite (build/dandelion)', () => {
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

  it('lists a restricted case’s appointment in the organization’s month without naming her', async () => {
    const worker = await apiSignIn(server.url, 'assigned');
    const person = await worker.call<{ id: string }>('POST', '/api/v1/people', {
      legal_name: '김제한',
      alias: '제한된 분',
      phone: '01055501234',
    });
    const kase = await worker.call<{ id: string; number: string }>('POST', '/api/v1/cases', {
      person_id: person.id,
      intake_channel: 'hotline',
      situation: ['online'],
      risk_level: 'high',
      summary: '열람 제한 대상',
    });
    const day = koreaToday();
    await worker.call('POST', `/api/v1/cases/${kase.id}/appointments`, {
      starts_at: `${day}T23:30:00+09:00`,
      kind: 'counseling',
      place: '상담실 2',
    });
    const supervisor = await apiSignIn(server.url, 'supervisor');
    await supervisor.call('POST', `/api/v1/cases/${kase.id}/restrict`, { restricted: true });

    const t = await newPage(chromium.browser, { baseURL: server.url });
    const { page } = t;
    await browserSignIn(page, 'colleague');

    // The month as a list, and the week as a grid: the views that name the person.
    for (const [view, display] of [
      ['month', 'list'],
      ['week', 'grid'],
    ]) {
      await page.goto(
        `/app/calendar?view=${view}&scope=organization&display=${display}&date=${day}`,
      );
      await page.getByText(kase.number).first().waitFor();
      await page.getByText('열람 제한 사례').first().waitFor();
      expect(await page.getByText('제한된 분').count()).toBe(0);
      expect(await page.getByText('상담실 2').count()).toBe(0);
      expect(await page.getByRole('navigation', { name: '주 메뉴' }).isVisible()).toBe(true);
      await checkScreen(t, `server-calendar-restricted-${view}-${display}`);
    }
    await t.context.close();
  });
});

if (skipReason !== null) {
  describe('calendar real-server suite', () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
