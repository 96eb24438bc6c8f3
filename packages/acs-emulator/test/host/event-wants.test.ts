import { createHmacHeaders } from 'acs-common/signing';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/host/events.js';
import type { RunningEmulator } from '../../src/index.js';
import { startTestEmulator } from '../helpers/emulator.js';
import { startReceiver } from '../services/events/receiver.js';

// Events nobody takes are not built: the bus answers `wants(type)` from its listeners' and
// recorders' filters, a context drops an unwanted event, and chat skips building message events.

const RECEIVED = 'Microsoft.Communication.ChatMessageReceived';
const SMS = 'Microsoft.Communication.SMSReceived';

describe('EventBus.wants', () => {
  it('is true for a type some listener or recorder takes, and only for those', () => {
    const bus = new EventBus('r', () => {});
    expect(bus.wants(RECEIVED)).toBe(false);
    const seen: string[] = [];
    const stopListener = bus.on(
      (event) => seen.push(event.type),
      (type) => type === RECEIVED,
    );
    expect(bus.wants(RECEIVED)).toBe(true);
    expect(bus.wants(SMS)).toBe(false);
    bus.publish(bus.complete({ type: SMS, subject: 's', data: {} }, 0));
    bus.publish(bus.complete({ type: RECEIVED, subject: 's', data: {} }, 0));
    expect(seen).toEqual([RECEIVED]);
    stopListener();
    const stopAll = bus.on(() => {});
    expect(bus.wants(SMS)).toBe(true);
    stopAll();
    const stopRecorder = bus.record(
      'events',
      () => {},
      (type) => type === SMS,
    );
    expect([bus.wants(SMS), bus.wants(RECEIVED)]).toEqual([true, false]);
    stopRecorder();
    expect(bus.wants(SMS)).toBe(false);
  });
});

describe('events on a resource', () => {
  it('builds no chat event without a subscription, and delivers only the subscribed type with one', async () => {
    const receiver = await startReceiver();
    const plain = await startTestEmulator();
    const subscribed = await startTestEmulator({ eventSubscriptions: [`${receiver.url},types=ChatMessageReceived`] });
    try {
      expect(plain.host.events.wants(RECEIVED)).toBe(false);
      expect(subscribed.host.events.wants(RECEIVED)).toBe(true);
      expect(subscribed.host.events.wants(`${RECEIVED}InThread`)).toBe(false);
      expect(subscribed.host.events.wants(SMS)).toBe(false);
      for (const emulator of [plain, subscribed]) await sendOneMessage(emulator);
      const delivered = await receiver.until((notifications) => notifications.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // nothing else arrives
      const types = receiver.notifications().flatMap((request) => {
        const body = JSON.parse(request.body) as Array<{ eventType: string }>;
        return body.map((event) => event.eventType);
      });
      expect(delivered.length).toBeGreaterThanOrEqual(1);
      expect(types).toEqual([RECEIVED]);
      expect(plain.host.store.read('events.pending').size).toBe(0);
    } finally {
      await plain.close();
      await subscribed.close();
      await receiver.close();
    }
  });
});

async function sendOneMessage(emulator: RunningEmulator): Promise<void> {
  const [sender, recipient] = (await Promise.all([0, 1].map(() => newChatUser(emulator)))) as [ChatUser, ChatUser];
  const bearer = { authorization: `Bearer ${sender.accessToken.token}`, 'content-type': 'application/json' };
  const thread = await fetch(`${emulator.endpoint}chat/threads?api-version=2025-03-15`, {
    method: 'POST',
    headers: bearer,
    body: JSON.stringify({
      topic: 't',
      participants: [{ communicationIdentifier: { communicationUser: { id: recipient.identity.id } } }],
    }),
  });
  const { chatThread } = (await thread.json()) as { chatThread: { id: string } };
  const sent = await fetch(
    `${emulator.endpoint}chat/threads/${encodeURIComponent(chatThread.id)}/messages?api-version=2025-03-15`,
    { method: 'POST', headers: bearer, body: JSON.stringify({ content: 'hi' }) },
  );
  expect(sent.status).toBe(201);
}

interface ChatUser {
  identity: { id: string };
  accessToken: { token: string };
}

async function newChatUser(emulator: RunningEmulator): Promise<ChatUser> {
  const url = new URL('/identities?api-version=2023-10-01', emulator.endpoint);
  const body = JSON.stringify({ createTokenWithScopes: ['chat'] });
  const headers = await createHmacHeaders({ method: 'POST', url, body, key: emulator.accessKey });
  const answer = await fetch(url, {
    method: 'POST',
    body,
    headers: { ...headers, 'content-type': 'application/json' },
  });
  return (await answer.json()) as ChatUser;
}
