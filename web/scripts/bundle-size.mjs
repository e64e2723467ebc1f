// Prints the gzipped size of the JavaScript a browser loads before the first page renders:
// the entry script of dist/index.html and every module it preloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map(
  (m) => m[1],
);
let raw = 0;
let gzipped = 0;
for (const file of new Set(scripts)) {
  const bytes = readFileSync(join(dist, file));
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(`  ${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`initial JavaScript: ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget 250 KB)`);
if (gzipped > 250 * 1024) process.exitCode = 1;
