import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { signed } from '../../helpers/client.js';
import { startTestEmulator } from '../../helpers/emulator.js';

// Bad input gets a 400 that names what is wrong (the JSON path) and, where it helps, how to fix
// it — never a 5xx.

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());

const API = 'api-version=2026-03-12';
const CALLBACK = 'https://127.0.0.1:9/cb';

async function loopback(path: string, body: unknown) {
  const response = await fetch(`${emulator.endpoint}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { error: { code: string; message: string } } };
}

async function connectedCall(): Promise<string> {
  const created = await signed(emulator, 'POST', `/calling/callConnections?${API}`, {
    targets: [{ communicationUser: { id: '8:acs:bad_input_user' } }],
    callbackUri: CALLBACK,
  });
  const id = (created.json as { callConnectionId: string }).callConnectionId;
  for (let attempt = 0; attempt < 400; attempt++) {
    const call = await signed(emulator, 'GET', `/calling/callConnections/${id}?${API}`);
    if ((call.json as { callConnectionState: string }).callConnectionState === 'connected') return id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the call never connected');
}

describe('Call Automation bad input', () => {
  it.each([
    [{}, 'targets'],
    [{ targets: [], callbackUri: CALLBACK }, 'targets'],
    [{ targets: [{ phoneNumber: { value: '4255550123' } }], callbackUri: CALLBACK }, 'targets[0].phoneNumber.value'],
    [{ targets: [{ kind: 'robot', rawId: 'x' }], callbackUri: CALLBACK }, 'targets[0].kind'],
    [{ targets: [{ communicationUser: { id: '8:acs:x' } }], callbackUri: 'not a url' }, 'callbackUri'],
    [{ targets: [{ communicationUser: { id: '8:acs:x' } }], callbackUri: 'ftp://127.0.0.1/cb' }, 'callbackUri'],
  ])('createCall %j → 400 naming %s', async (body, path) => {
    const response = await signed(emulator, 'POST', `/calling/callConnections?${API}`, body);
    expect(response.status).toBe(400);
    expect((response.json as { error: { message: string } }).error.message).toContain(path);
  });

  it('a caller id the resource does not own, and a recognize with an unknown input type', async () => {
    const notOwned = await signed(emulator, 'POST', `/calling/callConnections?${API}`, {
      targets: [{ phoneNumber: { value: '+14255550123' } }],
      sourceCallerIdNumber: { value: '+14255550100' },
      callbackUri: CALLBACK,
    });
    expect(notOwned.status).toBe(400);
    expect(notOwned.json).toMatchObject({ error: { code: 'InvalidSourceCallerIdNumber' } });
    expect((notOwned.json as { error: { message: string } }).error.message).toMatch(/--phone-number/);

    const id = await connectedCall();
    const recognize = await signed(emulator, 'POST', `/calling/callConnections/${id}:recognize?${API}`, {
      recognizeInputType: 'morse',
      recognizeOptions: { targetParticipant: { communicationUser: { id: '8:acs:bad_input_user' } } },
    });
    expect(recognize.status).toBe(400);
    expect((recognize.json as { error: { message: string } }).error.message).toContain('recognizeInputType');
  });

  it('the test routes: an unknown DTMF digit, two inputs at once, an unknown call', async () => {
    const id = await connectedCall();
    await signed(emulator, 'POST', `/calling/callConnections/${id}:recognize?${API}`, {
      recognizeInputType: 'dtmf',
      recognizeOptions: { targetParticipant: { communicationUser: { id: '8:acs:bad_input_user' } } },
    });
    const digit = await loopback(`emulator/calls/${id}/recognize`, { tones: '12X' });
    expect(digit.status).toBe(400);
    expect(digit.json.error.message).toMatch(/tones\[2\].*not a DTMF digit/);
    const two = await loopback(`emulator/calls/${id}/recognize`, { tones: '1', speech: 'one' });
    expect(two.status).toBe(400);
    expect(two.json.error.message).toMatch(/exactly one of/);
    const speech = await loopback(`emulator/calls/${id}/recognize`, { speech: 'one' });
    expect(speech.status).toBe(400);
    expect(speech.json.error).toMatchObject({ code: 'InputNotAccepted' });
    const unknown = await loopback('emulator/calls/no-such-call/recognize', { tones: '1' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: '8522' });
    const settings = await fetch(`${emulator.endpoint}emulator/calls/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connectDelay: 5 }),
    });
    expect(settings.status).toBe(400);
    expect(await settings.text()).toContain('connectDelay');
  });
});
