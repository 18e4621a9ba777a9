#!/usr/bin/env node
// Fails when the JavaScript a browser loads before the first screen (the entry script and the
// chunks index.html preloads) is over the budget, gzipped. Lazy route chunks are not counted.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_KB = 300;
const dist = path.join(__dirname, '..', 'dist', 'web');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
let total = 0;
for (const file of new Set(files)) {
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length;
  total += size;
  process.stdout.write(`  ${file}: ${(size / 1024).toFixed(1)} kB gzipped\n`);
}
process.stdout.write(`First load: ${(total / 1024).toFixed(1)} kB of JavaScript gzipped (budget ${BUDGET_KB} kB)\n`);
if (total > BUDGET_KB * 1024) {
  process.stderr.write(`The first load is over the budget of ${BUDGET_KB} kB.\n`);
  process.exit(1);
}
