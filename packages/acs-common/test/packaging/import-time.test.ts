import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

// Issue 8, defect 6: nothing but definitions may run at import time, so every built entry point
// must load on an engine that lacks the Web APIs the library uses at call time (Metro does not
// tree-shake; Hermes and QuickJS lack some of them). A fresh `node` deletes those globals, then
// loads each entry (ESM and CJS) and the browser platform file, which the `node` condition hides.
const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const MISSING = ['TextEncoder', 'TextDecoder', 'crypto', 'URL', 'URLSearchParams', 'atob', 'btoa', 'fetch', 'Headers'];
const ENTRIES = [
  'acs-common',
  ...Object.keys(packageJson.exports)
    .filter((key) => key !== '.' && key !== './package.json')
    .map((key) => `acs-common/${key.slice(2)}`),
];

const prelude = `for (const name of ${JSON.stringify(MISSING)}) delete globalThis[name];
const missing = ${JSON.stringify(MISSING)}.filter((name) => name in globalThis);
if (missing.length > 0) throw new Error('could not delete ' + missing.join(', '));
const entries = ${JSON.stringify(ENTRIES)};`;

const esm = `${prelude}
const loaded = {};
for (const entry of entries) loaded[entry] = Object.keys(await import(entry)).length;
loaded.browserPlatform = Object.keys(await import('acs-common/dist/platform/browser.js')).length;
console.log(JSON.stringify(loaded));`;

const cjs = `${prelude}
const loaded = {};
for (const entry of entries) loaded[entry] = Object.keys(require(entry)).length;
loaded.browserPlatform = Object.keys(require('acs-common/dist/platform/browser.cjs')).length;
console.log(JSON.stringify(loaded));`;

beforeAll(() => {
  if (!existsSync(`${PACKAGE_DIR}dist/index.js`)) throw new Error('acs-common is not built: run `npm run build`.');
});

it.each([
  ['ESM', ['--input-type=module', '-e', esm]],
  ['CommonJS', ['-e', cjs]],
])('every built entry point loads (%s) without TextEncoder, TextDecoder, crypto, URL, fetch', async (_, args) => {
  // `acs-common/dist/...` is not in the exports map, so the probe resolves files by path instead.
  const script = (args.at(-1) as string).replace(/'acs-common\/dist\/([^']+)'/g, (_match, file: string) =>
    JSON.stringify(`${PACKAGE_DIR}dist/${file}`),
  );
  const { stdout } = await run(process.execPath, [...args.slice(0, -1), script], { cwd: PACKAGE_DIR });
  const loaded = JSON.parse(stdout.trim()) as Record<string, number>;
  expect(Object.keys(loaded)).toEqual([...ENTRIES, 'browserPlatform']);
  for (const count of Object.values(loaded)) expect(count).toBeGreaterThan(0);
});
