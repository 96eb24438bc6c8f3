// The official @azure/communication-chat@1.6.0, unmodified, on acs-common (npm `overrides`), against
// the acs-emulator CLI over HTTPS: a whole conversation, then a restart of the CLI on the same
// --data file, after which everything is still there. Needs `npm run build` at the root first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCli } from './cli.mjs';

const SCENARIO = fileURLToPath(new URL('../scenario/chat.mjs', import.meta.url));
const ACCESS_KEY = Buffer.alloc(32, 42).toString('base64');

let directory;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'drop-in-chat-'));
});
after(() => rm(directory, { recursive: true, force: true }));

/** Starts the CLI on the data file; resolves with its ready line and a stop function. */
const startOnData = () => startCli(['--data', join(directory, 'state.json'), '--access-key', ACCESS_KEY]);

async function scenario(ready, ...args) {
  const { stdout } = await promisify(execFile)(process.execPath, [SCENARIO, ...args], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: ready.caCertPath,
      EMULATOR_ENDPOINT: ready.endpoint,
      EMULATOR_CONNECTION_STRING: ready.connectionString,
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

test('a chat conversation through the official client, and a restart with --data', async () => {
  const first = await startOnData();
  let written;
  try {
    written = await scenario(first.ready, 'write');
  } finally {
    await first.stop();
  }
  assert.match(written.threadId, /^19:.+@thread\.v2$/);
  assert.equal(written.repeatedSameThread, true);
  assert.equal(written.typing, true);
  assert.deepEqual(written.outsider, { ok: false, statusCode: 403, code: 'Forbidden' });
  assert.deepEqual(written.participants, ['Ann', 'Bob']);
  assert.deepEqual(written.receipts, [written.messageIds[0]]);
  assert.equal(written.properties.topic, 'Drop-in chat, renamed');
  assert.deepEqual(
    written.messages.map((m) => [m.type, m.message ?? m.topic ?? null, m.edited, m.deleted]),
    [
      ['topicUpdated', 'Drop-in chat, renamed', false, false],
      ['text', null, false, true],
      ['text', 'Typo', true, false],
      ['html', '<p>Hi Ann</p>', false, false],
      ['text', 'Hello Bob', false, false],
      ['topicUpdated', 'Drop-in chat', false, false],
      ['participantAdded', null, false, false],
    ],
  );
  assert.deepEqual(
    written.messages.map((m) => Number(m.sequenceId)),
    [7, 6, 5, 4, 3, 2, 1],
  );
  assert.deepEqual(written.messagePages, [3, 3, 1]);

  const second = await startOnData();
  try {
    const read = await scenario(second.ready, 'read', JSON.stringify(written));
    assert.deepEqual(read.survived, {
      messages: written.messages,
      participants: written.participants,
      receipts: written.receipts,
      properties: written.properties,
    });
    assert.deepEqual(read.removedBob, { ok: false, statusCode: 403, code: 'Forbidden' });
    assert.deepEqual(read.afterDelete, { ok: false, statusCode: 404, code: 'NotFound' });
    assert.equal(read.listedAsDeleted, true);
  } finally {
    await second.stop();
  }
});
