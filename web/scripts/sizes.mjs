// Prints the gzipped size of the JavaScript the browser loads at start (the scripts and
// module preloads named in dist/index.html) and of every other chunk, and fails the build when
// the initial JavaScript is over the 200 KB budget. The public help page (dist/help.html) has
// its own, much smaller budget: it must open fast on an old phone on a poor connection.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 200 * 1024;
const HELP_BUDGET = 20 * 1024;
// A member's own page (notes.html): React and her page, nothing of the staff app's screens.
const NOTES_BUDGET = 90 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const helpHtml = readFileSync(join(dist, 'help.html'), 'utf8');
const notesHtml = readFileSync(join(dist, 'notes.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
);
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let total = 0;
for (const f of readdirSync(join(dist, 'assets')).sort()) {
  const path = `assets/${f}`;
  const size = gz(path);
  const isInitial = initial.has(path);
  if (isInitial && f.endsWith('.js')) total += size;
  console.log(`${isInitial ? 'initial' : 'lazy   '}  ${kb(size).padStart(9)} gzip  ${path}`);
}
// The app is built for /app/ (vite base): a page naming no script there was built otherwise.
if (initial.size === 0) {
  console.error('dist/index.html names no script under /app/assets/: is vite base /app/?');
  process.exit(1);
}
console.log(`initial JavaScript: ${kb(total)} gzipped (budget ${kb(BUDGET)})`);
for (const [name, page] of [
  ['index.html', html],
  ['help.html', helpHtml],
  ['notes.html', notesHtml],
]) {
  if (
    /<script(?![^>]*\bsrc=)[^>]*>/.test(page) ||
    /<style\b/.test(page) ||
    /\sstyle="/.test(page)
  ) {
    console.error(`dist/${name} has an inline script or style: the CSP forbids it`);
    process.exit(1);
  }
}
const helpFiles = [...helpHtml.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map(
  (m) => m[1],
);
const helpTotal = helpFiles.reduce((sum, f) => sum + gz(f), 0);
console.log(`help page JavaScript: ${kb(helpTotal)} gzipped (budget ${kb(HELP_BUDGET)})`);
if (helpFiles.some((f) => initial.has(f))) {
  console.error('the help page shares a script with the staff app: keep it separate and small');
  process.exit(1);
}
if (helpTotal > HELP_BUDGET) {
  console.error('help page JavaScript is over budget');
  process.exit(1);
}
const notesFiles = [...notesHtml.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map(
  (m) => m[1],
);
const notesTotal = notesFiles.reduce((sum, f) => sum + gz(f), 0);
console.log(`notes page JavaScript: ${kb(notesTotal)} gzipped (budget ${kb(NOTES_BUDGET)})`);
if (notesTotal > NOTES_BUDGET) {
  console.error('notes page JavaScript is over budget');
  process.exit(1);
}
// Its page must not name Dandelion or the network anywhere a glance (or the tab) would see.
if (/민들레|Dandelion|성매매|당사자|survivor/i.test(notesHtml)) {
  console.error('dist/notes.html names what it must not: keep its title and icon neutral');
  process.exit(1);
}
if (total > BUDGET) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
