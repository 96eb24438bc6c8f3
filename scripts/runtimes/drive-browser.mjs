// Opens one page of the loopback server in one browser and prints the page's smoke report as
// `ACS-SMOKE-REPORT {json}` plus `ACS-RUNTIME-VERSION …`. Runs under the toolchain's newest Node
// (puppeteer-core needs Node ≥ 22). Usage: drive-browser.mjs chromium|firefox|webkit URL PROFILE_DIR
// - chromium: Debian's /usr/bin/chromium through playwright-core (the repository's devDependency);
// - firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi;
// - webkit: Debian's WebKitWebDriver (webkit2gtk-driver) under Xvfb, over plain WebDriver HTTP.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const [browserName, url, profileDir, toolchainModules] = process.argv.slice(2);
const REPORT_BOUND_IN_MS = 60_000;
const pageErrors = [];

const READ_REPORT = () => (globalThis.acsSmokeReport ? JSON.stringify(globalThis.acsSmokeReport) : null);

async function poll(read) {
  const deadline = Date.now() + REPORT_BOUND_IN_MS;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `no report from the page within ${REPORT_BOUND_IN_MS / 1000} s; page errors: ${pageErrors.join(' | ')}`,
  );
}

async function chromium() {
  const { chromium: launcher } = await import('playwright-core');
  const context = await launcher.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
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
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    const report = await poll(() => page.evaluate(READ_REPORT));
    return { report, version: `Chromium ${context.browser()?.version() ?? ''}`.trim() };
  } finally {
    await context.close();
  }
}

async function firefox() {
  const { default: puppeteer } = await import(join(toolchainModules, 'puppeteer-core/lib/puppeteer/puppeteer-core.js'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profileDir,
    extraPrefsFirefox: { 'network.proxy.allow_hijacking_localhost': false },
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    const report = await poll(() => page.evaluate(READ_REPORT));
    return { report, version: `Firefox ESR ${(await browser.version()).replace(/^firefox\//i, '')}` };
  } finally {
    await browser.close();
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function webkit() {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '/usr/bin/WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  let sessionId;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await call('GET', '/status')).ready) break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start: ${error}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': {
            binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
            args: ['--automation'],
          },
        },
      },
    });
    sessionId = session.sessionId;
    const version = `WebKitGTK ${session.capabilities.browserVersion}`;
    await call('POST', `/session/${sessionId}/url`, { url });
    const report = await poll(() =>
      call('POST', `/session/${sessionId}/execute/sync`, { script: `return (${READ_REPORT})();`, args: [] }),
    );
    return { report, version };
  } finally {
    if (sessionId) await call('DELETE', `/session/${sessionId}`).catch(() => {});
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

const drivers = { chromium, firefox, webkit };
try {
  const { report, version } = await drivers[browserName]();
  console.log(`ACS-RUNTIME-VERSION ${version}`);
  console.log(`ACS-SMOKE-REPORT ${report}`);
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exitCode = 1;
}
