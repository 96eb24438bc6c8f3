import type createMessagesClient from '@azure-rest/communication-messages';
import { AzureKeyCredential } from 'acs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceEvent } from '../../../src/host/events.js';
import type { RunningEmulator } from '../../../src/index.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from '../rooms/acs-common-loader.js';

onAcsCommon();
const messagesModule = await import('@azure-rest/communication-messages');
const { isUnexpected, paginate } = messagesModule;
// A CommonJS module marked __esModule: `default` is createClient, or module.exports holding it.
const exported = messagesModule.default as unknown as
  | typeof createMessagesClient
  | { default: typeof createMessagesClient };
const createClient = typeof exported === 'function' ? exported : exported.default;

// The official @azure-rest/communication-messages 2.0.0 (api-version 2024-08-30), unmodified and
// in-process, on acs-common (its require of @azure/communication-common resolves to acs-common),
// over HTTPS against the in-process emulator.

const CHANNEL = '0f0eb78e-a576-1dfc-b414-0f0756de3338';
let emulator: RunningEmulator;
let client: ReturnType<typeof createClient>;
const events: ResourceEvent[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ whatsappChannels: [CHANNEL] });
  emulator.host.events.on((event) => events.push(event));
  client = createClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey));
});

afterAll(() => emulator?.close());

const send = (body: Record<string, unknown>) =>
  client
    .path('/messages/notifications:send')
    .post({ body: { channelRegistrationId: CHANNEL, to: ['14255550123'], ...body } as never });

const outbox = async () =>
  ((await (await fetch(`${emulator.endpoint}emulator/messages/outbox`)).json()) as { value: Record<string, unknown>[] })
    .value;

describe('notifications:send', () => {
  it('runs the official client on acs-common (its @azure/communication-common resolves to acs-common)', async () => {
    expect((await redirected('@azure-rest/communication-messages')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('sends text with a receipt per recipient, captured, with sent and delivered status events', async () => {
    const before = events.length;
    const response = await send({ kind: 'text', content: 'Your order shipped', to: ['14255550123', '+442071838750'] });
    expect(response.status).toBe('202');
    if (isUnexpected(response)) throw new Error('unexpected');
    const receipts = response.body.receipts;
    expect(receipts.map((receipt) => receipt.to)).toEqual(['14255550123', '+442071838750']);
    const captured = await outbox();
    for (const receipt of receipts) {
      expect(captured).toContainEqual(
        expect.objectContaining({
          messageId: receipt.messageId,
          to: receipt.to,
          kind: 'text',
          renderedText: 'Your order shipped',
        }),
      );
    }
    const statuses = events
      .slice(before)
      .filter((event) => event.type === 'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated')
      .map((event) => [(event.data as { messageId: string }).messageId, (event.data as { status: string }).status]);
    expect(statuses).toEqual([
      [receipts[0]?.messageId, 'sent'],
      [receipts[0]?.messageId, 'delivered'],
      [receipts[1]?.messageId, 'sent'],
      [receipts[1]?.messageId, 'delivered'],
    ]);
  });

  it('sends media (image, document, video, audio)', async () => {
    for (const kind of ['image', 'document', 'video', 'audio']) {
      const response = await send({
        kind,
        mediaUri: `https://example.com/file.${kind}`,
        ...(kind === 'audio' ? {} : { caption: kind }),
      });
      expect(response.status, kind).toBe('202');
    }
    expect((await outbox()).filter((entry) => entry.kind === 'document')).toHaveLength(1);
  });

  it('sends a template with values and bindings, rendering its body', async () => {
    const response = await send({
      kind: 'template',
      template: {
        name: 'sample_shipping_confirmation',
        language: 'en_US',
        values: [{ name: 'days', kind: 'text', text: '3' }],
        bindings: { kind: 'whatsApp', body: [{ refValue: 'days' }] },
      },
    });
    expect(response.status).toBe('202');
    if (isUnexpected(response)) throw new Error('unexpected');
    const id = response.body.receipts[0]?.messageId;
    expect((await outbox()).find((entry) => entry.messageId === id)?.renderedText).toBe(
      'Your package has been shipped. It will be delivered in 3 business days.',
    );
  });

  it('refuses a bad template: unknown name, and bindings that do not fit', async () => {
    const unknown = await send({ kind: 'template', template: { name: 'order_update', language: 'en_US' } });
    expect(unknown.status).toBe('400');
    expect(unknown.body).toMatchObject({ error: { code: 'InvalidTemplate', target: 'template.name' } });
    expect(JSON.stringify(unknown.body)).toContain('sample_shipping_confirmation (en_US)');
    const misfit = await send({
      kind: 'template',
      template: {
        name: 'sample_shipping_confirmation',
        language: 'en_US',
        values: [],
        bindings: { kind: 'whatsApp', body: [{ refValue: 'days' }] },
      },
    });
    expect(misfit.status).toBe('400');
    expect(JSON.stringify(misfit.body)).toContain("refValue 'days' names no value");
  });

  it('refuses a channel not connected to the resource and a bad recipient', async () => {
    const channel = await send({
      kind: 'text',
      content: 'x',
      channelRegistrationId: '11111111-2222-4333-8444-555555555555',
    });
    expect(channel.status).toBe('404');
    expect(channel.body).toMatchObject({ error: { code: 'ChannelNotFound' } });
    const recipient = await send({ kind: 'text', content: 'x', to: ['not-a-number'] });
    expect(recipient.status).toBe('400');
    expect(recipient.body).toMatchObject({ error: { code: 'InvalidRecipient', target: 'to[0]' } });
  });

  it('answers a repeated Repeatability-Request-ID with the first receipts', async () => {
    const headers = {
      'Repeatability-Request-ID': 'b9d2b5a8-3c57-4f0e-9b1c-2d3e4f5a6b7c',
      'Repeatability-First-Sent': new Date().toUTCString(),
    };
    const body = { channelRegistrationId: CHANNEL, to: ['14255550123'], kind: 'text', content: 'once' } as never;
    const first = await client.path('/messages/notifications:send').post({ body, headers });
    const second = await client.path('/messages/notifications:send').post({ body, headers });
    expect(second.headers['repeatability-result']).toBe('accepted');
    expect(second.body).toEqual(first.body);
  });

  it('lists the channel templates page by page', async () => {
    const response = await client
      .path('/messages/channels/{channelId}/templates', CHANNEL)
      .get({ queryParameters: { maxpagesize: 3 } });
    expect(response.status).toBe('200');
    const names: string[] = [];
    for await (const template of paginate(client, response)) names.push((template as { name: string }).name);
    expect(names).toContain('sample_template');
    expect(names).toHaveLength(7);
  });

  it('accepts an Entra bearer token (2.0.0 itself fails with a TokenCredential: its pipeline gets two bearer policies)', async () => {
    const { token } = await entraCredential(emulator).getToken('https://communication.azure.com/.default');
    const response = await fetch(`${emulator.endpoint}messages/notifications:send?api-version=2024-08-30`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channelRegistrationId: CHANNEL, to: ['14255550123'], kind: 'text', content: 'via Entra' }),
    });
    expect(response.status).toBe(202);
  });
});
