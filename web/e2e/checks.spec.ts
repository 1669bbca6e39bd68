// The checks every screen gets (lib/browser.ts checkScreen) must be able to fail: a page with an
// image and no text alternative is refused with axe's rule named, and the same page with one
// passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launch, newPage, type Launched } from './lib/browser';

const DOT = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

let chromium: Launched;

beforeAll(async () => {
  chromium = await launch();
});
afterAll(async () => {
  await chromium?.close();
});

describe('the checks each screen gets', () => {
  it('refuses a screen axe finds a violation on, and passes it once mended', async () => {
    const t = await newPage(chromium.browser, { baseURL: 'http://localhost:9' });
    const page = (alt: string) =>
      `<!doctype html><html lang="ko"><head><title>점검</title></head>` +
      `<body><main><h1>점검</h1><img src="${DOT}"${alt}></main></body></html>`;
    await t.page.setContent(page(''));
    const refused: unknown = await checkScreen(t, 'checks-image-without-alt').then(
      () => null,
      (e: unknown) => e,
    );
    expect(String(refused)).toMatch(/axe violations on checks-image-without-alt/);
    expect(JSON.stringify((refused as { actual?: unknown }).actual)).toMatch(/image-alt/);
    await t.page.setContent(page(' alt="점 하나"'));
    await checkScreen(t, 'checks-image-with-alt');
    await t.context.close();
  });
});
