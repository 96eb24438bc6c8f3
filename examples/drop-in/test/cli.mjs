// The acs-emulator CLI as each drop-in suite starts it: built at the repository root, on a free
// port, stopped with SIGTERM (pending writes flushed). Not a test file (node --test runs *.test.mjs).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../packages/acs-emulator/dist/cli.js', import.meta.url));

/**
 * Starts `acs-emulator --port 0 …args`; resolves with its JSON ready line and a stop function.
 *
 * @example
 * const { ready, stop } = await startCli(['--phone-number', '+18005550100']);
 * // ready.endpoint, ready.connectionString, ready.caCertPath
 * await stop();
 */
export async function startCli(args = []) {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` at the repository root first`);
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = await new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      if (buffered.includes('\n')) resolve(JSON.parse(buffered.slice(0, buffered.indexOf('\n'))));
    });
    exited.then((code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { ready, stop };
}
