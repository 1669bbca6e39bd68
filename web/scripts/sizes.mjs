// Prints the gzipped size of the JavaScript the browser loads at start (the scripts and
// module preloads named in dist/index.html) and of every other chunk, and fails the build when
// the initial JavaScript is over the 200 KB budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 200 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
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
console.log(`initial JavaScript: ${kb(total)} gzipped (budget ${kb(BUDGET)})`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /<style\b/.test(html) || /\sstyle="/.test(html)) {
  console.error('dist/index.html has an inline script or style: the CSP forbids it');
  process.exit(1);
}
if (total > BUDGET) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
