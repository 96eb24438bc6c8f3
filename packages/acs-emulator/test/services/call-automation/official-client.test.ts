import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../src/index.js';

// The OFFICIAL @azure/communication-call-automation 1.6.0, unmodified, on acs-common (its
// @azure/communication-common import resolves to acs-common through a module hook, as npm
// overrides do in examples/drop-in), against the emulator over HTTPS, driven as a bot: a child
// process started with NODE_EXTRA_CA_CERTS (the only way to trust the emulator's certificate),
// with its own loopback callback server that parses each callback with parseCallAutomationEvent.

const FIXTURES = new URL('./fixtures/', import.meta.url);
const BOT = fileURLToPath(new URL('bot.mjs', FIXTURES));
const ON_ACS_COMMON = fileURLToPath(new URL('on-acs-common.mjs', FIXTURES));
const OWNED_NUMBER = '+18005550100';

interface Failure {
  ok: false;
  statusCode?: number;
  code?: string;
  message: string;
}
type Parsed = Record<string, unknown> & { kind: string; callConnectionId: string; serverCallId: string };
type Results = Record<string, unknown> & {
  error?: string;
  botEvents: string[];
  inboundEvents: string[];
  botParsed: Parsed[];
  inboundParsed: Parsed[];
};

let emulator: RunningEmulator;
let results: Results;

beforeAll(async () => {
  emulator = await startEmulator({ phoneNumbers: [OWNED_NUMBER] });
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', ON_ACS_COMMON, BOT], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: emulator.caCertPath as string,
      EMULATOR_ENDPOINT: emulator.endpoint,
      EMULATOR_CONNECTION_STRING: emulator.connectionString,
      OWNED_NUMBER,
    },
    timeout: 90_000,
  });
  results = JSON.parse(stdout);
}, 120_000);

afterAll(() => emulator?.close());

const get = <T>(name: string) => results[name] as T;

describe('Call Automation: the official client as a bot (HTTPS, on acs-common)', () => {
  it('ran to the end, with @azure/communication-common resolved to acs-common', () => {
    expect(results.error).toBeUndefined();
    expect(get<string>('commonResolvedTo')).toMatch(/packages\/acs-common\/dist\//);
  });

  it('createCall answers connecting; CallConnected follows and the call is then connected', () => {
    expect(get('created')).toMatchObject({
      callConnectionState: 'connecting',
      callbackUri: expect.stringMatching(/\/bot$/),
    });
    expect(get('connected')).toMatchObject({
      callConnectionState: 'connected',
      callConnectionId: results.callConnectionId,
    });
  });

  it('the bot callback server received the outbound call events in order, one event per POST', () => {
    expect(results.botEvents).toEqual([
      'CallConnected',
      'ParticipantsUpdated',
      'AddParticipantSucceeded',
      'ParticipantsUpdated',
      'PlayStarted',
      'PlayCompleted',
      'RecognizeCompleted',
      'RemoveParticipantSucceeded',
      'ParticipantsUpdated',
      'CallTransferAccepted',
      'CallDisconnected',
    ]);
    const raw = get<{ count: number; raw: Record<string, unknown> }[]>('botRaw');
    expect(raw.every((entry) => entry.count === 1)).toBe(true);
    expect(raw[0]?.raw).toMatchObject({
      specversion: '1.0',
      type: 'Microsoft.Communication.CallConnected',
      source: `calling/callConnections/${results.callConnectionId}`,
      subject: `calling/callConnections/${results.callConnectionId}`,
    });
  });

  it('callConnectionId, serverCallId and correlationId are the same on every event of a call', () => {
    for (const events of [results.botParsed, results.inboundParsed]) {
      const first = events[0] as Parsed;
      for (const event of events) {
        expect(event.callConnectionId).toBe(first.callConnectionId);
        expect(event.serverCallId).toBe(first.serverCallId);
        expect(event.correlationId).toBe(first.correlationId);
      }
    }
    expect((results.botParsed[0] as Parsed).callConnectionId).toBe(results.callConnectionId);
    expect((results.botParsed[0] as Parsed).serverCallId).toBe(get<{ serverCallId: string }>('created').serverCallId);
  });

  it('participants: add (202 with invitationId), list, get; the ParticipantsUpdated sequence counts up', () => {
    expect(get('added')).toMatchObject({
      operationContext: 'add-phone',
      invitationId: expect.any(String),
      participant: { identifier: { phoneNumber: '+14255550123' } },
    });
    expect(get('addSucceeded')).toMatchObject({
      operationContext: 'add-phone',
      participant: { phoneNumber: '+14255550123' },
    });
    expect(get<{ identifier: unknown }[]>('participants').map((p) => p.identifier)).toEqual([
      expect.objectContaining({ communicationUserId: expect.stringMatching(/^8:acs:/) }),
      expect.objectContaining({ phoneNumber: '+14255550123' }),
    ]);
    expect(get('participant')).toMatchObject({ identifier: { phoneNumber: '+14255550123' }, isMuted: false });
    const sequence = results.botParsed.filter((e) => e.kind === 'ParticipantsUpdated').map((e) => e.sequenceNumber);
    expect(sequence).toEqual([1, 2, 3]);
  });

  it('recognize completes with the input supplied through the emulator route (stop tone ends it)', () => {
    expect(get('supplied')).toEqual({ status: 200, json: { recognize: 'completed' } });
    expect(get('recognized')).toMatchObject({
      operationContext: 'pin',
      recognitionType: 'dtmf',
      dtmfResult: { tones: ['one', 'two'] },
      resultInformation: { code: 200, subCode: 8514 },
    });
  });

  it('transfer: 202, CallTransferAccepted naming target and transferee, then the connection is gone (404 8522)', () => {
    expect(get('transfer')).toMatchObject({ operationContext: 'to-bob' });
    // The client's parser leaves transferTarget / transferee as the wire model.
    const user = {
      kind: 'communicationUser',
      rawId: expect.stringMatching(/^8:acs:/),
      communicationUser: { id: expect.any(String) },
    };
    expect(get('transferAccepted')).toMatchObject({
      operationContext: 'to-bob',
      transferTarget: user,
      transferee: user,
    });
    const accepted = get<{ transferTarget: { rawId: string }; transferee: { rawId: string } }>('transferAccepted');
    expect(accepted.transferTarget.rawId).not.toBe(accepted.transferee.rawId);
    expect(get('afterTransfer')).toMatchObject({ ok: false, statusCode: 404, code: '8522' });
  });

  it('inbound: IncomingCall raised by the emulator, answerCall keeps its serverCallId and correlationId', () => {
    const raised = get<{ status: number; json: { serverCallId: string; correlationId: string } }>('raised');
    expect(raised.status).toBe(201);
    expect(get('answered')).toMatchObject({
      serverCallId: raised.json.serverCallId,
      correlationId: raised.json.correlationId,
      answeredFor: { phoneNumber: OWNED_NUMBER },
    });
    expect((results.inboundParsed[0] as Parsed).serverCallId).toBe(raised.json.serverCallId);
    expect(results.inboundEvents).toEqual([
      'CallConnected',
      'ParticipantsUpdated',
      'RecognizeCompleted',
      'RecognizeFailed',
      'PlayStarted',
      'PlayCanceled',
      'CallDisconnected',
    ]);
  });

  it('choices recognized by phrase; a recognize nobody answers times out as configured (RecognizeFailed 8510)', () => {
    expect(get('choiceSupplied')).toMatchObject({ status: 200 });
    expect(get('choice')).toMatchObject({ recognitionType: 'choices', choiceResult: { label: 'Support' } });
    expect(get('timedOut')).toMatchObject({
      operationContext: 'silent',
      resultInformation: { code: 400, subCode: 8510 },
    });
    expect(get('canceled')).toMatchObject({ kind: 'PlayCanceled' });
  });

  it('a failing and a hanging callback server stall neither the call model nor the replies', () => {
    expect(get('failingState')).toMatchObject({ ok: true, value: { callConnectionState: 'connected' } });
    expect(get('hangingState')).toMatchObject({ ok: true, value: { callConnectionState: 'connected' } });
    const details = get<{ status: number; json: { callbacks: { event: { type: string } }[] } }>('hangingDetails');
    expect(details.status).toBe(200);
    expect(details.json.callbacks.map((c) => c.event.type).slice(0, 3)).toEqual([
      'Microsoft.Communication.CallConnected',
      'Microsoft.Communication.ParticipantsUpdated',
      'Microsoft.Communication.PlayStarted',
    ]);
    expect(get('failingAfterHangUp')).toMatchObject({ ok: false, statusCode: 404 });
  });

  it('the errors a user meets first', () => {
    for (const name of ['unknownCall', 'unknownHangUp', 'unknownPlay']) {
      expect(get<Failure>(name)).toMatchObject({
        ok: false,
        statusCode: 404,
        code: '8522',
        message: 'Call not found.',
      });
    }
    expect(get<Failure>('remoteCallback')).toMatchObject({ ok: false, statusCode: 400, code: 'InvalidCallbackUri' });
    expect(get<Failure>('remoteCallback').message).toMatch(/--callback-host bot\.contoso\.com/);
    expect(get<Failure>('phoneWithoutCallerId')).toMatchObject({
      ok: false,
      statusCode: 400,
      code: 'SourceCallerIdNumberRequired',
    });
    expect(get<Failure>('badContext')).toMatchObject({
      ok: false,
      statusCode: 400,
      code: 'InvalidIncomingCallContext',
    });
    expect(get('recognizeWithoutOne')).toMatchObject({ status: 409, json: { error: { code: 'NoRecognizeRunning' } } });
  });
});
