// REAL-SERVER SUITE for the network's public site against build/dandelion. A woman on a phone
// reads the home page, opens an event and registers under an alias with the plain HTML form
// (after first sending it without a contact and being told what to correct); the ticket page
// shows her reference and a QR code, which the test renders and decodes (rsvg-convert, zbarimg)
// and checks her in with through the staff API. The English pages, the map and the statements
// are read on a PC. axe on every page; no cookie is ever set; the shelter is never named.
// Skipped, with the reason printed, when the binary is missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'network-office', name: '전국연대 사무국', kind: 'secretariat', region: 'KR-11' },
  { slug: 'seoul-center', name: '서울여성상담소', kind: 'counseling_center', region: 'KR-11' },
  { slug: 'hidden-shelter', name: '비밀 쉼터 가나', kind: 'support_facility', region: 'KR-41' },
];
const USERS = [{ org: 'network-office', username: 'adv', display: '오활동', roles: 'advocate' }];
const ALIAS = '들꽃';
const LEGAL_NAME = '김하나-법적이름';

const skipReason = unavailableReason();
if (skipReason) console.warn(`\n[site real-server suite] SKIPPED: ${skipReason}\n`);

function decodeQr(svg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dandelion-qr-'));
  writeFileSync(join(dir, 'ticket.svg'), svg);
  execFileSync('rsvg-convert', [
    '-w',
    '400',
    '-b',
    'white',
    '-o',
    join(dir, 'ticket.png'),
    join(dir, 'ticket.svg'),
  ]);
  return execFileSync('zbarimg', ['--raw', '-q', join(dir, 'ticket.png')], {
    encoding: 'utf8',
  }).trim();
}

describe.skipIf(skipReason !== null)('public site real-server suite (build/dandelion)', () => {
  let server: RealServer;
  let chromium: Launched;
  let eventId = '';
  beforeAll(async () => {
    server = await startRealServer(ORGS, USERS);
    chromium = await launch();
    const adv = await apiSignIn(server.url, 'adv');
    const start = new Date(Date.now() + 5 * 86400_000);
    start.setUTCMinutes(0, 0, 0);
    const end = new Date(start.getTime() + 3 * 3600_000);
    const event = await adv.call<{ id: string }>('POST', '/api/v1/events', {
      kind: 'pilgrimage_stop',
      title_ko: '민들레순례 군산 추모제',
      title_en: 'Dandelion Pilgrimage: the Gunsan memorial',
      description_ko: '군산 개복동 화재 현장에서 숨진 여성들을 기립니다.',
      description_en: 'We remember the women who died in the Gaebok-dong fire in Gunsan.',
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      venue: '군산 개복동',
      region: 'KR-45',
      capacity: 30,
      registration_open: true,
      published: true,
    });
    eventId = event.id;
    const st = await adv.call<{ id: string }>('POST', '/api/v1/policy/statements', {
      title_ko: '성구매자 처벌을 강화하라',
      title_en: 'Punish the buyers',
      body_ko: '수요를 차단해야 성착취가 끝납니다.',
      body_en: 'Sexual exploitation ends when demand is stopped.',
    });
    await adv.call('PATCH', `/api/v1/policy/statements/${st.id}`, { published: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('registers on a phone under an alias, and the QR ticket checks her in', async () => {
    const t = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    const page = t.page;
    const home = await page.goto('/');
    expect(home?.status()).toBe(200);
    expect(await home?.headerValue('set-cookie')).toBeNull();
    await expect(page.getByRole('link', { name: '도움 요청하기' }).isVisible()).resolves.toBe(true);
    const text = await page.textContent('body');
    expect(text).toContain('서울여성상담소');
    expect(text).not.toContain('비밀 쉼터 가나');
    await checkScreen(t, 'site-home-phone');

    await page.getByRole('link', { name: '민들레순례 군산 추모제' }).click();
    await page.getByRole('heading', { name: '참가 신청' }).waitFor();
    await checkScreen(t, 'site-event-phone');
    await page.getByLabel('이름', { exact: true }).fill(LEGAL_NAME);
    await page.getByLabel('다른 이름으로 참가 (선택)').fill(ALIAS);
    await page.waitForTimeout(2200); // the form's token must be two seconds old
    await page.getByRole('button', { name: '신청하기' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('이름', { exact: true }).inputValue()).toBe(LEGAL_NAME);
    await checkScreen(t, 'site-event-error-phone');

    await page.getByLabel('연락처 (전화번호 또는 이메일)').fill('010-5555-1234');
    await page.getByLabel('행사 사진에 제가 나와도 됩니다.').check();
    await page.waitForTimeout(2200);
    await page.getByRole('button', { name: '신청하기' }).click();
    await page.getByRole('heading', { name: '신청되었습니다' }).waitFor();
    const reference = (await page.locator('.ref').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(await page.textContent('body')).not.toContain(LEGAL_NAME);
    await checkScreen(t, 'site-ticket-phone');

    const svg = await page.locator('.ticket svg').evaluate((el) => el.outerHTML);
    const token = decodeQr(svg);
    expect(token.startsWith('DDEV1.')).toBe(true);
    const adv = await apiSignIn(server.url, 'adv');
    const done = await adv.call<{ registration: { name: string; reference: string } }>(
      'POST',
      `/api/v1/events/${eventId}/check-ins`,
      { token, idempotency_key: 'site-e2e-0001' },
    );
    expect(done.registration.reference).toBe(reference);
    expect(done.registration.name).toBe(ALIAS);
    expect((await t.context.cookies()).length).toBe(0);
    await t.context.close();
  });

  it('reads the English site, the map and the statements on a PC', async () => {
    const t = await newPage(chromium.browser, { baseURL: server.url, width: 1280, height: 900 });
    const page = t.page;
    await page.goto('/en/');
    await page.getByRole('heading', { name: 'About the network' }).waitFor();
    await checkScreen(t, 'site-home-en-pc');
    await page.getByRole('navigation').getByRole('link', { name: 'Policy map' }).click();
    await page.getByRole('table').waitFor();
    await checkScreen(t, 'site-policy-en-pc');
    await page.getByRole('navigation').getByRole('link', { name: 'Statements' }).click();
    await page.getByRole('link', { name: 'Punish the buyers' }).click();
    await page.getByText('Sexual exploitation ends when demand is stopped.').waitFor();
    await checkScreen(t, 'site-statement-en-pc');
    await page.getByRole('link', { name: '한국어' }).click();
    await page.getByRole('heading', { name: '성구매자 처벌을 강화하라' }).waitFor();
    expect((await t.context.cookies()).length).toBe(0);
    await t.context.close();
  });
});
