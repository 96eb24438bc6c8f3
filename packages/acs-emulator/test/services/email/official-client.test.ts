import type { EmailClient as Client, EmailMessage } from '@azure/communication-email';
import { AzureKeyCredential } from 'acs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceEvent } from '../../../src/host/events.js';
import type { RunningEmulator } from '../../../src/index.js';
import { signed } from '../../helpers/client.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from '../rooms/acs-common-loader.js';

onAcsCommon();
const { EmailClient } = await import('@azure/communication-email');

// The official @azure/communication-email 1.1.0 (api-version 2025-09-01), unmodified and
// in-process, on acs-common (a resolve hook, as npm overrides in examples/drop-in), over HTTPS:
// beginSend is the long-running operation its poller follows through Operation-Location.

let emulator: RunningEmulator;
let email: Client;
let sender: string;
const events: ResourceEvent[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ emailDomains: ['contoso.com'] });
  emulator.host.events.on((event) => events.push(event));
  email = new EmailClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey));
  sender = `DoNotReply@${emulator.resourceId}.azurecomm.net`;
});

afterAll(() => emulator?.close());

const message = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  senderAddress: sender,
  content: { subject: 'Welcome', plainText: 'Hello there.', html: '<p>Hello <b>there</b>.</p>' },
  recipients: {
    to: [{ address: 'ada@example.com', displayName: 'Ada' }],
    cc: [{ address: 'grace@example.org' }],
    bcc: [{ address: 'audit@contoso.com' }],
  },
  ...overrides,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (thrown: unknown) => thrown as { statusCode?: number; code?: string; message: string },
  );

describe('EmailClient.beginSend', () => {
  it('runs the official client on acs-common (its @azure/communication-common resolves to acs-common)', async () => {
    expect((await redirected('@azure/communication-email')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('polls the operation to Succeeded, captures the mail and reports delivery per recipient', async () => {
    const before = events.length;
    const attachment = {
      name: 'hello.txt',
      contentType: 'text/plain',
      contentInBase64: Buffer.from('hi!').toString('base64'),
    };
    const poller = await email.beginSend(
      message({ attachments: [attachment], replyTo: [{ address: 'help@contoso.com' }] }),
    );
    const result = await poller.pollUntilDone();
    expect(result.status).toBe('Succeeded');
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    const outbox = (await (await fetch(`${emulator.endpoint}emulator/email/messages`)).json()) as {
      value: Record<string, unknown>[];
    };
    expect(outbox.value).toContainEqual(
      expect.objectContaining({
        id: result.id,
        senderAddress: sender,
        subject: 'Welcome',
        plainText: 'Hello there.',
        html: '<p>Hello <b>there</b>.</p>',
        to: [{ address: 'ada@example.com', displayName: 'Ada' }],
        cc: [{ address: 'grace@example.org' }],
        bcc: [{ address: 'audit@contoso.com' }],
        replyTo: [{ address: 'help@contoso.com' }],
        attachments: [{ ...attachment, sizeInBytes: 3 }],
        status: 'Succeeded',
      }),
    );
    const reports = events
      .slice(before)
      .filter((event) => event.type === 'Microsoft.Communication.EmailDeliveryReportReceived');
    expect(reports.map((event) => (event.data as { recipient: string }).recipient)).toEqual([
      'ada@example.com',
      'grace@example.org',
      'audit@contoso.com',
    ]);
    expect(reports[0]).toMatchObject({
      subject: `sender/${sender}/message/${result.id}`,
      data: { sender, messageId: result.id, status: 'Delivered' },
    });
  });

  it('sends from a domain given by --email-domain, with an Entra credential', async () => {
    const entraEmail = new EmailClient(emulator.endpoint, entraCredential(emulator));
    const poller = await entraEmail.beginSend(message({ senderAddress: 'news@contoso.com' }));
    expect((await poller.pollUntilDone()).status).toBe('Succeeded');
  });

  it('refuses a sender domain that is not linked (404 DomainNotLinked)', async () => {
    const error = await failure(email.beginSend(message({ senderAddress: 'DoNotReply@fabrikam.com' })));
    expect(error?.statusCode).toBe(404);
    expect(error?.code).toBe('DomainNotLinked');
    expect(error?.message).toContain('--email-domain fabrikam.com');
  });

  it('refuses a bad recipient address (400 InvalidEmailAddress, naming it)', async () => {
    const error = await failure(email.beginSend(message({ recipients: { to: [{ address: 'ada.example.com' }] } })));
    expect(error?.statusCode).toBe(400);
    expect(error?.code).toBe('InvalidEmailAddress');
    expect(error?.message).toContain("recipients.to[0].address 'ada.example.com'");
  });

  it('refuses an attachment that is not base64, and a request above 10 MB (413)', async () => {
    const broken = { name: 'a.bin', contentType: 'application/octet-stream', contentInBase64: 'this is not base64!' };
    const invalid = await failure(email.beginSend(message({ attachments: [broken] })));
    expect(invalid?.statusCode).toBe(400);
    expect(invalid?.code).toBe('InvalidAttachment');
    const big = {
      name: 'big.bin',
      contentType: 'application/octet-stream',
      contentInBase64: Buffer.alloc(8 * 1024 * 1024, 7).toString('base64'),
    };
    const tooLarge = await failure(email.beginSend(message({ attachments: [big] })));
    expect(tooLarge?.statusCode).toBe(413);
    expect(tooLarge?.code).toBe('RequestEntityTooLarge');
    expect(tooLarge?.message).toContain('10 MB');
  });

  it('answers an unknown operation id with 404, and a stored one with its status', async () => {
    const unknown = await signed(
      emulator,
      'GET',
      '/emails/operations/00000000-0000-4000-8000-000000000000?api-version=2025-09-01',
    );
    expect(unknown.status).toBe(404);
    const poller = await email.beginSend(message());
    const { id } = await poller.pollUntilDone();
    const known = await signed(emulator, 'GET', `/emails/operations/${id}?api-version=2025-09-01`);
    expect(known.json).toEqual({ id, status: 'Succeeded' });
    expect(known.headers['retry-after']).toBeUndefined();
  });

  it('takes a client Operation-Id and answers a repeat with the same operation', async () => {
    const operationId = '5b0c34a1-8f5e-4e1b-9d0e-1a2b3c4d5e6f';
    const first = await email.beginSend(message(), { operationId });
    expect((await first.pollUntilDone()).id).toBe(operationId);
    const count = async () =>
      ((await (await fetch(`${emulator.endpoint}emulator/email/messages`)).json()) as { value: unknown[] }).value
        .length;
    const stored = await count();
    const again = await email.beginSend(message(), { operationId });
    expect((await again.pollUntilDone()).id).toBe(operationId);
    expect(await count()).toBe(stored);
  });
});
