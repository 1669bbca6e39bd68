// Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, a fresh
// profile per run, nothing reaching outside. Also the checks every screen gets: axe-core with no
// violations, no CSP violations, and a screenshot in test-artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import axe from 'axe-core';
import { expect } from 'vitest';

export const ARTIFACTS = resolve(
  process.env.TEST_ARTIFACTS ?? fileURLToPath(new URL('../../../test-artifacts', import.meta.url)),
);
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

export interface Launched {
  browser: Browser;
  close: () => Promise<void>;
}

// playwright-core gives every launch a fresh temporary profile (its own --user-data-dir) and
// deletes it on close.
// extraArgs: more Chromium switches, e.g. a fake camera fed from a file.
export async function launch(extraArgs: readonly string[] = []): Promise<Launched> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The app is served on localhost (a secure context, so the __Host- cookie works); make
      // sure that means IPv4 where the servers listen.
      '--host-resolver-rules=MAP localhost 127.0.0.1',
      ...extraArgs,
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

// A page that records CSP violations and console errors, for `assertClean`.
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  cspViolations: string[];
}

export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; baseURL: string },
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    baseURL: options.baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: options.baseURL,
  });
  const page = await context.newPage();
  const tracked: TrackedPage = { page, context, cspViolations: [] };
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) tracked.cspViolations.push(msg.text());
  });
  // Anything that tries to leave the origin fails the test.
  await context.route(/^(?!https?:\/\/localhost[:/]).*/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    tracked.cspViolations.push(`request left the origin: ${url}`);
    return route.abort();
  });
  return tracked;
}

// axe-core's own run in the page, every rule, only violations reported: the playwright wrapper
// loaded axe three times per check (twice in the page, once in a blank page it opened to merge
// frames' results, which this app does not have) and also gathered every passing node. The
// checks were 40 % of the UI suite's time, now a sixth (docs/performance.md). axe stays loaded
// across the app's own navigations, and is loaded again after a page load.
async function axeViolations(page: Page): Promise<axe.AxeResults> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source);
  return page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
}

// axe-core on the current screen (no violations allowed), no CSP violations so far, and a
// screenshot named after the screen.
export async function checkScreen(t: TrackedPage, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await t.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await axeViolations(t.page);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
  expect(t.cspViolations, `CSP violations on ${name}`).toEqual([]);
}

// Records performance.now() at the moment the sign-in form becomes usable (its username field
// is in the page and enabled). Installed before the app's scripts run.
export async function measureFirstUsable(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstUsable?: number };
    const check = () => {
      const input = document.querySelector<HTMLInputElement>('input[name="username"]');
      if (input && !input.disabled && w.__firstUsable === undefined) {
        w.__firstUsable = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, obs) => {
      if (check()) obs.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

export async function firstUsableMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __firstUsable?: number }).__firstUsable !== undefined,
  );
  return page.evaluate(() => (window as unknown as { __firstUsable: number }).__firstUsable);
}
