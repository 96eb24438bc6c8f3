import type { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../helpers/client.js';
import { type CrashTarget, crashRounds, signedJson as hmac } from '../../helpers/crash.js';
import { type Receiver, startReceiver } from './receiver.js';

// Durability of the messaging collections: the built CLI with --data is SIGKILLed at random
// moments while clients send SMS (with delivery reports), inject inbound SMS, send email and
// WhatsApp notifications, with an Event Grid subscription taking the events. After each restart
// on the same file, every acknowledged message is in its outbox or inbox, every acknowledged email
// operation answers (and completes), and the option subscription is still there.

const SMS = 'api-version=2021-03-07';
const EMAIL = 'api-version=2025-09-01';
const MESSAGES = 'api-version=2024-08-30';
const CHANNEL = '0f0eb78e-a576-1dfc-b414-0f0756de3338';

const smsSent = new Set<string>();
const smsReceived = new Set<string>();
const emails = new Set<string>();
const notifications = new Set<string>();
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(() => receiver?.close());

const plain = (target: CrashTarget, agent: Agent | undefined, method: string, path: string, body?: unknown) =>
  send(
    target.endpoint,
    {
      method,
      target: path,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    agent === undefined ? {} : { agent },
  );

async function load(target: CrashTarget, agent: Agent): Promise<void> {
  const roll = Math.random();
  if (roll < 0.3) {
    const response = await hmac(target, agent, 'POST', `/sms?${SMS}`, {
      from: '+18005550100',
      smsRecipients: [{ to: '+14255550123' }, { to: '+14255550124' }],
      message: 'crash test',
      smsSendOptions: { enableDeliveryReport: true },
    });
    if (response.status === 202) {
      for (const item of (response.json as { value: { messageId: string }[] }).value) smsSent.add(item.messageId);
    }
  } else if (roll < 0.5) {
    const response = await plain(target, agent, 'POST', '/emulator/sms/inbound', {
      from: '+14255550123',
      message: 'in',
    });
    if (response.status === 202) smsReceived.add((response.json as { messageId: string }).messageId);
  } else if (roll < 0.75) {
    const response = await hmac(target, agent, 'POST', `/emails:send?${EMAIL}`, {
      senderAddress: 'DoNotReply@contoso.com',
      content: { subject: 'crash', plainText: 'test' },
      recipients: { to: [{ address: 'ada@example.com' }] },
    });
    if (response.status === 202) emails.add((response.json as { id: string }).id);
  } else {
    const response = await hmac(target, agent, 'POST', `/messages/notifications:send?${MESSAGES}`, {
      channelRegistrationId: CHANNEL,
      to: ['14255550123'],
      kind: 'text',
      content: 'crash',
    });
    if (response.status === 202) {
      for (const receipt of (response.json as { receipts: { messageId: string }[] }).receipts) {
        notifications.add(receipt.messageId);
      }
    }
  }
}

async function verify(target: CrashTarget, final: boolean): Promise<void> {
  const sms = (await plain(target, undefined, 'GET', '/emulator/sms/messages')).json as {
    outbox: { messageId: string }[];
    inbox: { messageId: string }[];
  };
  const outbox = new Set(sms.outbox.map((entry) => entry.messageId));
  const inbox = new Set(sms.inbox.map((entry) => entry.messageId));
  for (const id of smsSent) expect(outbox.has(id), id).toBe(true);
  for (const id of smsReceived) expect(inbox.has(id), id).toBe(true);
  const mail = (await plain(target, undefined, 'GET', '/emulator/email/messages')).json as { value: { id: string }[] };
  const mailIds = new Set(mail.value.map((entry) => entry.id));
  for (const id of emails) expect(mailIds.has(id), id).toBe(true);
  const sample = [...emails].slice(-10);
  for (const id of sample) {
    const status = await hmac(target, undefined, 'GET', `/emails/operations/${id}?${EMAIL}`);
    expect(status.status, id).toBe(200);
    expect((status.json as { status: string }).status).toBe('Succeeded');
  }
  const sent = (await plain(target, undefined, 'GET', '/emulator/messages/outbox')).json as {
    value: { messageId: string }[];
  };
  const sentIds = new Set(sent.value.map((entry) => entry.messageId));
  for (const id of notifications) expect(sentIds.has(id), id).toBe(true);
  const subscriptions = (await plain(target, undefined, 'GET', '/emulator/events/subscriptions')).json as {
    value: { origin: string }[];
  };
  expect(subscriptions.value.map((entry) => entry.origin)).toEqual(['option']);
  if (final) {
    // Deliveries left pending by the kills go out after the restart: the queue drains, nothing is dead.
    for (;;) {
      const pending = (await plain(target, undefined, 'GET', '/emulator/events/pending')).json as { value: unknown[] };
      if (pending.value.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const letters = (await plain(target, undefined, 'GET', '/emulator/events/dead-letters')).json as {
      value: unknown[];
    };
    expect(letters.value).toEqual([]);
  }
}

describe('--data durability of SMS, email, messages and events', () => {
  it('keeps every acknowledged message across SIGKILL under mixed load', async () => {
    let roundStart = 0;
    const total = () => smsSent.size + smsReceived.size + emails.size + notifications.size;
    const rounds = 3;
    await crashRounds({
      rounds,
      workers: 8,
      args: ['--email-domain', 'contoso.com', '--event-subscription', receiver.url, '--delivery-retry-delay', '5'],
      load,
      enough: () => total() >= roundStart + 60 + Math.floor(Math.random() * 60),
      async verify(target, round) {
        await verify(target, round === rounds);
        roundStart = total();
      },
    });
    expect(total()).toBeGreaterThanOrEqual(180);
    expect(receiver.notifications().length).toBeGreaterThan(0);
  }, 180_000);
});
