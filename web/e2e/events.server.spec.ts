// REAL-SERVER SUITE for check-in against build/dandelion: an advocate of the secretariat
// publishes an event that has begun; a woman registers through the public API without an
// account, under an alias; the ticket's QR (ticket_qr_svg) is rendered to PNG with rsvg-convert
// and decoded with zbarimg, as a phone's camera would read it; on a 390 px phone the advocate
// types the decoded code into the check-in screen (as a hardware scanner does) and sees her
// checked in under her alias, never her name; a second try shows the double check-in with the
// time of the first. Then a second woman's ticket is shown to the phone's camera (Chromium's fake
// camera, fed with a video of her QR) and the screen reads it and checks her in. Skipped, with
// the reason printed, when the binary or the tools are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSignIn } from './lib/api-session';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';
import { startRealServer, unavailableReason, type RealServer } from './lib/real-server';

const ORGS = [
  { slug: 'network-office', name: '전국연대 사무국', kind: 'secretariat', region: 'KR-11' },
];
const USERS = [{ org: 'network-office', username: 'adv', display: '오활동', roles: 'advocate' }];

const tools = ['/usr/bin/rsvg-convert', '/usr/bin/zbarimg'].filter((p) => !existsSync(p));
const skipReason =
  unavailableReason() ??
  (tools.length ? `missing ${tools.join(', ')} (librsvg2-bin, zbar-tools)` : null);
if (skipReason) console.warn(`\n[events real-server suite] SKIPPED: ${skipReason}\n`);

// The QR as a camera sees it: the SVG drawn to pixels, then read back by a QR decoder.
function decodeTicket(svg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dandelion-ticket-'));
  try {
    writeFileSync(join(dir, 'ticket.svg'), svg);
    execFileSync('rsvg-convert', [
      '-w',
      '400',
      '-o',
      join(dir, 'ticket.png'),
      join(dir, 'ticket.svg'),
    ]);
    // zbarimg's stderr only grumbles about D-Bus on a machine without it.
    return execFileSync('zbarimg', ['--raw', '-q', join(dir, 'ticket.png')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The ticket as a camera would film it: a one-frame YUV4MPEG2 video (Chromium's fake camera
// loops it) of the QR's modules, read from the SVG's path ("M<x>,<y>h<n>v1h-<n>z" per run of dark
// modules), drawn large and centred on white.
function ticketVideo(svg: string, file: string): void {
  const size = Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
  const d = /<path[^>]* d="([^"]+)"/.exec(svg)![1]!;
  const W = 640;
  const H = 480;
  const scale = Math.floor(400 / size);
  const x0 = Math.floor((W - size * scale) / 2);
  const y0 = Math.floor((H - size * scale) / 2);
  const luma = Buffer.alloc(W * H, 235);
  for (const m of d.matchAll(/M(\d+),(\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = 0; py < scale; py++) {
      const row = (y0 + y * scale + py) * W + x0 + x * scale;
      luma.fill(16, row, row + run * scale);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
      luma,
      chroma,
      chroma,
    ]),
  );
}

describe.skipIf(skipReason !== null)('events real-server suite (build/dandelion)', () => {
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

  let eventId = '';
  const base = () => server.url.replace('localhost', '127.0.0.1');

  // The public registers without an account: the list gives a form token (at least 2 s old when
  // used, used once), the registration answers her reference and her QR ticket.
  async function registerPublicly(name: string, contact: string, alias: string) {
    const list = (await (await fetch(`${base()}/api/v1/public/events`)).json()) as {
      events: { id: string }[];
      form_token: string;
    };
    expect(list.events.map((e) => e.id)).toContain(eventId);
    await new Promise((r) => setTimeout(r, 2_200));
    const answer = await fetch(`${base()}/api/v1/public/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name,
        contact,
        alias,
        photo_consent: false,
        form_token: list.form_token,
      }),
    });
    expect(answer.status).toBe(201);
    return (await answer.json()) as { reference: string; ticket_qr_svg: string };
  }

  it('checks in on a phone a woman registered under an alias, by her decoded QR, once', async () => {
    const adv = await apiSignIn(server.url, 'adv');
    const now = Date.now();
    const event = await adv.call<{ id: string }>('POST', '/api/v1/events', {
      kind: 'rally',
      title_ko: '성매매 피해자 지원 촉구 집회',
      title_en: 'Rally for support of survivors',
      starts_at: new Date(now - 3_600_000).toISOString(),
      ends_at: new Date(now + 3 * 3_600_000).toISOString(),
      venue: '광화문광장',
      region: 'KR-11',
      capacity: 50,
      registration_open: true,
      published: true,
    });
    eventId = event.id;
    const ticket = await registerPublicly('박서연', '010-2345-6789', '민들레');
    const code = decodeTicket(ticket.ticket_qr_svg);
    expect(code).toMatch(new RegExp(`^DDEV1\\.${event.id}\\.`));
    const phone = await newPage(chromium.browser, { baseURL: server.url, width: 390, height: 844 });
    const page = phone.page;
    await browserSignIn(page, 'adv', false);
    await page.goto(`/app/events/${event.id}/check-in`);
    await page.getByRole('heading', { name: /입장 확인/, level: 1 }).waitFor();
    await page.getByText('입장 0명 / 참가 확정 1명').waitFor();

    const scan = async () => {
      await page.getByLabel('티켓 코드 또는 참가 번호').fill(code);
      await page.getByRole('button', { name: '입장 확인', exact: true }).click();
    };
    await scan();
    await page.getByText('민들레 님 입장을 확인했습니다.').waitFor();
    await page.getByText('입장 1명 / 참가 확정 1명').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain('박서연');
    await checkScreen(phone, 'events-server-01-checked-in');

    await scan();
    await page.getByText('민들레 님은 이미 입장했습니다.').waitFor();
    await page.getByText(/처음 입장: .+ \((방금 전|\d+분 전)\)/).waitFor();
    await checkScreen(phone, 'events-server-02-double');

    // The attendee list says the same, by her alias.
    await page.goto(`/app/events/${event.id}`);
    const row = page
      .getByRole('table', { name: /참가자 명단/ })
      .getByRole('row', { name: /민들레/ });
    await expect(row.innerText()).resolves.toContain(ticket.reference);
    await expect(page.locator('body').innerText()).resolves.not.toContain('박서연');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.context.close();
  });

  it('reads a ticket shown to the phone camera and checks her in', async () => {
    expect(eventId).not.toBe('');
    const ticket = await registerPublicly('최하늘', 'sky@example.org', '');
    const dir = mkdtempSync(join(tmpdir(), 'dandelion-camera-'));
    const video = join(dir, 'ticket.y4m');
    ticketVideo(ticket.ticket_qr_svg, video);
    const camera = await launch([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const phone = await newPage(camera.browser, { baseURL: server.url, width: 390, height: 844 });
      const page = phone.page;
      await browserSignIn(page, 'adv', false);
      await page.goto(`/app/events/${eventId}/check-in`);
      await page.getByText('입장 1명 / 참가 확정 2명').waitFor();
      await page.getByRole('button', { name: '카메라로 QR 읽기' }).click();
      await page.getByText('최하늘 님 입장을 확인했습니다.').waitFor({ timeout: 30_000 });
      await page.getByText('입장 2명 / 참가 확정 2명').waitFor();
      await page.getByRole('button', { name: '카메라 끄기' }).click();
      await checkScreen(phone, 'events-server-03-camera');
      await phone.context.close();
    } finally {
      await camera.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
