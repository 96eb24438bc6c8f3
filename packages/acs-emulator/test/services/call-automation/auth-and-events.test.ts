import { CallAutomationClient } from '@azure/communication-call-automation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { hmacHeaders, send, signed } from '../../helpers/client.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';

// In-process emulator (its certificate trusted by the test workers): the official client with
// Entra RBAC, the refusals of the auth and api-version layers, the IncomingCall event on the
// resource's event bus, and the --callback-host allowance.

let emulator: RunningEmulator;
const events: { type: string; subject: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ callbackHosts: ['bot.contoso.test'] });
  emulator.host.events.on((event) => events.push(event as (typeof events)[0]));
});
afterAll(() => emulator?.close());

const user = { communicationUserId: '8:acs:test_alice' };

describe('Call Automation auth, api-versions and events', () => {
  it('accepts Entra RBAC (an emulator-minted token for https://communication.azure.com/.default)', async () => {
    const client = new CallAutomationClient(emulator.endpoint, entraCredential(emulator));
    const { callConnectionProperties } = await client.createCall(
      { targetParticipant: user },
      'https://127.0.0.1:9/callback',
    );
    expect(callConnectionProperties.callConnectionState).toBe('connecting');
  });

  it('refuses a wrong HMAC key and an unknown api-version in the service error shape', async () => {
    const wrong = new CallAutomationClient(
      `endpoint=${emulator.endpoint};accesskey=${Buffer.from('not the key').toString('base64')}`,
    );
    await expect(wrong.getCallConnection('x').getCallConnectionProperties()).rejects.toMatchObject({ statusCode: 401 });
    const response = await signed(emulator, 'GET', '/calling/callConnections/x?api-version=2019-01-01');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'UnsupportedApiVersion' } });
  });

  it('a callback host named with --callback-host is accepted; others are refused with how to allow them', async () => {
    const client = new CallAutomationClient(emulator.connectionString);
    await expect(client.createCall({ targetParticipant: user }, 'https://bot.contoso.test/cb')).resolves.toBeDefined();
    await expect(client.createCall({ targetParticipant: user }, 'https://elsewhere.example/cb')).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidCallbackUri',
      message: expect.stringContaining('--callback-host elsewhere.example'),
    });
  });

  it('POST /emulator/calls/incoming publishes Microsoft.Communication.IncomingCall with the incomingCallContext', async () => {
    const response = await fetch(`${emulator.endpoint}emulator/calls/incoming`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '4:+14255550111', to: '4:+18005550100', callerDisplayName: 'Caller' }),
    });
    expect(response.status).toBe(201);
    const raised = (await response.json()) as {
      incomingCallContext: string;
      serverCallId: string;
      correlationId: string;
    };
    const event = events.find((e) => e.type === 'Microsoft.Communication.IncomingCall');
    expect(event).toMatchObject({
      subject: '/caller/4:+14255550111/recipient/4:+18005550100',
      data: {
        from: { kind: 'phoneNumber', rawId: '4:+14255550111', phoneNumber: { value: '+14255550111' } },
        to: { kind: 'phoneNumber', rawId: '4:+18005550100', phoneNumber: { value: '+18005550100' } },
        callerDisplayName: 'Caller',
        incomingCallContext: raised.incomingCallContext,
        serverCallId: raised.serverCallId,
        correlationId: raised.correlationId,
      },
    });
    const unknownRecipient = await fetch(`${emulator.endpoint}emulator/calls/incoming`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '4:+14255550111', to: '4:+14255550999' }),
    });
    expect(unknownRecipient.status).toBe(400);
    expect(await unknownRecipient.json()).toMatchObject({ error: { code: 'UnknownRecipient' } });
  });

  it('rejectCall and redirectCall end a ringing call: its context cannot be answered afterwards', async () => {
    const client = new CallAutomationClient(emulator.connectionString);
    for (const end of [
      (context: string) => client.rejectCall(context),
      (context: string) => client.redirectCall(context, { targetParticipant: user }),
    ]) {
      const response = await fetch(`${emulator.endpoint}emulator/calls/incoming`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '8:acs:test_caller', to: '8:acs:test_bot' }),
      });
      const { incomingCallContext } = (await response.json()) as { incomingCallContext: string };
      await end(incomingCallContext);
      await expect(client.answerCall(incomingCallContext, 'https://127.0.0.1:9/cb')).rejects.toMatchObject({
        statusCode: 400,
        code: 'InvalidIncomingCallContext',
      });
    }
  });

  it('a request repeated with the same Repeatability-Request-ID gets the first answer and changes nothing', async () => {
    const repeat = async (target: string, body: unknown, requestId: string) => {
      const text = JSON.stringify(body);
      const response = await send(emulator.endpoint, {
        method: 'POST',
        target,
        headers: {
          ...hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'POST', target, body: text }),
          'content-type': 'application/json',
          'repeatability-request-id': requestId,
          'repeatability-first-sent': new Date().toUTCString(),
        },
        body: text,
      });
      return response;
    };
    const before = ((await (await fetch(`${emulator.endpoint}emulator/calls`)).json()) as { value: unknown[] }).value
      .length;
    const body = {
      targets: [{ communicationUser: { id: '8:acs:test_repeat' } }],
      callbackUri: 'https://127.0.0.1:9/cb',
    };
    const first = await repeat('/calling/callConnections?api-version=2026-03-12', body, crypto.randomUUID());
    const id = crypto.randomUUID();
    const once = await repeat('/calling/callConnections?api-version=2026-03-12', body, id);
    const again = await repeat('/calling/callConnections?api-version=2026-03-12', body, id);
    expect([first.status, once.status, again.status]).toEqual([201, 201, 201]);
    expect(again.json).toEqual(once.json);
    expect(again.headers['repeatability-result']).toBe('accepted');
    expect((first.json as { callConnectionId: string }).callConnectionId).not.toBe(
      (once.json as { callConnectionId: string }).callConnectionId,
    );
    const after = ((await (await fetch(`${emulator.endpoint}emulator/calls`)).json()) as { value: unknown[] }).value
      .length;
    expect(after - before).toBe(2);

    // A retried answerCall after a lost reply: the same call, not "already answered".
    const raised = (await (
      await fetch(`${emulator.endpoint}emulator/calls/incoming`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '8:acs:test_caller', to: '8:acs:test_bot' }),
      })
    ).json()) as { incomingCallContext: string };
    const answer = { incomingCallContext: raised.incomingCallContext, callbackUri: 'https://127.0.0.1:9/cb' };
    const answerId = crypto.randomUUID();
    const answered = await repeat('/calling/callConnections:answer?api-version=2026-03-12', answer, answerId);
    const retried = await repeat('/calling/callConnections:answer?api-version=2026-03-12', answer, answerId);
    expect([answered.status, retried.status]).toEqual([200, 200]);
    expect(retried.json).toEqual(answered.json);
    const fresh = await repeat('/calling/callConnections:answer?api-version=2026-03-12', answer, crypto.randomUUID());
    expect(fresh.status).toBe(400);
  });

  it('POST /emulator/calls/{id}/leave: the caller hangs up, the call connection ends (then 404)', async () => {
    const client = new CallAutomationClient(emulator.connectionString);
    const raised = (await (
      await fetch(`${emulator.endpoint}emulator/calls/incoming`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '8:acs:test_leaver', to: '8:acs:test_bot' }),
      })
    ).json()) as { incomingCallContext: string };
    const { callConnection, callConnectionProperties } = await client.answerCall(
      raised.incomingCallContext,
      'https://127.0.0.1:9/cb',
    );
    const id = callConnectionProperties.callConnectionId as string;
    let state = 'connecting';
    for (let attempt = 0; attempt < 400 && state !== 'connected'; attempt++) {
      state = (await callConnection.getCallConnectionProperties()).callConnectionState as string;
      if (state !== 'connected') await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const left = await fetch(`${emulator.endpoint}emulator/calls/${id}/leave`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ participant: '8:acs:test_leaver' }),
    });
    expect(await left.json()).toEqual({ callConnectionState: 'disconnected' });
    await expect(callConnection.getCallConnectionProperties()).rejects.toMatchObject({ statusCode: 404, code: '8522' });
  });
});
