// @azure/communication-call-automation@1.6.0, unmodified, with @azure/communication-common
// replaced by acs-common (npm `overrides`), against the acs-emulator CLI over HTTPS: a bot that
// creates a call, adds a participant, plays, recognizes tones supplied through the emulator,
// transfers; answers an incoming call the emulator raises; and meets the service's 404 for an
// unknown call. Its loopback callback server parses each callback with parseCallAutomationEvent.
// This file runs twice: as the node:test suite, and (CALL_AUTOMATION_BOT=1) as the bot in a child
// process started with NODE_EXTRA_CA_CERTS, the only way a Node process trusts the emulator.
// Needs the repository built first (`npm run build` at the root).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCli } from './cli.mjs';

const OWNED_NUMBER = '+18005550100';

if (process.env.CALL_AUTOMATION_BOT === '1') await bot();
else await suite();

async function suite() {
  const { after, before, test } = await import('node:test');
  const require = createRequire(import.meta.url);
  let emulator;
  let ready;
  let results;

  before(async () => {
    emulator = await startCli(['--phone-number', OWNED_NUMBER]);
    ready = emulator.ready;
    const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url)], {
      env: {
        ...process.env,
        CALL_AUTOMATION_BOT: '1',
        NODE_EXTRA_CA_CERTS: ready.caCertPath,
        EMULATOR_ENDPOINT: ready.endpoint,
        EMULATOR_CONNECTION_STRING: ready.connectionString,
      },
      timeout: 60_000,
    });
    results = JSON.parse(stdout);
  });

  after(async () => {
    await emulator.stop();
  });

  test('the override puts acs-common under the call-automation client', () => {
    const pkg = createRequire(require.resolve('@azure/communication-call-automation'))(
      '@azure/communication-common/package.json',
    );
    assert.equal(pkg.name, 'acs-common');
  });

  test('the bot ran its outbound call; callbacks arrived in order with one set of ids', () => {
    assert.equal(results.error, undefined, results.error);
    assert.equal(results.created.callConnectionState, 'connecting');
    assert.deepEqual(results.outbound, [
      'CallConnected',
      'ParticipantsUpdated',
      'AddParticipantSucceeded',
      'ParticipantsUpdated',
      'PlayStarted',
      'PlayCompleted',
      'RecognizeCompleted',
      'CallTransferAccepted',
      'CallDisconnected',
    ]);
    for (const event of results.outboundParsed) {
      assert.equal(event.callConnectionId, results.created.callConnectionId);
      assert.equal(event.serverCallId, results.created.serverCallId);
      assert.equal(event.correlationId, results.created.correlationId);
    }
    assert.deepEqual(results.recognized.dtmfResult.tones, ['four', 'two']);
    assert.equal(results.participants, 2);
  });

  test('an incoming call raised by the emulator is answered, then terminated', () => {
    assert.equal(results.answered.serverCallId, results.raised.serverCallId);
    assert.deepEqual(results.inbound, ['CallConnected', 'ParticipantsUpdated', 'CallDisconnected']);
  });

  test('an unknown call connection is the service 404 (8522)', () => {
    assert.equal(results.unknown.statusCode, 404);
    assert.equal(results.unknown.code, '8522');
  });
}

async function bot() {
  const { CallAutomationClient, parseCallAutomationEvent } = await import('@azure/communication-call-automation');
  const { CommunicationIdentityClient } = await import('@azure/communication-identity');
  const endpoint = process.env.EMULATOR_ENDPOINT;
  const connectionString = process.env.EMULATOR_CONNECTION_STRING;
  const received = { '/outbound': [], '/inbound': [] };
  const waiters = new Set();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received[request.url]?.push(parseCallAutomationEvent(body));
      response.writeHead(200).end();
      for (const waiter of waiters) waiter();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const waitFor = (path, kind) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = received[path].find((event) => event.kind === kind);
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => reject(new Error(`no ${kind} at ${path}`)), 20_000);
      waiters.add(check);
      check();
    });
  const emulatorRoute = async (path, body) => {
    const response = await fetch(new URL(path, endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  };

  const results = {};
  try {
    const identity = new CommunicationIdentityClient(connectionString);
    const alice = await identity.createUser();
    const bob = await identity.createUser();
    const client = new CallAutomationClient(connectionString);

    const { callConnection, callConnectionProperties } = await client.createCall(
      { targetParticipant: alice },
      `${base}/outbound`,
    );
    results.created = callConnectionProperties;
    await waitFor('/outbound', 'CallConnected');
    await callConnection.addParticipant({
      targetParticipant: { phoneNumber: '+14255550123' },
      sourceCallIdNumber: { phoneNumber: OWNED_NUMBER },
    });
    await waitFor('/outbound', 'AddParticipantSucceeded');
    results.participants = (await callConnection.listParticipants()).values.length;
    await callConnection.getCallMedia().playToAll([{ kind: 'textSource', text: 'Hello from the drop-in bot.' }]);
    await waitFor('/outbound', 'PlayCompleted');
    await callConnection.getCallMedia().startRecognizing(alice, {
      kind: 'callMediaRecognizeDtmfOptions',
      maxTonesToCollect: 2,
    });
    await emulatorRoute(`emulator/calls/${callConnectionProperties.callConnectionId}/recognize`, { tones: '42' });
    results.recognized = await waitFor('/outbound', 'RecognizeCompleted');
    await callConnection.transferCallToParticipant(bob, { transferee: alice });
    await waitFor('/outbound', 'CallDisconnected');
    results.outbound = received['/outbound'].map((event) => event.kind);
    results.outboundParsed = received['/outbound'];

    results.raised = await emulatorRoute('emulator/calls/incoming', {
      from: '4:+14255550111',
      to: `4:${OWNED_NUMBER}`,
    });
    const answered = await client.answerCall(results.raised.incomingCallContext, `${base}/inbound`);
    results.answered = answered.callConnectionProperties;
    await waitFor('/inbound', 'ParticipantsUpdated');
    await answered.callConnection.hangUp(true);
    await waitFor('/inbound', 'CallDisconnected');
    results.inbound = received['/inbound'].map((event) => event.kind);

    try {
      await client.getCallConnection('no-such-call').getCallConnectionProperties();
    } catch (error) {
      results.unknown = { statusCode: error.statusCode, code: error.code };
    }
  } catch (error) {
    results.error = String(error?.stack ?? error);
  } finally {
    server.close();
  }
  process.stdout.write(JSON.stringify(results));
}
