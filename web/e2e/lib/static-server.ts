// Serves web/dist the way `dandelion serve` does — the same security headers and CSP, the app
// under /app/ with the single-page-app fallback to index.html, the public help page at /help
// (and /help/en, /help/th…), a member's own page at /notes, 308 from the app's former paths, 404 for anything else — for the
// UI-only suite, whose API is mocked.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// The app's top-level routes before it moved under /app/ (as src/http/static_files.cc).
const FORMER_ROUTES = [
  'sign-in',
  'change-password',
  'enrol',
  'account',
  'emergency',
  'cases',
  'people',
  'calendar',
  'referrals',
  'directory',
  'programs',
  'supervision',
  'shelter',
  'funds',
  'advocacy',
  'statistics',
  'reports',
  'policy',
  'audit',
  'admin',
];

export async function serveDist(
  root: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) {
      res.writeHead(400, headers).end();
      return;
    }
    const help = path === '/help' || path.startsWith('/help/');
    const notes = path === '/notes' || path === '/notes/';
    const inApp = path === '/app' || path.startsWith('/app/');
    if (!help && !notes && !inApp) {
      const first = path.split('/')[1] ?? '';
      if (FORMER_ROUTES.includes(first)) {
        const query = new URL(req.url ?? '/', 'http://x').search;
        res.writeHead(308, { ...headers, Location: `/app${path}${query}` }).end();
      } else res.writeHead(404, headers).end();
      return;
    }
    let file = join(root, help ? 'help.html' : notes ? 'notes.html' : path.slice('/app'.length));
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) {
      if (path.startsWith('/app/assets/')) {
        res.writeHead(404, headers).end();
        return;
      }
      file = join(root, 'index.html');
    }
    const body = await readFile(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
