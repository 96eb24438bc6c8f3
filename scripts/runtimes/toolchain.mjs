// The runtimes and drivers of the matrix, installed outside the repository and reused between
// runs: npm packages (exact versions and lock in scripts/runtimes/toolchain/) into
// $ACS_RUNTIMES_CACHE (default ~/.cache/acs-common-runtimes), Debian packages with apt-get.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MANIFEST_DIR = fileURLToPath(new URL('./toolchain/', import.meta.url));
export const CACHE_DIR = process.env.ACS_RUNTIMES_CACHE ?? join(homedir(), '.cache', 'acs-common-runtimes');

/** Debian packages and the file each one provides (installed when the file is missing). */
const DEBIAN = [
  ['chromium', '/usr/bin/chromium'],
  ['firefox-esr', '/usr/bin/firefox-esr'],
  ['webkit2gtk-driver', '/usr/bin/WebKitWebDriver'],
  ['xvfb', '/usr/bin/Xvfb'],
  ['xauth', '/usr/bin/xauth'],
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/** Installs the missing Debian packages (apt-get update first); needs root, as CI has. */
export function ensureDebianPackages(log) {
  const missing = DEBIAN.filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages ${missing.join(' ')}: run apt-get install -y ${missing.join(' ')} as root`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  run('apt-get', ['update'], quiet);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], quiet);
}

/**
 * `npm ci` of the toolchain manifest into the cache folder, skipped when the cache already holds
 * this exact manifest and lock. Install scripts are not run: every binary ships in its package.
 */
export function ensureToolchain(log) {
  const dir = join(CACHE_DIR, 'toolchain');
  const files = ['package.json', 'package-lock.json'];
  const stamp = createHash('sha256')
    .update(files.map((file) => readFileSync(join(MANIFEST_DIR, file))).join('\0'))
    .digest('hex');
  const stampFile = join(dir, '.installed');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    log(`installing the runtimes into ${dir} (first run: a few minutes)`);
    mkdirSync(dir, { recursive: true });
    for (const file of files) copyFileSync(join(MANIFEST_DIR, file), join(dir, file));
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeFileSync(stampFile, stamp);
  }
  const modules = join(dir, 'node_modules');
  return {
    dir,
    modules,
    node: (major) => join(modules, `node${major}`, 'bin', 'node'),
    deno: join(modules, '@deno', 'linux-x64-glibc', 'deno'),
    bun: join(modules, '@oven', 'bun-linux-x64', 'bin', 'bun'),
    hermes: join(modules, 'hermes-engine-cli', 'linux64-bin', 'hermes'),
  };
}
