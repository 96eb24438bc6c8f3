import { CallAutomationClient } from '@azure/communication-call-automation';
import { RoomsClient } from '@azure/communication-rooms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { startTestEmulator } from '../../helpers/emulator.js';

// Participant controls through the official client (in-process): mute, hold / unhold and
// sendDtmfTones, observed through the callbacks the emulator recorded for the call.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());

interface Details {
  callConnectionState: string;
  callbacks: { event: { type: string; data: Record<string, unknown> } }[];
}
const details = async (id: string) =>
  (await (await fetch(`${emulator.endpoint}emulator/calls/${id}`)).json()) as Details;

async function until(id: string, done: (call: Details) => boolean): Promise<Details> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const call = await details(id);
    if (done(call)) return call;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`call ${id} never reached the expected state`);
}

describe('Call Automation participant controls', () => {
  it('mute, hold, unhold show in ParticipantsUpdated; sendDtmfTones completes', async () => {
    const client = new CallAutomationClient(emulator.connectionString);
    const caller = { communicationUserId: '8:acs:controls_caller' };
    const { callConnection, callConnectionProperties } = await client.createCall(
      { targetParticipant: caller },
      'https://127.0.0.1:9/cb',
    );
    const id = callConnectionProperties.callConnectionId as string;
    await until(id, (call) => call.callConnectionState === 'connected');

    expect(await callConnection.muteParticipant(caller, { operationContext: 'mute' })).toMatchObject({
      operationContext: 'mute',
    });
    expect((await callConnection.getParticipant(caller)).isMuted).toBe(true);
    await callConnection.getCallMedia().hold(caller);
    expect((await callConnection.getParticipant(caller)).isOnHold).toBe(true);
    await callConnection.getCallMedia().unhold(caller);
    expect((await callConnection.getParticipant(caller)).isOnHold).toBe(false);
    await callConnection.getCallMedia().sendDtmfTones(['one', 'pound'], caller, { operationContext: 'dtmf' });

    const call = await until(id, (c) => c.callbacks.some((cb) => cb.event.type.endsWith('SendDtmfTonesCompleted')));
    const updates = call.callbacks
      .filter((cb) => cb.event.type.endsWith('ParticipantsUpdated'))
      .map((cb) => (cb.event.data.participants as { isMuted: boolean; isOnHold: boolean }[])[0]);
    expect(updates).toEqual([
      expect.objectContaining({ isMuted: false, isOnHold: false }),
      expect.objectContaining({ isMuted: true, isOnHold: false }),
      expect.objectContaining({ isMuted: true, isOnHold: true }),
      expect.objectContaining({ isMuted: true, isOnHold: false }),
    ]);
    expect(call.callbacks.at(-1)?.event.data).toMatchObject({ operationContext: 'dtmf', callConnectionId: id });

    await expect(callConnection.muteParticipant({ communicationUserId: '8:acs:nobody' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'ParticipantNotFound',
    });
  });

  it('connectCall joins one of the emulator calls (same serverCallId and participants), a room, a group call', async () => {
    const client = new CallAutomationClient(emulator.connectionString);
    const caller = { communicationUserId: '8:acs:connect_caller' };
    const first = await client.createCall({ targetParticipant: caller }, 'https://127.0.0.1:9/cb');
    const firstId = first.callConnectionProperties.callConnectionId as string;
    await until(firstId, (call) => call.callConnectionState === 'connected');

    const joined = await client.connectCall(
      { kind: 'serverCallLocator', id: first.callConnectionProperties.serverCallId as string },
      'https://127.0.0.1:9/supervisor',
    );
    expect(joined.callConnectionProperties).toMatchObject({
      serverCallId: first.callConnectionProperties.serverCallId,
      correlationId: first.callConnectionProperties.correlationId,
    });
    const joinedId = joined.callConnectionProperties.callConnectionId as string;
    expect(joinedId).not.toBe(firstId);
    await until(joinedId, (call) => call.callConnectionState === 'connected');
    expect(((await joined.callConnection.listParticipants()).values ?? []).map((p) => p.identifier)).toEqual([
      expect.objectContaining(caller),
    ]);

    const room = await new RoomsClient(emulator.connectionString).createRoom();
    const inRoom = await client.connectCall({ kind: 'roomCallLocator', id: room.id }, 'https://127.0.0.1:9/room');
    await until(
      inRoom.callConnectionProperties.callConnectionId as string,
      (c) => c.callConnectionState === 'connected',
    );
    const group = await client.connectCall(
      { kind: 'groupCallLocator', id: crypto.randomUUID() },
      'https://127.0.0.1:9/g',
    );
    expect(group.callConnectionProperties.callConnectionState).toBe('connecting');

    await expect(
      client.connectCall({ kind: 'roomCallLocator', id: '99999999999999999' }, 'https://127.0.0.1:9/room'),
    ).rejects.toMatchObject({ statusCode: 404, code: 'RoomNotFound' });
    await expect(
      client.connectCall({ kind: 'serverCallLocator', id: 'no-such-server-call' }, 'https://127.0.0.1:9/x'),
    ).rejects.toMatchObject({ statusCode: 404, code: '8522' });
  });
});
