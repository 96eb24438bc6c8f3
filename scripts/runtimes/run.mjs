// `npm run test:runtimes`: the runtime matrix. Packs packages/acs-common (what `npm pack` ships),
// extracts the tarball into a temporary project as npm would install it, computes the vectors in
// Node, and runs ONE smoke suite (scripts/runtimes/suite/smoke.mjs) unchanged on every runtime.
// Prints one line per runtime and `N passed, M failed`; exits non-zero when a claimed row fails.
// Rows marked `knownFailure` are not claimed (the README says so); they print `xfail` and count
// in neither number. `node scripts/runtimes/run.mjs deno bun` runs the rows whose name matches.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLoopbackServer } from './loopback-server.mjs';
import { runProcessRow } from './process-row.mjs';
import { ensureDebianPackages, ensureToolchain } from './toolchain.mjs';
import { createVectors } from './vectors.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNTIMES = fileURLToPath(new URL('./', import.meta.url));
const SUITE = join(RUNTIMES, 'suite');
const PACKAGE_DIR = join(ROOT, 'packages/acs-common');
const started = Date.now();
const log = (line) => console.log(`# ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(join(PACKAGE_DIR, 'dist/index.js'))) {
  console.error('acs-common is not built: run `npm run build` first (`npm run test:runtimes` does).');
  process.exit(1);
}

ensureDebianPackages(log);
const tools = ensureToolchain(log);
log(`runtimes ready (${seconds(started)})`);

const workDir = mkdtempSync(join(tmpdir(), 'acs-runtimes-'));
const project = join(workDir, 'project');
const installed = join(project, 'node_modules', 'acs-common');
mkdirSync(installed, { recursive: true });
const [{ filename }] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
);
const tarball = join(workDir, filename);
execFileSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1']);
const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'acs-smoke', private: true, type: 'module' }));
cpSync(SUITE, project, { recursive: true });

// Node computes the expectations: node:crypto for the signatures, the packed Node build for the
// identifiers' wire forms (checked against the hand-written kinds on every runtime).
const nodeIdentifiers = await import(pathToFileURL(join(installed, 'dist/identifiers.js')).href);
const { createTestToken } = await import(pathToFileURL(join(installed, 'dist/testing.js')).href);
const vectors = createVectors(nodeIdentifiers);
const server = await startLoopbackServer({
  root: project,
  tarball,
  manifest,
  createToken: () => createTestToken({ lifetimeInMs: 60 * 60_000, skypeid: 'acs:runtime-matrix' }),
});
/** Writes the suite's config (vectors and Entra origin) into `dir`, as a module every runtime imports. */
const writeConfig = (dir, extra = {}) =>
  writeFileSync(
    join(dir, 'config.mjs'),
    `export default ${JSON.stringify({ ...vectors, entraOrigin: server.origin, ...extra })};\n`,
  );
writeConfig(project);

const versionOf = (command, args = ['--version']) => {
  try {
    const line = execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n')[0];
    return line.replace(/ \(stable.*$/, '');
  } catch {
    return 'unknown version';
  }
};

const processRow =
  (command, args, cwd = project, env = {}) =>
  () =>
    runProcessRow({ command, args, cwd, env });

const rows = [];
for (const major of [20, 22, 24, 26]) {
  const node = tools.node(major);
  rows.push({ name: `node ${major}`, version: () => versionOf(node), run: processRow(node, ['process-main.mjs']) });
}
// Deno resolves acs-common with the `node` condition (the node:crypto platform file), whose log
// level comes from process.env.AZURE_LOG_LEVEL; without env permission that read throws NotCapable,
// which the platform file treats as "not set" (the row without --allow-env checks it).
const DENO_PERMISSIONS = ['--allow-net=127.0.0.1', '--allow-read=.', '--allow-env=AZURE_LOG_LEVEL'];
rows.push({
  name: 'deno (node_modules)',
  version: () => versionOf(tools.deno),
  run: processRow(tools.deno, ['run', ...DENO_PERMISSIONS, 'process-main.mjs']),
});
rows.push({
  name: 'deno (node_modules, no --allow-env)',
  version: () => versionOf(tools.deno),
  run: processRow(tools.deno, ['run', '--allow-net=127.0.0.1', '--allow-read=.', 'process-main.mjs']),
});
rows.push({
  name: 'deno (npm: specifiers)',
  version: () => versionOf(tools.deno),
  run: async () => {
    // A folder without node_modules or package.json: Deno fetches acs-common from the loopback
    // registry (the packed tarball) into a fresh cache, through the import map in deno.json.
    const dir = join(workDir, 'deno-npm');
    cpSync(SUITE, dir, { recursive: true });
    writeConfig(dir);
    const spec = `npm:${manifest.name}@${manifest.version}`;
    writeFileSync(
      join(dir, 'deno.json'),
      JSON.stringify({
        imports: { [manifest.name]: spec, [`${manifest.name}/`]: `npm:/${manifest.name}@${manifest.version}/` },
      }),
    );
    const downloadsBefore = server.registry.tarballDownloads;
    const result = await runProcessRow({
      command: tools.deno,
      args: ['run', ...DENO_PERMISSIONS, 'process-main.mjs'],
      cwd: dir,
      env: {
        DENO_DIR: join(workDir, 'deno-cache'),
        NPM_CONFIG_REGISTRY: `${server.origin}/`,
        DENO_NO_UPDATE_CHECK: '1',
      },
    });
    const downloads = server.registry.tarballDownloads - downloadsBefore;
    result.checks.push({
      name: 'Deno downloaded the packed tarball from the loopback registry',
      ok: downloads === 1,
      detail: `${downloads} downloads`,
    });
    return result;
  },
});
rows.push({
  name: 'bun',
  version: () => `bun ${versionOf(tools.bun)}`,
  run: processRow(tools.bun, ['process-main.mjs']),
});

// Browsers: an esbuild bundle of the suite (what an application ships), and the built files
// unbundled through an import map (as from a CDN). The map of the entry points alone is not
// enough: the built files import the package-internal `#platform`, which the map must name too.
const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [join(project, 'browser-main.mjs')],
  outfile: join(project, 'browser-bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'silent',
});
const importMapOf = (withPlatform) => {
  const imports = {};
  for (const [subpath, conditions] of Object.entries(manifest.exports)) {
    if (typeof conditions !== 'object' || !conditions.import) continue;
    imports[subpath.replace(/^\./, manifest.name)] =
      `/node_modules/${manifest.name}/${conditions.import.default.replace(/^\.\//, '')}`;
  }
  if (withPlatform) {
    imports['#platform'] =
      `/node_modules/${manifest.name}/${manifest.imports['#platform'].import.replace(/^\.\//, '')}`;
  }
  return JSON.stringify({ imports }, null, 2);
};
// A module that fails to load (an unmapped specifier) reports through the error event.
const ON_LOAD_ERROR = `addEventListener('error', (event) => {
  globalThis.acsSmokeReport ??= { checks: [{ name: 'the page loads', ok: false, detail: event.message }], notes: [] };
});`;
const page = (mode, head) =>
  `<!doctype html><meta charset="utf-8"><title>acs-common smoke</title>\n<script>globalThis.acsSmokeMode = ${JSON.stringify(mode)};\n${ON_LOAD_ERROR}</script>\n${head}\n`;
writeFileSync(join(project, 'bundle.html'), page('bundle', '<script type="module" src="/browser-bundle.js"></script>'));
for (const [file, withPlatform] of [
  ['import-map.html', true],
  ['import-map-entries-only.html', false],
]) {
  writeFileSync(
    join(project, file),
    page(
      'import map',
      `<script type="importmap">${importMapOf(withPlatform)}</script>\n<script type="module" src="/browser-main.mjs"></script>`,
    ),
  );
}

/** Runs a driver script under the toolchain's newest Node; resolves to the report it prints. */
const driverRow = (key, script, args) => async () => {
  const child = await new Promise((resolve) => {
    execFile(
      tools.node(26),
      [join(RUNTIMES, script), ...args],
      { timeout: 120_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ error, stdout, stderr }),
    );
  });
  const lineOf = (prefix) =>
    child.stdout
      .split('\n')
      .find((l) => l.startsWith(prefix))
      ?.slice(prefix.length);
  versions.set(key, lineOf('ACS-RUNTIME-VERSION ') ?? 'version unknown');
  const report = lineOf('ACS-SMOKE-REPORT ');
  if (report === undefined) {
    const lines = child.stderr.trim().split('\n');
    const detail = lines.find((l) => l.startsWith('Uncaught')) ?? lines.slice(-8).join('\n');
    return { checks: [{ name: 'the runtime reports', ok: false, detail }], notes: [] };
  }
  return JSON.parse(report);
};
const browserRow = (browser, file) => () =>
  driverRow(`${browser} ${file}`, 'drive-browser.mjs', [
    browser,
    `${server.origin}/${file}`,
    mkdtempSync(join(workDir, `${browser}-profile-`)),
    tools.modules,
  ])();
const versions = new Map();
for (const [browser, label] of [
  ['chromium', 'chromium'],
  ['firefox', 'firefox-esr'],
  ['webkit', 'webkitgtk'],
]) {
  rows.push({
    name: `${label} (esbuild bundle)`,
    version: () => versions.get(`${browser} bundle.html`),
    run: browserRow(browser, 'bundle.html'),
  });
  rows.push({
    name: `${label} (unbundled ESM, import map with #platform)`,
    version: () => versions.get(`${browser} import-map.html`),
    run: browserRow(browser, 'import-map.html'),
  });
}
rows.push({
  name: 'chromium (unbundled ESM, import map of the entry points only)',
  version: () => versions.get('chromium import-map-entries-only.html'),
  knownFailure: 'the built files import `#platform` (package.json imports), which an import map must map too (README)',
  run: browserRow('chromium', 'import-map-entries-only.html'),
});

// workerd: a Worker whose module is an esbuild bundle of the suite (the package's browser build).
await esbuild.build({
  entryPoints: [join(project, 'worker-main.mjs')],
  outfile: join(project, 'worker-bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
  target: 'es2022',
  logLevel: 'silent',
});
rows.push({
  name: 'workerd (miniflare, esbuild bundle)',
  version: () => versions.get('workerd'),
  run: driverRow('workerd', 'drive-workerd.mjs', [join(project, 'worker-bundle.js'), tools.modules]),
});

// React Native: Metro + @react-native/babel-preset, run on the Hermes CLI with React Native's
// globals. Two rows: React Native's globals alone (signing and test tokens must then fail with the
// library's clear error), and an app that adds a TextEncoder polyfill and passes SHA-256/HMAC.
rows.push({
  name: 'react-native (Metro bundle on Hermes)',
  version: () => versions.get('react-native'),
  run: driverRow('react-native', 'drive-rn.mjs', [project, tools.modules, tools.hermes, 'rn-main.js']),
});
rows.push({
  name: 'react-native + TextEncoder polyfill + injected HMAC (Metro bundle on Hermes)',
  version: () => versions.get('react-native+'),
  run: driverRow('react-native+', 'drive-rn.mjs', [
    project,
    tools.modules,
    tools.hermes,
    'rn-main-with-app-polyfills.js',
  ]),
});

const filters = process.argv.slice(2);
const selected = rows.filter((row) => filters.length === 0 || filters.some((f) => row.name.includes(f)));
let passed = 0;
let failed = 0;
const xfailed = [];
/** Runs one row; resolves to its printed lines and verdict. */
async function runRow(row) {
  const since = Date.now();
  let result;
  try {
    result = await row.run();
  } catch (error) {
    result = { checks: [{ name: 'the row runs', ok: false, detail: error?.stack ?? String(error) }], notes: [] };
  }
  const failures = result.checks.filter((c) => !c.ok);
  const ok = failures.length === 0 && result.checks.length > 0;
  const summary = `${row.name} (${row.version()}): ${result.checks.length - failures.length}/${result.checks.length} checks, ${seconds(since)}`;
  const mark = ok ? 'ok   ' : row.knownFailure ? 'xfail' : 'FAIL ';
  const lines = [`${mark} ${summary}${ok && row.knownFailure ? ' — passes now: claim it (remove knownFailure)' : ''}`];
  if (row.knownFailure && !ok) lines.push(`      known: ${row.knownFailure}`);
  if (result.notes.length > 0) lines.push(`      ${result.notes.join('; ')}`);
  for (const failure of failures)
    lines.push(`      ✗ ${failure.name}\n        ${String(failure.detail).replace(/\n/g, '\n        ')}`);
  return { ok, lines };
}

// Rows run JOBS at a time (default 2, the machine's cores); lines print in row order. The bounds
// inside rows are liveness bounds, not timings, so sharing the machine cannot fail a row.
const jobs = Math.max(1, Number(process.env.ACS_RUNTIMES_JOBS ?? 2));
try {
  const outcomes = new Array(selected.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < selected.length && outcomes[printed]) {
      const { ok, lines } = outcomes[printed];
      const row = selected[printed];
      if (ok) passed++;
      else if (row.knownFailure) xfailed.push(row.name);
      else failed++;
      for (const line of lines) console.log(line);
      printed++;
    }
  };
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < selected.length) {
        const index = next++;
        outcomes[index] = await runRow(selected[index]);
        flush();
      }
    }),
  );
} finally {
  server.close();
  if (process.env.ACS_RUNTIMES_KEEP) log(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
log(`matrix done in ${seconds(started)}`);
if (xfailed.length > 0) console.log(`${xfailed.length} known failures, not claimed: ${xfailed.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
