import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureCommunicationTokenCredential, AzureKeyCredential } from 'acs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon } from '../rooms/acs-common-loader.js';
import { type Received, type Receiver, startReceiver } from './receiver.js';

// Event Grid deliveries to webhook receivers on loopback: the validation handshakes, both
// envelopes, retries, dead letters, and a hanging receiver that must not slow the emulator. The
// events come from the official clients (on acs-common, in-process) and the emulator's routes.

onAcsCommon();
const { ChatClient } = await import('@azure/communication-chat');
const { EmailClient } = await import('@azure/communication-email');
const { CommunicationIdentityClient } = await import('@azure/communication-identity');
const { SmsClient } = await import('@azure/communication-sms');

const TYPES = {
  inbound: 'Microsoft.Communication.SMSReceived',
  smsReport: 'Microsoft.Communication.SMSDeliveryReportReceived',
  emailReport: 'Microsoft.Communication.EmailDeliveryReportReceived',
  chat: 'Microsoft.Communication.ChatMessageReceived',
} as const;

const receivers: Receiver[] = [];
const emulators: RunningEmulator[] = [];

async function receiver(behaviour: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const started = await startReceiver(behaviour);
  receivers.push(started);
  return started;
}

async function emulatorWith(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<RunningEmulator> {
  const started = await startTestEmulator({ deliveryRetryDelayInMs: 5, ...options });
  emulators.push(started);
  return started;
}

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  await Promise.all(receivers.map((started) => started.close()));
});

async function loopback(emulator: RunningEmulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.endpoint}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
}

const subscribe = (emulator: RunningEmulator, body: Record<string, unknown>) =>
  loopback(emulator, 'POST', 'emulator/events/subscriptions', body);

const inboundSms = (emulator: RunningEmulator, message = 'hello') =>
  loopback(emulator, 'POST', 'emulator/sms/inbound', { from: '+14255550123', message });

/** Waits (without a deadline of its own: the test timeout is the bound) until `check` holds. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const gridEvents = (notifications: Received[]) =>
  notifications.flatMap((request) => JSON.parse(request.body) as Array<Record<string, unknown>>);
const cloudEvents = (notifications: Received[]) =>
  notifications.map((request) => JSON.parse(request.body) as Record<string, unknown>);
const typesOf = (events: Array<Record<string, unknown>>, member: string) =>
  new Set(events.map((event) => event[member]));

describe('events of SMS, email and chat reach Event Grid and CloudEvents receivers', () => {
  let emulator: RunningEmulator;
  let grid: Receiver;
  let cloud: Receiver;

  beforeAll(async () => {
    emulator = await emulatorWith();
    grid = await receiver();
    cloud = await receiver();
    expect((await subscribe(emulator, { endpointUrl: grid.url })).status).toBe(201);
    expect((await subscribe(emulator, { endpointUrl: cloud.url, schema: 'cloudevents' })).status).toBe(201);

    expect((await inboundSms(emulator)).status).toBe(202);
    const credential = new AzureKeyCredential(emulator.accessKey);
    await new SmsClient(emulator.endpoint, credential).send(
      { from: '+18005550100', to: ['+14255550123'], message: 'report me' },
      { enableDeliveryReport: true },
    );
    const poller = await new EmailClient(emulator.endpoint, credential).beginSend({
      senderAddress: `DoNotReply@${emulator.resourceId}.azurecomm.net`,
      content: { subject: 'Hi', plainText: 'Hi.' },
      recipients: { to: [{ address: 'ada@example.com' }] },
    });
    await poller.pollUntilDone();
    // A chat message through the official chat client: ChatMessageReceived for the other participant.
    const identity = new CommunicationIdentityClient(emulator.endpoint, credential);
    const alice = await identity.createUserAndToken(['chat']);
    const bob = await identity.createUser();
    const chat = new ChatClient(emulator.endpoint, new AzureCommunicationTokenCredential(alice.token));
    const { chatThread } = await chat.createChatThread(
      { topic: 'events' },
      { participants: [{ id: alice.user }, { id: bob }] },
    );
    await chat.getChatThreadClient(chatThread?.id ?? '').sendMessage({ content: 'hello Bob' });
  });

  it('ran the Event Grid validation handshake and the CloudEvents OPTIONS handshake', () => {
    const validation = grid.requests[0];
    expect(validation?.headers['aeg-event-type']).toBe('SubscriptionValidation');
    const [event] = JSON.parse(validation?.body ?? '[]') as [Record<string, unknown>];
    expect(event).toMatchObject({ eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', metadataVersion: '1' });
    expect(cloud.requests[0]).toMatchObject({
      method: 'OPTIONS',
      headers: { 'webhook-request-origin': 'eventgrid.azure.net' },
    });
  });

  it('delivers all four in the Event Grid schema: one-event arrays with aeg headers', async () => {
    const wanted = Object.values(TYPES) as string[];
    const notifications = await grid.until((received) =>
      wanted.every((type) => typesOf(gridEvents(received), 'eventType').has(type)),
    );
    for (const request of notifications) {
      expect(request.headers['aeg-event-type']).toBe('Notification');
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      const events = JSON.parse(request.body) as Array<Record<string, unknown>>;
      expect(events).toHaveLength(1);
      const [event] = events as [Record<string, unknown>];
      expect(Object.keys(event).sort()).toEqual(
        ['data', 'dataVersion', 'eventTime', 'eventType', 'id', 'metadataVersion', 'subject', 'topic'].sort(),
      );
      expect(event.topic).toMatch(/^\/subscriptions\/.+\/providers\/Microsoft\.Communication\/communicationServices\//);
      expect(new Date(event.eventTime as string).toISOString()).toBe(event.eventTime);
      expect(event.metadataVersion).toBe('1');
    }
    const byType = new Map(gridEvents(notifications).map((event) => [event.eventType, event]));
    expect(byType.get(TYPES.inbound)).toMatchObject({
      subject: '/phonenumber/14255550123',
      data: { message: 'hello' },
    });
    expect(byType.get(TYPES.emailReport)).toMatchObject({
      data: { recipient: 'ada@example.com', status: 'Delivered' },
    });
  });

  it('delivers all four as structured CloudEvents 1.0', async () => {
    const wanted = Object.values(TYPES) as string[];
    const notifications = await cloud.until((received) =>
      wanted.every((type) => typesOf(cloudEvents(received), 'type').has(type)),
    );
    for (const request of notifications) {
      expect(request.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      const event = JSON.parse(request.body) as Record<string, unknown>;
      expect(event).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json' });
      for (const member of ['id', 'source', 'type', 'time', 'subject'])
        expect(typeof event[member], member).toBe('string');
      expect(event.data).toBeTypeOf('object');
    }
  });

  it('lists the subscriptions as validated, without the query of their endpoint', async () => {
    const keyed = await subscribe(emulator, {
      endpointUrl: `${grid.url}?code=function-key-secret`,
      includedEventTypes: ['SMSReceived'],
    });
    expect(keyed.json).toMatchObject({ endpointBaseUrl: grid.url });
    expect(JSON.stringify(keyed.json)).not.toContain('function-key-secret');
    const listed = await loopback(emulator, 'GET', 'emulator/events/subscriptions');
    expect(JSON.stringify(listed.json)).not.toContain('function-key-secret');
    expect((await loopback(emulator, 'DELETE', `emulator/events/subscriptions/${keyed.json?.id}`)).status).toBe(204);
    const { json } = await loopback(emulator, 'GET', 'emulator/events/subscriptions');
    expect(
      ((json?.value ?? []) as Array<{ provisioningState: string }>).map((entry) => entry.provisioningState),
    ).toEqual(['Succeeded', 'Succeeded']);
  });
});

describe('failures', () => {
  it('retries a failing receiver with back-off until it takes the event', async () => {
    const emulator = await emulatorWith();
    const flaky = await receiver({ status: (attempt) => (attempt < 3 ? 503 : 200) });
    await subscribe(emulator, { endpointUrl: flaky.url, includedEventTypes: ['SMSReceived'] });
    await inboundSms(emulator, 'retry me');
    const notifications = await flaky.until((received) => received.length >= 3);
    const ids = gridEvents(notifications).map((event) => event.id);
    expect(new Set(ids).size).toBe(1);
    expect(notifications.map((request) => request.headers['aeg-delivery-count'])).toEqual(['0', '1', '2']);
    await eventually(() => emulator.host.store.read('events.pending').size === 0);
    expect((await loopback(emulator, 'GET', 'emulator/events/dead-letters')).json?.value).toEqual([]);
  });

  it('dead-letters at once on 400 and after the last attempt otherwise', async () => {
    const emulator = await emulatorWith();
    const refusing = await receiver({ status: () => 400 });
    const broken = await receiver({ status: () => 500 });
    await subscribe(emulator, { endpointUrl: refusing.url });
    await subscribe(emulator, { endpointUrl: broken.url, maxDeliveryAttempts: 3 });
    await inboundSms(emulator, 'doomed');
    const letters = async () =>
      ((await loopback(emulator, 'GET', 'emulator/events/dead-letters')).json?.value ?? []) as Array<{
        subscriptionId: string;
        reason: string;
        attempts: number;
        lastStatusCode: number;
        event: { type: string };
      }>;
    let dead = await letters();
    while (dead.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      dead = await letters();
    }
    expect(refusing.notifications()).toHaveLength(1);
    expect(broken.notifications()).toHaveLength(3);
    const byStatus = new Map(dead.map((letter) => [letter.lastStatusCode, letter]));
    expect(byStatus.get(400)).toMatchObject({ attempts: 1, event: { type: TYPES.inbound } });
    expect(byStatus.get(400)?.reason).toContain('not retried');
    expect(byStatus.get(500)).toMatchObject({ attempts: 3 });
    expect(emulator.host.store.read('events.pending').size).toBe(0);
  });

  it('refuses an endpoint off loopback unless --callback-host names it (nothing leaves the machine)', async () => {
    const emulator = await emulatorWith();
    const refused = await subscribe(emulator, { endpointUrl: 'https://hooks.example.com/events' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('--callback-host hooks.example.com');
    const malformed = await subscribe(emulator, { endpointUrl: 'ftp://127.0.0.1/events' });
    expect(malformed.json).toMatchObject({ error: { code: 'InvalidRequest', target: 'endpointUrl' } });
  });

  it('refuses to create a subscription whose endpoint fails the handshake', async () => {
    const emulator = await emulatorWith();
    const unwilling = await receiver({ validate: false });
    const grid = await subscribe(emulator, { endpointUrl: unwilling.url });
    expect(grid.status).toBe(400);
    expect(grid.json).toMatchObject({ error: { code: 'SubscriptionValidationFailed' } });
    expect(JSON.stringify(grid.json)).toContain('validationResponse');
    const cloud = await subscribe(emulator, { endpointUrl: unwilling.url, schema: 'cloudevents' });
    expect(JSON.stringify(cloud.json)).toContain('403');
    expect((await loopback(emulator, 'GET', 'emulator/events/subscriptions')).json?.value).toEqual([]);
  });

  it('a hanging receiver does not slow the emulator: replies go on while it holds its requests', async () => {
    const emulator = await emulatorWith({ deliveryTimeoutInMs: 300_000 });
    const stuck = await receiver({ hang: true });
    await subscribe(emulator, { endpointUrl: stuck.url });
    await inboundSms(emulator, 'first');
    await eventually(() => stuck.open >= 1);
    const sms = new SmsClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey));
    for (let index = 0; index < 10; index++) {
      const [result] = await sms.send(
        { from: '+18005550100', to: ['+14255550123'], message: `while stuck ${index}` },
        { enableDeliveryReport: true },
      );
      expect(result?.successful).toBe(true);
      expect((await inboundSms(emulator, `in ${index}`)).status).toBe(202);
    }
    // Every reply came back while the receiver had not answered a single delivery.
    expect(stuck.open).toBeGreaterThanOrEqual(1);
    expect(
      stuck.requests.filter(
        (request) => request.method === 'POST' && request.headers['aeg-event-type'] === 'Notification',
      ).length,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('persistence', () => {
  it("records an event's pending deliveries in the same journal line as the request that emitted it", async () => {
    const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-events-'));
    try {
      const dataFile = join(directory, 'state.json');
      const grid = await receiver();
      const emulator = await startTestEmulator({ dataFile });
      try {
        await subscribe(emulator, { endpointUrl: grid.url });
        expect((await inboundSms(emulator, 'same line')).status).toBe(202);
        // At the reply, the journal already holds one line with both the inbound message and its
        // pending delivery: a SIGKILL now would lose neither (they were one transaction).
        const lines = (await readFile(`${dataFile}.journal`, 'utf8')).trimEnd().split('\n');
        const inbound = lines
          .map((line) => JSON.parse(line) as { changes: Array<[string, string, unknown?]> })
          .find((entry) => entry.changes.some(([collection]) => collection === 'sms.inbox'));
        expect(inbound?.changes.map(([collection]) => collection)).toEqual(
          expect.arrayContaining(['sms.inbox', 'events.pending']),
        );
      } finally {
        await emulator.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('subscriptions and dead letters survive a restart on the same --data file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-events-'));
    try {
      const dataFile = join(directory, 'state.json');
      const refusing = await receiver({ status: () => 403 });
      const first = await startTestEmulator({ dataFile });
      const created = await subscribe(first, { endpointUrl: refusing.url });
      await inboundSms(first, 'kept');
      const letters = async (emulator: RunningEmulator) =>
        ((await loopback(emulator, 'GET', 'emulator/events/dead-letters')).json?.value ?? []) as Array<{
          reason: string;
        }>;
      while ((await letters(first)).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await first.close();
      const second = await startTestEmulator({ dataFile });
      try {
        expect((await letters(second)).map((letter) => letter.reason)).toEqual([expect.stringContaining('403')]);
        const { json } = await loopback(second, 'GET', 'emulator/events/subscriptions');
        expect(json?.value).toMatchObject([{ id: created.json?.id, provisioningState: 'Succeeded' }]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('subscriptions given by option', () => {
  it('wait for a receiver that is not ready yet: the handshake is retried and the events follow', async () => {
    const late = await receiver({ refuseHandshakes: 2 });
    const emulator = await emulatorWith({ eventSubscriptions: [late.url] });
    await inboundSms(emulator, 'early');
    const [delivered] = gridEvents(await late.until((received) => received.length >= 1));
    expect(delivered).toMatchObject({ eventType: TYPES.inbound, data: { message: 'early' } });
    expect(
      late.requests.filter((request) => request.headers['aeg-event-type'] === 'SubscriptionValidation'),
    ).toHaveLength(3);
  });

  it('give up after the delivery attempts: the subscription fails and its events are dead-lettered', async () => {
    const never = await receiver({ validate: false });
    const emulator = await emulatorWith({ eventSubscriptions: [never.url], deliveryMaxAttempts: 2 });
    await inboundSms(emulator, 'lost');
    let letters: Array<{ reason: string }> = [];
    while (letters.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      letters = ((await loopback(emulator, 'GET', 'emulator/events/dead-letters')).json?.value ?? []) as typeof letters;
    }
    expect(letters[0]?.reason).toContain('failed validation');
    const { json } = await loopback(emulator, 'GET', 'emulator/events/subscriptions');
    expect(json?.value).toMatchObject([{ provisioningState: 'Failed' }]);
    expect(never.notifications()).toEqual([]);
  });

  it('are validated at start, filtered by type, and deleted through the route', async () => {
    const target = await receiver();
    const emulator = await emulatorWith({ eventSubscriptions: [`${target.url},schema=cloudevents,types=SMSReceived`] });
    await inboundSms(emulator, 'from option');
    await new SmsClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey)).send(
      { from: '+18005550100', to: ['+14255550123'], message: 'not wanted' },
      { enableDeliveryReport: true },
    );
    await inboundSms(emulator, 'second');
    const notifications = await target.until((received) => received.length >= 2);
    expect(cloudEvents(notifications).map((event) => event.type)).toEqual([TYPES.inbound, TYPES.inbound]);
    expect(target.requests[0]?.method).toBe('OPTIONS');
    const { json } = await loopback(emulator, 'GET', 'emulator/events/subscriptions');
    const [subscription] = (json?.value ?? []) as [{ id: string; origin: string; provisioningState: string }];
    expect(subscription).toMatchObject({ origin: 'option', provisioningState: 'Succeeded' });
    expect((await loopback(emulator, 'DELETE', `emulator/events/subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await loopback(emulator, 'DELETE', `emulator/events/subscriptions/${subscription.id}`)).status).toBe(404);
  });
});
