// `npm run test:browser`: acs-common in a real browser (Debian's Chromium, headless, through
// playwright-core). Bundles packages/acs-common/test/browser/page.ts with esbuild for the browser
// from the BUILT package (every entry point, testing included), serves it on a loopback HTTP server
// with the Node globals deleted before it loads, runs its checks in the page, then recomputes every
// identifier and HMAC signature in Node (our Node build and plain node:crypto) and compares.
// Prints one line per check and `N passed, M failed`; exits non-zero on any failure.
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAGE_SOURCE = join(ROOT, 'packages/acs-common/test/browser/page.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ENTRA_TOKEN = 'entra-token-from-the-page';
const OVERALL_TIMEOUT_IN_MS = 120_000;

const results = [];
function record(name, ok, detail) {
  results.push({ name, ok, detail });
  console.log(ok ? `ok    ${name}` : `FAIL  ${name}${detail ? `\n      ${detail}` : ''}`);
}

function finish() {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
}

if (!existsSync(join(ROOT, 'packages/acs-common/dist/index.js'))) {
  console.error('acs-common is not built: run `npm run build` first (`npm run test:browser` does).');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const watchdog = setTimeout(() => {
  record('the browser test finishes within 120 s', false, 'timed out');
  finish();
  process.exit(1);
}, OVERALL_TIMEOUT_IN_MS);
watchdog.unref();

// The Node build, with the node:crypto platform file, is the reference for the page's results.
const nodeIdentifiers = await import('acs-common/identifiers');
const nodeSigning = await import('acs-common/signing');
const { createTestToken } = await import('acs-common/testing');

const workDir = mkdtempSync(join(tmpdir(), 'acs-browser-test-'));
let context;
let server;
try {
  // 1. The bundle. A Node-only import anywhere in the graph fails this build (platform browser).
  const { metafile } = await build({
    entryPoints: { page: PAGE_SOURCE },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: workDir,
    logLevel: 'silent',
    // Ignore packages/acs-common/tsconfig.json: its `paths` would send `#platform` to src/; a user's
    // bundler follows the package's imports map to dist/platform/browser.js, and so must this test.
    tsconfigRaw: {},
    metafile: true,
  });
  const bundle = readFileSync(join(workDir, 'page.js'));
  record(`the browser bundle of every entry point builds (${bundle.length.toLocaleString('en-US')} bytes)`, true);
  const inputs = Object.keys(metafile.inputs).filter((input) => !input.endsWith('test/browser/page.ts'));
  const notBuilt = inputs.filter((input) => !input.startsWith('packages/acs-common/dist/'));
  record(
    'the bundle is made of the built package only, with the browser platform file (not the Node one)',
    notBuilt.length === 0 &&
      inputs.includes('packages/acs-common/dist/platform/browser.js') &&
      !inputs.some((input) => input.startsWith('packages/acs-common/dist/platform/node')),
    `inputs: ${inputs.join(', ')}`,
  );

  // 2. The loopback server: the page, its bundle, and the Entra exchange route.
  const exchanges = [];
  const html = `<!doctype html><meta charset="utf-8"><title>acs-common browser test</title>
<script>delete globalThis.Buffer; delete globalThis.process; delete globalThis.atob;</script>
<script type="module" src="/page.js"></script>`;
  server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else if (request.method === 'GET' && url.pathname === '/page.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      } else if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
      } else if (request.method === 'POST' && url.pathname === '/access/entra/:exchangeAccessToken') {
        const token = createTestToken({ lifetimeInMs: 60 * 60_000, skypeid: 'acs:browser-test' });
        exchanges.push({
          apiVersion: url.searchParams.get('api-version'),
          authorization: request.headers.authorization,
          contentType: request.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
          token,
        });
        const expiresOn = new Date(Date.now() + 60 * 60_000).toISOString();
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ identity: { id: '8:acs:browser-test' }, accessToken: { token, expiresOn } }));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  // 3. Chromium with a fresh profile.
  context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => globalThis.acsBrowserTests !== undefined, null, { timeout: 30_000 });
  const browserVersion = context.browser()?.version() ?? 'unknown';
  const report = await page.evaluate(() => globalThis.acsBrowserTests.run());

  console.log(`(Chromium ${browserVersion}, page checks first)`);
  for (const check of report.checks) record(`[page] ${check.name}`, check.ok, check.detail);

  // 4. Node recomputes what the page produced.
  const encode = (value) => JSON.stringify(value, (_key, v) => (v === undefined ? '<undefined>' : v));
  const identifierMismatches = [];
  for (const entry of report.identifiers) {
    const identifier = nodeIdentifiers.createIdentifierFromRawId(entry.rawId);
    const expected = {
      rawId: entry.rawId,
      identifier: encode(identifier),
      kind: encode(nodeIdentifiers.getIdentifierKind(identifier)),
      rawIdBack: nodeIdentifiers.getIdentifierRawId(identifier),
      wire: encode(nodeIdentifiers.serializeCommunicationIdentifier(identifier)),
    };
    if (!isDeepStrictEqual(entry, expected)) identifierMismatches.push(`${JSON.stringify(entry.rawId)}`);
  }
  record(
    `[node] ${report.identifiers.length} identifiers, kinds and wire forms from the page equal the Node build's`,
    report.identifiers.length > 0 && identifierMismatches.length === 0,
    identifierMismatches.length > 0 ? `differ for ${identifierMismatches.join(', ')}` : undefined,
  );

  const bodyBytes = (input) =>
    input.bytes !== undefined ? Buffer.from(input.bytes) : Buffer.from(input.body ?? '', 'utf8');
  // Independent of our code: WHATWG URL serialisation (what is sent) and node:crypto.
  const plainNodeHeaders = (input, requestTimestamp) => {
    const url = new URL(input.url);
    const date = new Date(requestTimestamp).toUTCString();
    const hash = createHash('sha256').update(bodyBytes(input)).digest('base64');
    const toSign = `${input.method.toUpperCase()}\n${url.pathname}${url.search}\n${date};${url.host};${hash}`;
    const signature = createHmac('sha256', Buffer.from(input.key, 'base64')).update(toSign).digest('base64');
    return {
      'x-ms-date': date,
      'x-ms-content-sha256': hash,
      authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
      host: url.host,
    };
  };
  const ourNodeHeaders = async (input, requestTimestamp) => {
    const body =
      input.bytes === undefined
        ? input.body
        : input.asArrayBuffer
          ? new Uint8Array(input.bytes).buffer
          : new Uint8Array(input.bytes);
    return {
      ...(await nodeSigning.createHmacHeaders({
        method: input.method,
        url: input.url,
        key: input.key,
        requestTimestamp,
        ...(body === undefined ? {} : { body }),
      })),
    };
  };
  for (const { input, headers } of report.signatures) {
    const label = `${input.method} ${input.url}${input.bytes ? (input.asArrayBuffer ? ' (ArrayBuffer body)' : ' (Uint8Array body)') : ''}`;
    const ours = await ourNodeHeaders(input, input.requestTimestamp);
    const plain = plainNodeHeaders(input, input.requestTimestamp);
    record(
      `[node] WebCrypto headers = Node build = node:crypto for ${label}`,
      isDeepStrictEqual(headers, ours) && isDeepStrictEqual(headers, plain),
      `page ${JSON.stringify(headers)}\n      node build ${JSON.stringify(ours)}\n      node:crypto ${JSON.stringify(plain)}`,
    );
  }
  for (const { input, headers } of report.policyRequests) {
    const requestTimestamp = Date.parse(headers['x-ms-date']);
    const plain = plainNodeHeaders(input, requestTimestamp);
    const signed = {
      'x-ms-date': headers['x-ms-date'],
      'x-ms-content-sha256': headers['x-ms-content-sha256'],
      authorization: headers.authorization,
      host: headers.host,
    };
    record(
      `[node] the policy's headers in the page verify with node:crypto for ${input.method} ${input.url}`,
      isDeepStrictEqual(signed, plain),
      `page ${JSON.stringify(signed)}\n      node:crypto ${JSON.stringify(plain)}`,
    );
  }

  const [exchange] = exchanges;
  record(
    '[node] the page made exactly one Entra exchange, shaped as the service expects',
    exchanges.length === 1 &&
      exchange.apiVersion === '2025-03-02-preview' &&
      exchange.authorization === `Bearer ${ENTRA_TOKEN}` &&
      /^application\/json/.test(exchange.contentType ?? '') &&
      exchange.body === '{}' &&
      report.entraToken === exchange.token,
    JSON.stringify(exchanges.map(({ token, ...rest }) => rest)),
  );
  record('[node] no error in the page console', pageErrors.length === 0, pageErrors.join('\n      '));
} catch (error) {
  record(
    'the browser test runs to the end',
    false,
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
} finally {
  await context?.close().catch(() => {});
  if (server) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(workDir, { recursive: true, force: true });
  clearTimeout(watchdog);
}
finish();
