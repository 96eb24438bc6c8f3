import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

// The package as a user gets it: `npm pack` of the BUILT package (npm test builds first), installed
// from the tarball into an empty project outside the repository (no registry: zero dependencies),
// then every entry point loaded by a fresh `node` from ESM and from CommonJS.
const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = [
  'acs-common',
  ...Object.keys(packageJson.exports)
    .filter((key) => key !== '.' && key !== './package.json')
    .map((key) => `acs-common/${key.slice(2)}`),
];

// A few names each entry must export (all of them are checked for ESM/CJS agreement below).
const REQUIRED: Record<string, string[]> = {
  'acs-common': [
    'AzureCommunicationTokenCredential',
    'createIdentifierFromRawId',
    'getIdentifierRawId',
    'serializeCommunicationIdentifier',
    'deserializeCommunicationIdentifier',
    'createCommunicationAccessKeyCredentialPolicy',
    'parseClientArguments',
    'parseConnectionString',
    'isKeyCredential',
    'RestError',
    'isRestError',
  ],
  'acs-common/credential': ['AzureCommunicationTokenCredential', 'AcsError', 'AbortError'],
  'acs-common/identifiers': [
    'createIdentifierFromRawId',
    'getIdentifierRawId',
    'isIdentifierEqual',
    'CommunicationCloudEnvironment',
  ],
  'acs-common/signing': ['createHmacHeaders', 'createCommunicationAccessKeyCredentialPolicy', 'AzureKeyCredential'],
  'acs-common/entra': ['AzureCommunicationTokenCredential', 'ACS_TOKEN_REFRESH_WINDOW_IN_MS'],
  'acs-common/testing': ['createTestToken', 'ManualClock', 'FakeTokenCredential'],
};

// Runs in the consumer project; `load` is `import()` (ESM) or `require` (CJS). Prints one JSON line.
const PROBE = `
const entries = ${JSON.stringify(ENTRIES)};
(async () => {
  const modules = {};
  for (const entry of entries) modules[entry] = await load(entry);
  const root = modules['acs-common'];
  const { createTestToken } = modules['acs-common/testing'];
  const rawIds = ['8:acs:r_u', '8:orgid:t', '8:teamsvisitor:t', '4:+112345556789_abc', '28:orgid:g', '8:acs:r_t_u', '48:x', ''];
  const roundTrips = rawIds.every((r) => root.getIdentifierRawId(root.createIdentifierFromRawId(r)) === r);
  const expiresOnTimestamp = Date.parse('2031-01-02T03:04:05Z');
  const token = createTestToken({ expiresOnTimestamp });
  const accessToken = await new modules['acs-common/credential'].AzureCommunicationTokenCredential(token).getToken();
  const headers = await modules['acs-common/signing'].createHmacHeaders({
    method: 'GET', url: 'https://example.com/testPath?testQuery=test', key: 'pw==',
    requestTimestamp: Date.parse('2022-04-13T18:09:12.451Z'),
  });
  console.log(JSON.stringify({
    exports: Object.fromEntries(entries.map((e) => [e, Object.keys(modules[e]).sort()])),
    sameClass: root.AzureCommunicationTokenCredential === modules['acs-common/entra'].AzureCommunicationTokenCredential,
    roundTrips,
    staticToken: accessToken.token === token && accessToken.expiresOnTimestamp === expiresOnTimestamp,
    authorization: headers.authorization,
  }));
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

interface ProbeResult {
  exports: Record<string, string[]>;
  sameClass: boolean;
  roundTrips: boolean;
  staticToken: boolean;
  authorization: string;
}

let workDir = '';
let projectDir = '';
let packedFiles: string[] = [];

async function probe(kind: 'esm' | 'cjs'): Promise<ProbeResult> {
  const args =
    kind === 'esm'
      ? ['--input-type=module', '-e', `const load = (name) => import(name);\n${PROBE}`]
      : ['-e', `const load = async (name) => require(name);\n${PROBE}`];
  const { stdout } = await run(process.execPath, args, { cwd: projectDir });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ProbeResult;
}

beforeAll(async () => {
  if (!existsSync(join(PACKAGE_DIR, 'dist/index.js'))) throw new Error('acs-common is not built: run `npm run build`.');
  workDir = mkdtempSync(join(tmpdir(), 'acs-common-pack-'));
  projectDir = join(workDir, 'consumer');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: PACKAGE_DIR });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (packed === undefined) throw new Error('npm pack reported nothing');
  packedFiles = packed.files.map((file) => file.path);
  mkdirSync(projectDir);
  writeFileSync(join(projectDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  await run(
    'npm',
    [
      'install',
      join(workDir, packed.filename),
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
    ],
    { cwd: projectDir },
  );
}, 60_000);

afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the built files and package.json, and no sources, tests or source maps', () => {
    expect(packedFiles).toContain('package.json');
    const unexpected = packedFiles.filter(
      (path) =>
        !(path === 'package.json' || path === 'README.md' || path === 'LICENSE' || path.startsWith('dist/')) ||
        path.endsWith('.map'),
    );
    expect(unexpected).toEqual([]);
  });

  it('is self-contained: no file (JavaScript or declarations) imports the unpublished acs-protocol', () => {
    const importing = packedFiles.filter(
      (path) => path.startsWith('dist/') && /["']acs-protocol["']/.test(readFileSync(join(PACKAGE_DIR, path), 'utf8')),
    );
    expect(packedFiles.some((path) => path.endsWith('.d.ts'))).toBe(true);
    expect(importing).toEqual([]);
  });

  it('contains every file named by the exports and imports maps', () => {
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value.replace(/^\.\//, ''));
      else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
    };
    collect(packageJson.exports);
    collect(packageJson.imports);
    expect(targets.length).toBeGreaterThan(ENTRIES.length * 4);
    expect(targets.filter((target) => !packedFiles.includes(target))).toEqual([]);
  });
});

describe.each(['esm', 'cjs'] as const)('installed from the tarball, loaded with %s', (kind) => {
  let result: ProbeResult;
  beforeAll(async () => {
    result = await probe(kind);
  }, 30_000);

  it.each(ENTRIES)('%s exports what it should', (entry) => {
    expect(result.exports[entry]).toEqual(expect.arrayContaining(REQUIRED[entry] ?? ['(no list for this entry)']));
  });

  it('works: identifier round trips, a static credential, an HMAC signature (js-common §5.2 vector)', () => {
    expect(result.roundTrips).toBe(true);
    expect(result.staticToken).toBe(true);
    expect(result.sameClass).toBe(true);
    expect(result.authorization).toBe(
      'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
    );
  });
});

it('ESM and CommonJS see the same export names for every entry point', async () => {
  const [esm, cjs] = await Promise.all([probe('esm'), probe('cjs')]);
  expect(Object.keys(esm.exports)).toEqual(ENTRIES);
  expect(cjs.exports).toEqual(esm.exports);
}, 30_000);
