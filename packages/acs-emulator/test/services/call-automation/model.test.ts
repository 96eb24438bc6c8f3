import { describe, expect, it } from 'vitest';
import { advance, nextDueAt } from '../../../src/services/call-automation/advance.js';
import type { ModelEnv, Transition } from '../../../src/services/call-automation/draft.js';
import { CallModelError } from '../../../src/services/call-automation/errors.js';
import type { Outgoing } from '../../../src/services/call-automation/events.js';
import { identityFrom, parseIdentifier } from '../../../src/services/call-automation/identifiers.js';
import {
  addParticipant,
  answerIncomingCall,
  connectCall,
  createOutboundCall,
  hangUp,
  participantLeaves,
  removeParticipant,
  transferToParticipant,
} from '../../../src/services/call-automation/lifecycle.js';
import {
  cancelAllMediaOperations,
  play,
  recognize,
  supplyRecognizeInput,
} from '../../../src/services/call-automation/media.js';
import { type CallRecord, DEFAULT_SETTINGS, type RecognizeSpec } from '../../../src/services/call-automation/model.js';

// The pure call model: transitions of (call, request, env) with a manual clock and counted ids.

const ALICE = identityFrom('8:acs:res_alice', 'alice');
const BOB = identityFrom('8:acs:res_bob', 'bob');
const PHONE = identityFrom('4:+14255550123', 'phone');
const CALLBACK = 'https://127.0.0.1:9000/callback';

function world(settings = DEFAULT_SETTINGS) {
  let counter = 0;
  const w = {
    now: 1_000_000,
    events: [] as Outgoing[],
    env(): ModelEnv {
      return { now: w.now, uuid: () => `id-${++counter}`, settings };
    },
    take(t: Transition): CallRecord {
      w.events.push(...t.outgoing);
      return t.call;
    },
    /** Moves the clock to the call's next step and applies what is due. */
    tick(call: CallRecord): CallRecord {
      const due = nextDueAt(call);
      if (due === undefined) throw new Error('nothing scheduled');
      w.now = Math.max(w.now, due);
      return w.take(advance(call, w.env()));
    },
    types(): string[] {
      return w.events.map((o) => o.event.type.replace('Microsoft.Communication.', ''));
    },
  };
  return w;
}

function connected(w: ReturnType<typeof world>, targets = [ALICE]): CallRecord {
  const call = w.take(createOutboundCall({ targets, callbackUri: CALLBACK, operationContext: 'outbound' }, w.env()));
  return w.tick(call);
}

const dtmf = (overrides: Partial<RecognizeSpec> = {}): RecognizeSpec => ({
  inputType: 'dtmf',
  targetRawId: ALICE.rawId,
  initialSilenceTimeoutInMs: 5000,
  maxTonesToCollect: 3,
  stopTones: ['pound'],
  choices: [],
  ...overrides,
});

describe('identifiers', () => {
  it('reads the client form and the spec-example form alike, always echoing kind and rawId', () => {
    const client = parseIdentifier(
      { kind: 'communicationUser', rawId: '8:acs:x', communicationUser: { id: '8:acs:x' } },
      'targets[0]',
    );
    const example = parseIdentifier({ communicationUser: { id: '8:acs:x' } }, 'targets[0]');
    expect(example).toEqual(client);
    expect(client.model).toEqual({ kind: 'communicationUser', rawId: '8:acs:x', communicationUser: { id: '8:acs:x' } });
    expect(parseIdentifier({ phoneNumber: { value: '+14255550123' } }, 'p').rawId).toBe('4:+14255550123');
    expect(PHONE.kind).toBe('phoneNumber');
  });

  it('names the path and the problem of a bad identifier', () => {
    expect(() => parseIdentifier({ phoneNumber: { value: '4255550123' } }, 'targets[0]')).toThrow(
      'targets[0].phoneNumber.value: must be an E.164 number',
    );
    expect(() => parseIdentifier({}, 'participantToAdd')).toThrow('participantToAdd: names no participant');
    expect(() => parseIdentifier({ kind: 'robot', rawId: 'x' }, 't')).toThrow('t.kind: must be one of');
  });
});

describe('call lifecycle', () => {
  it('createCall answers connecting; CallConnected and ParticipantsUpdated follow, with one set of ids', () => {
    const w = world();
    const created = w.take(createOutboundCall({ targets: [ALICE], callbackUri: CALLBACK }, w.env()));
    expect(created.state).toBe('connecting');
    expect(w.events).toEqual([]);
    expect(nextDueAt(created)).toBe(w.now + DEFAULT_SETTINGS.connectDelayInMs);

    const call = w.tick(created);
    expect(call.state).toBe('connected');
    expect(w.types()).toEqual(['CallConnected', 'ParticipantsUpdated']);
    for (const { event, url } of w.events) {
      expect(url).toBe(CALLBACK);
      expect(event.source).toBe(`calling/callConnections/${call.callConnectionId}`);
      expect(event.data).toMatchObject({
        callConnectionId: call.callConnectionId,
        serverCallId: call.serverCallId,
        correlationId: call.correlationId,
      });
    }
    expect(w.events[1]?.event.data).toMatchObject({ sequenceNumber: 1, participants: [{ identifier: ALICE.model }] });
  });

  it('answerCall keeps the incoming call ids and makes the caller the participant', () => {
    const w = world();
    const incoming = {
      incomingCallContext: 'ctx',
      serverCallId: 'server-1',
      correlationId: 'corr-1',
      from: PHONE,
      to: identityFrom('4:+18005550100', 'to'),
      raisedAt: w.now,
    };
    const call = w.tick(w.take(answerIncomingCall(incoming, { callbackUri: CALLBACK }, w.env())));
    expect(call).toMatchObject({ serverCallId: 'server-1', correlationId: 'corr-1', answeredFor: '+18005550100' });
    expect(call.participants.map((p) => p.identity.rawId)).toEqual([PHONE.rawId]);
    expect(w.events.every((o) => o.event.data.serverCallId === 'server-1')).toBe(true);
  });

  it('connectCall joins a call with its ids and participants, or a room with nobody in it yet', () => {
    const w = world();
    const existing = connected(w, [ALICE, BOB]);
    const joined = w.tick(w.take(connectCall({ callbackUri: CALLBACK, joined: existing }, w.env())));
    expect(joined).toMatchObject({ serverCallId: existing.serverCallId, correlationId: existing.correlationId });
    expect(joined.callConnectionId).not.toBe(existing.callConnectionId);
    expect(joined.participants.map((p) => p.identity.rawId)).toEqual([ALICE.rawId, BOB.rawId]);
    const room = w.tick(w.take(connectCall({ callbackUri: CALLBACK }, w.env())));
    expect(room).toMatchObject({ state: 'connected', participants: [] });
  });

  it('an unreachable target makes createCall fail with CreateCallFailed then CallDisconnected', () => {
    const w = world({ ...DEFAULT_SETTINGS, unreachable: [ALICE.rawId] });
    const call = connected(w);
    expect(call.state).toBe('disconnected');
    expect(w.types()).toEqual(['CreateCallFailed', 'CallDisconnected']);
  });

  it('mid-call actions wait for CallConnected', () => {
    const w = world();
    const created = w.take(createOutboundCall({ targets: [ALICE], callbackUri: CALLBACK }, w.env()));
    expect(() => addParticipant(created, { identity: BOB }, w.env())).toThrow(/wait for the CallConnected event/);
  });

  it('adds a participant (to its operationCallbackUri) and removes one; the call ends when nobody is left', () => {
    const w = world();
    let call = connected(w);
    const added = addParticipant(
      call,
      { identity: BOB, operationContext: 'add-bob', operationCallbackUri: 'https://127.0.0.1:9000/ops' },
      w.env(),
    );
    call = w.tick(w.take(added.transition));
    expect(call.participants.map((p) => p.identity.rawId)).toEqual([ALICE.rawId, BOB.rawId]);
    const succeeded = w.events.find((o) => o.event.type.endsWith('AddParticipantSucceeded'));
    expect(succeeded?.url).toBe('https://127.0.0.1:9000/ops');
    expect(succeeded?.event.data).toMatchObject({ operationContext: 'add-bob', participant: BOB.model });

    expect(() => addParticipant(call, { identity: BOB }, w.env())).toThrow(CallModelError);
    call = w.tick(w.take(removeParticipant(call, { rawId: ALICE.rawId }, w.env())));
    call = w.tick(w.take(removeParticipant(call, { rawId: BOB.rawId }, w.env())));
    expect(call.state).toBe('disconnected');
    expect(w.types().slice(-3)).toEqual(['RemoveParticipantSucceeded', 'ParticipantsUpdated', 'CallDisconnected']);
    const sequences = w.events
      .filter((o) => o.event.type.endsWith('ParticipantsUpdated'))
      .map((o) => o.event.data.sequenceNumber);
    expect(sequences).toEqual([1, 2, 3, 4]);
  });

  it('an unreachable invitee gives AddParticipantFailed and changes nothing', () => {
    const w = world({ ...DEFAULT_SETTINGS, unreachable: [BOB.rawId] });
    let call = connected(w);
    call = w.tick(w.take(addParticipant(call, { identity: BOB }, w.env()).transition));
    expect(w.types().at(-1)).toBe('AddParticipantFailed');
    expect(call.participants).toHaveLength(1);
  });

  it('removing someone who is not in the call is a 404', () => {
    const w = world();
    const call = connected(w);
    expect(() => removeParticipant(call, { rawId: BOB.rawId }, w.env())).toThrow(
      expect.objectContaining({ status: 404, code: 'ParticipantNotFound' }),
    );
  });

  it('transfer: transferring, then CallTransferAccepted and this connection disconnects', () => {
    const w = world();
    let call = connected(w);
    call = w.take(transferToParticipant(call, { target: PHONE, operationContext: 'xfer' }, w.env()));
    expect(call.state).toBe('transferring');
    call = w.tick(call);
    expect(call.state).toBe('disconnected');
    expect(w.types().slice(-2)).toEqual(['CallTransferAccepted', 'CallDisconnected']);
    expect(w.events.at(-2)?.event.data).toMatchObject({
      operationContext: 'xfer',
      transferTarget: PHONE.model,
      transferee: ALICE.model,
    });
  });

  it('transfer with two participants needs a transferee', () => {
    const w = world();
    const call = connected(w, [ALICE, BOB]);
    expect(() => transferToParticipant(call, { target: PHONE }, w.env())).toThrow(/name the participant to transfer/);
  });

  it('a participant who hangs up: ParticipantsUpdated, and CallDisconnected when nobody is left', () => {
    const w = world();
    let call = connected(w, [ALICE, BOB]);
    call = w.take(participantLeaves(call, BOB.rawId, w.env()));
    expect(call.state).toBe('connected');
    call = w.take(recognize(call, { spec: dtmf(), prompts: [], interrupt: false }, w.env()));
    call = w.take(participantLeaves(call, ALICE.rawId, w.env()));
    expect(call.state).toBe('disconnected');
    expect(w.types().slice(-3)).toEqual(['ParticipantsUpdated', 'ParticipantsUpdated', 'CallDisconnected']);
    expect(nextDueAt(call)).toBeUndefined();
    expect(() => participantLeaves(call, ALICE.rawId, w.env())).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('hang up and terminate both disconnect; the ended call is then the service 404 (8522)', () => {
    for (const forEveryone of [false, true]) {
      const w = world();
      const call = w.take(hangUp(connected(w), { forEveryone }, w.env()));
      expect(call.state).toBe('disconnected');
      expect(w.types().at(-1)).toBe('CallDisconnected');
      expect(() => hangUp(call, { forEveryone }, w.env())).toThrow(
        expect.objectContaining({ status: 404, code: '8522', message: 'Call not found.' }),
      );
    }
  });
});

describe('media', () => {
  const hello = [{ kind: 'text' as const, content: 'Hello' }];

  it('play: PlayStarted now, PlayCompleted after the simulated duration', () => {
    const w = world();
    let call = connected(w);
    call = w.take(
      play(call, { sources: hello, loop: false, playTo: [], interrupt: false, operationContext: 'hi' }, w.env()),
    );
    expect(w.types().at(-1)).toBe('PlayStarted');
    expect(nextDueAt(call)).toBe(w.now + DEFAULT_SETTINGS.playDurationInMs);
    call = w.tick(call);
    expect(w.types().at(-1)).toBe('PlayCompleted');
    expect(w.events.at(-1)?.event.data.operationContext).toBe('hi');
    expect(call.media).toEqual([]);
  });

  it('operations run in order: a recognize queued behind a play takes input supplied early', () => {
    const w = world();
    let call = connected(w);
    call = w.take(play(call, { sources: hello, loop: false, playTo: [], interrupt: false }, w.env()));
    call = w.take(recognize(call, { spec: dtmf(), prompts: [], interrupt: false, operationContext: 'menu' }, w.env()));
    call = w.take(supplyRecognizeInput(call, { kind: 'tones', tones: ['one', 'two', 'pound'] }, w.env()));
    expect(w.types().at(-1)).toBe('PlayStarted');
    call = w.tick(call);
    expect(w.types().slice(-2)).toEqual(['PlayCompleted', 'RecognizeCompleted']);
    expect(w.events.at(-1)?.event.data).toMatchObject({
      operationContext: 'menu',
      recognitionType: 'dtmf',
      dtmfResult: { tones: ['one', 'two'] },
      resultInformation: { code: 200, subCode: 8514 },
    });
    expect(call.media).toEqual([]);
  });

  it('recognize with a prompt listens after the prompt and times out as configured (RecognizeFailed 8510)', () => {
    const w = world();
    let call = connected(w);
    call = w.take(
      recognize(call, { spec: dtmf({ initialSilenceTimeoutInMs: 1000 }), prompts: hello, interrupt: false }, w.env()),
    );
    const start = w.now;
    call = w.tick(call); // prompt over
    expect(call.media[0]?.phase).toBe('listening');
    call = w.tick(call);
    expect(w.now).toBe(start + DEFAULT_SETTINGS.playDurationInMs + 1000);
    expect(w.types().at(-1)).toBe('RecognizeFailed');
    expect(w.events.at(-1)?.event.data.resultInformation).toMatchObject({ code: 400, subCode: 8510 });
  });

  it('max tones, inter-digit timeout, choices by tone, phrase and label, speech', () => {
    const cases: [RecognizeSpec, Parameters<typeof supplyRecognizeInput>[1], Record<string, unknown>][] = [
      [
        dtmf(),
        { kind: 'tones', tones: ['one', 'two', 'three', 'four'] },
        { dtmfResult: { tones: ['one', 'two', 'three'] } },
      ],
      [dtmf(), { kind: 'tones', tones: ['one'] }, { resultInformation: { subCode: 8532 } }],
      [
        dtmf({ inputType: 'choices', choices: [{ label: 'Sales', phrases: ['sales', 'buy'], tone: 'one' }] }),
        { kind: 'tones', tones: ['one'] },
        { recognitionType: 'choices', choiceResult: { label: 'Sales' } },
      ],
      [
        dtmf({ inputType: 'choices', choices: [{ label: 'Sales', phrases: ['sales', 'buy'] }] }),
        { kind: 'speech', speech: 'Buy.', confidence: 0.9 },
        { choiceResult: { label: 'Sales', recognizedPhrase: 'Buy.' } },
      ],
      [
        dtmf({ inputType: 'choices', choices: [{ label: 'Sales', phrases: ['sales'] }] }),
        { kind: 'choice', label: 'Sales' },
        { choiceResult: { label: 'Sales', recognizedPhrase: 'sales' } },
      ],
      [
        dtmf({ inputType: 'speech' }),
        { kind: 'speech', speech: 'I want a refund', confidence: 1 },
        { recognitionType: 'speech', speechResult: { speech: 'I want a refund' } },
      ],
    ];
    for (const [spec, input, expected] of cases) {
      const w = world();
      let call = connected(w);
      call = w.take(recognize(call, { spec, prompts: [], interrupt: false }, w.env()));
      w.take(supplyRecognizeInput(call, input, w.env()));
      expect(w.events.at(-1)?.event.data).toMatchObject(expected);
    }
  });

  it('input that cannot answer the recognize is refused with a message saying what to send', () => {
    const w = world();
    let call = connected(w);
    expect(() => supplyRecognizeInput(call, { kind: 'silence' }, w.env())).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringMatching(/startRecognizing/) }),
    );
    call = w.take(recognize(call, { spec: dtmf({ inputType: 'speech' }), prompts: [], interrupt: false }, w.env()));
    expect(() => supplyRecognizeInput(call, { kind: 'tones', tones: ['one'] }, w.env())).toThrow(
      /expects speech input/,
    );
  });

  it('cancelAllMediaOperations cancels the running and the queued operations; interrupt cancels the running one', () => {
    const w = world();
    let call = connected(w);
    call = w.take(play(call, { sources: hello, loop: true, playTo: [], interrupt: false }, w.env()));
    expect(nextDueAt(call)).toBeUndefined(); // a looping play never ends by itself
    call = w.take(
      play(call, { sources: hello, loop: false, playTo: [], interrupt: true, operationContext: 'urgent' }, w.env()),
    );
    expect(w.types().slice(-2)).toEqual(['PlayCanceled', 'PlayStarted']);
    call = w.take(recognize(call, { spec: dtmf(), prompts: [], interrupt: false }, w.env()));
    call = w.take(cancelAllMediaOperations(call, w.env()));
    expect(w.types().slice(-2)).toEqual(['PlayCanceled', 'RecognizeCanceled']);
    expect(call.media).toEqual([]);
    expect(nextDueAt(call)).toBeUndefined();
  });

  it('a hang-up drops pending media: no event after CallDisconnected', () => {
    const w = world();
    let call = connected(w);
    call = w.take(recognize(call, { spec: dtmf(), prompts: hello, interrupt: false }, w.env()));
    call = w.take(hangUp(call, { forEveryone: false }, w.env()));
    expect(nextDueAt(call)).toBeUndefined();
    w.now += 60_000;
    w.take(advance(call, w.env()));
    expect(w.types().at(-1)).toBe('CallDisconnected');
  });
});
