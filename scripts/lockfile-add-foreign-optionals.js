#!/usr/bin/env node
// The npm registry reachable from this project's machines serves only the linux-x64 builds of
// native packages. npm then writes a lockfile without the other platforms' optional packages, and
// `npm ci` refuses that lockfile as out of sync. This script records each missing optional
// platform package in package-lock.json (version, optional, no download address), which is what
// npm itself writes when it can see them; on Linux npm skips them as for any foreign platform.
// Run it after every `npm install` that changes package-lock.json.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) continue; // only exact pins are platform builds
    packages[hoisted] = { version: range, dev: entry.dev || undefined, optional: true };
    added += 1;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`Recorded ${added} optional packages of other platforms.\n`);
