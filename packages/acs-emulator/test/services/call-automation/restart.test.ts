import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../helpers/emulator.js';

// The simulation's timers are state: a call still connecting when the emulator stops connects
// after it starts again on the same --data file (its wake-up time was stored with it).

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'acs-emulator-calls-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

const json = (response: Response) => response.json() as Promise<Record<string, unknown>>;

describe('Call Automation timers across a restart', () => {
  it('a call created before a restart connects after it', async () => {
    const dataFile = join(directory, 'state.json');
    const first = await startTestEmulator({ dataFile });
    await fetch(`${first.endpoint}emulator/calls/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connectDelayInMs: 1500 }),
    });
    const { CallAutomationClient } = await import('@azure/communication-call-automation');
    const client = new CallAutomationClient(first.connectionString);
    const { callConnectionProperties } = await client.createCall(
      { targetParticipant: { communicationUserId: '8:acs:restart_alice' } },
      'https://127.0.0.1:9/callback',
    );
    const id = callConnectionProperties.callConnectionId as string;
    await first.close();

    const second = await startTestEmulator({ dataFile });
    try {
      let state = '';
      for (let attempt = 0; attempt < 400 && state !== 'connected'; attempt++) {
        state = (await json(await fetch(`${second.endpoint}emulator/calls/${id}`))).callConnectionState as string;
        if (state !== 'connected') await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(state).toBe('connected');
      const details = await json(await fetch(`${second.endpoint}emulator/calls/${id}`));
      expect((details.callbacks as { event: { type: string } }[]).map((c) => c.event.type)).toEqual([
        'Microsoft.Communication.CallConnected',
        'Microsoft.Communication.ParticipantsUpdated',
      ]);
    } finally {
      await second.close();
    }
  });
});
