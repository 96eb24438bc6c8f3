// The drop-in claim, end to end: @azure/communication-chat@1.6.0 and
// @azure/communication-identity@1.3.1, unmodified, with @azure/communication-common replaced by
// acs-common (npm `overrides`, see package.json), against acs-emulator over HTTPS.
// Needs the repository built first (`npm run build` at the root).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCli } from './cli.mjs';

const SCENARIO = fileURLToPath(new URL('../scenario/official-clients.mjs', import.meta.url));
const require = createRequire(import.meta.url);

let emulator;
let ready;

before(async () => {
  emulator = await startCli();
  ready = emulator.ready;
});

after(async () => {
  await emulator.stop();
});

test('the override puts acs-common under @azure/communication-common, for both clients', () => {
  for (const from of [
    import.meta.url,
    require.resolve('@azure/communication-chat'),
    require.resolve('@azure/communication-identity'),
  ]) {
    const pkg = createRequire(from)('@azure/communication-common/package.json');
    assert.equal(pkg.name, 'acs-common', `resolved from ${from}`);
  }
});

test('the official clients run on acs-common against the emulator', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [SCENARIO], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: ready.caCertPath,
      EMULATOR_ENDPOINT: ready.endpoint,
      EMULATOR_CONNECTION_STRING: ready.connectionString,
    },
    timeout: 60_000,
  });
  const results = JSON.parse(stdout);

  assert.match(results.identity.id, /^8:acs:[0-9a-f-]+_[0-9a-f-]+$/);
  assert.ok(Date.parse(results.identity.expiresOn) - Date.now() <= 60 * 60_000);
  assert.equal(results.identity.firstToken, true);

  assert.equal(results.staticGetToken, true);
  assert.deepEqual(results.chatStatic, { ok: true, value: [] });
  assert.deepEqual(results.chatRefresher, { ok: true, value: [] });
  assert.equal(results.refresherCalls, 1);

  assert.equal(results.chatAfterRevoke.ok, false);
  assert.equal(results.chatAfterRevoke.statusCode, 401);
  assert.equal(results.getTokenAfterDelete.statusCode, 404);

  assert.equal(results.entraExchange.ok, true, JSON.stringify(results.entraExchange));
  assert.match(results.entraExchange.skypeid, /^acs:/);
  assert.deepEqual(results.chatEntra, { ok: true, value: [] });
  assert.ok(results.entraCalls >= 1);

  assert.equal(results.wrongKey.ok, false);
  assert.equal(results.wrongKey.statusCode, 401);
  assert.equal(results.wrongKey.code, 'Denied');
});
