import type { Agent } from 'node:http';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/client.js';
import { type CrashTarget, crashRounds, signedJson as hmac } from '../../helpers/crash.js';

// Durability of the call model: the built CLI with --data is SIGKILLed while clients create calls,
// add participants, start plays, hang up, and raise and answer incoming calls. After each restart
// on the same file every acknowledged call is there (with its acknowledged participant invitation
// or the participant itself), every acknowledged hang-up holds, every answered incoming call is
// consumed and every raised one can still be answered.

const API = 'api-version=2026-03-12';
const OWNED = '+18005550100';

let callbacks: Server;
let callbackUri: string;
const created = new Set<string>();
const hungUp = new Set<string>();
/** call → raw id of a participant whose addParticipant was acknowledged */
const added = new Map<string, string>();
/** incoming contexts acknowledged as raised, and those acknowledged as answered */
const raised = new Set<string>();
const answered = new Set<string>();
let counter = 0;

beforeAll(async () => {
  callbacks = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
  callbackUri = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}/callback`;
});
afterAll(() => new Promise<void>((resolve) => callbacks.close(() => resolve())));

const loopback = (target: CrashTarget, agent: Agent, method: string, path: string, body?: unknown) =>
  send(
    target.endpoint,
    {
      method,
      target: path,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    },
    { agent },
  );

/** Incoming calls whose answer was sent (acknowledged or not). */
const answering = new Set<string>();

const user = (n: number) => ({ kind: 'communicationUser', communicationUser: { id: `8:acs:crash_${n}` } });

async function load(target: CrashTarget, agent: Agent, stopped: () => boolean): Promise<void> {
  const n = ++counter;
  if (n % 4 === 0) {
    const incoming = await loopback(target, agent, 'POST', '/emulator/calls/incoming', {
      from: `8:acs:caller_${n}`,
      to: `4:${OWNED}`,
    });
    if (incoming.status !== 201) return;
    const context = (incoming.json as { incomingCallContext: string }).incomingCallContext;
    raised.add(context);
    if (stopped() || n % 8 === 0) return;
    answering.add(context); // from here on, a kill may cut the answer after it was applied
    const reply = await hmac(target, agent, 'POST', `/calling/callConnections:answer?${API}`, {
      incomingCallContext: context,
      callbackUri,
    });
    if (reply.status === 200) {
      answered.add(context);
      created.add((reply.json as { callConnectionId: string }).callConnectionId);
    }
    return;
  }
  const reply = await hmac(target, agent, 'POST', `/calling/callConnections?${API}`, {
    targets: [user(n)],
    callbackUri,
  });
  if (reply.status !== 201) return;
  const id = (reply.json as { callConnectionId: string }).callConnectionId;
  created.add(id);
  // Mid-call actions need CallConnected (connectDelayInMs 30 below).
  for (let attempt = 0; attempt < 50 && !stopped(); attempt++) {
    const properties = await hmac(target, agent, 'GET', `/calling/callConnections/${id}?${API}`);
    if ((properties.json as { callConnectionState?: string }).callConnectionState === 'connected') break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (stopped()) return;
  const participant = `8:acs:crash_${n}_guest`;
  const add = await hmac(target, agent, 'POST', `/calling/callConnections/${id}/participants:add?${API}`, {
    participantToAdd: { communicationUser: { id: participant } },
  });
  if (add.status === 202) added.set(id, participant);
  if (stopped()) return;
  await hmac(target, agent, 'POST', `/calling/callConnections/${id}:play?${API}`, {
    playSources: [{ kind: 'text', text: { text: 'hello' } }],
  });
  if (n % 3 === 0 && !stopped()) {
    const hang = await hmac(target, agent, 'DELETE', `/calling/callConnections/${id}?${API}`);
    if (hang.status === 204) hungUp.add(id);
  }
}

async function verify(target: CrashTarget, agent: Agent): Promise<void> {
  // The settings are state too: they must survive as well.
  const settings = await loopback(target, agent, 'GET', '/emulator/calls/settings');
  expect(settings.json).toMatchObject({ connectDelayInMs: 30, ringDelayInMs: 0 });
  for (const id of created) {
    const details = await loopback(target, agent, 'GET', `/emulator/calls/${id}`);
    expect(details.status, id).toBe(200);
    const call = details.json as {
      callConnectionState: string;
      participants: string[];
      invitations: { participant: string }[];
    };
    if (hungUp.has(id)) expect(call.callConnectionState, id).toBe('disconnected');
    const guest = added.get(id);
    if (guest !== undefined && !hungUp.has(id) && call.callConnectionState !== 'disconnected') {
      const known = [...call.participants, ...call.invitations.map((i) => i.participant)];
      expect(known, `acknowledged participant of ${id}`).toContain(guest);
    }
  }
  for (const context of raised) {
    const reply = await hmac(target, agent, 'POST', `/calling/callConnections:answer?${API}`, {
      incomingCallContext: context,
      callbackUri,
    });
    if (answered.has(context)) expect(reply.status, 'an answered incoming call is consumed').toBe(400);
    else if (reply.status === 200) {
      answered.add(context);
      created.add((reply.json as { callConnectionId: string }).callConnectionId);
    } else if (answering.has(context)) {
      // The answer was sent but its reply was cut by the kill: it may have been applied.
      expect(reply.status, 'an incoming call answered mid-kill').toBe(400);
      answered.add(context);
    } else expect(reply.status, 'a raised incoming call can be answered after the restart').toBe(200);
  }
}

describe('call-automation --data durability', () => {
  it('keeps every acknowledged call, participant, hang-up and answer across SIGKILL under mixed load', async () => {
    let roundStart = 0;
    await crashRounds({
      rounds: 3,
      workers: 8,
      load,
      enough: () => created.size >= roundStart + 40 + Math.floor(Math.random() * 40),
      async verify(target, round) {
        const { Agent } = await import('node:http');
        const agent = new Agent({ keepAlive: true });
        try {
          if (round === 0) {
            const set = await loopback(target, agent, 'PATCH', '/emulator/calls/settings', {
              connectDelayInMs: 30,
              ringDelayInMs: 0,
            });
            expect(set.status).toBe(200);
          }
          await verify(target, agent);
        } finally {
          agent.destroy();
        }
        roundStart = created.size;
      },
    });
    expect(created.size).toBeGreaterThanOrEqual(120);
    expect(hungUp.size).toBeGreaterThan(0);
    expect(added.size).toBeGreaterThan(0);
    expect(answered.size).toBeGreaterThan(0);
  }, 180_000);
});
