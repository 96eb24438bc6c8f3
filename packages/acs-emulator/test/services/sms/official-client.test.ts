import type { SmsClient as Client } from '@azure/communication-sms';
import { AzureKeyCredential } from 'acs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceEvent } from '../../../src/host/events.js';
import type { RunningEmulator } from '../../../src/index.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from '../rooms/acs-common-loader.js';

onAcsCommon();
const { SmsClient } = await import('@azure/communication-sms');

// The official @azure/communication-sms 1.1.0, unmodified and in-process, on acs-common (its
// @azure/communication-common require resolves to acs-common, as npm overrides do in
// examples/drop-in), over HTTPS against the in-process emulator.

let emulator: RunningEmulator;
let sms: Client;
const events: ResourceEvent[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ phoneNumbers: ['+18005550100', '+18005550111'] });
  emulator.host.events.on((event) => events.push(event));
  sms = new SmsClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey));
});

afterAll(() => emulator?.close());

const loopback = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${emulator.endpoint}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe('SmsClient.send', () => {
  it('runs the official client on acs-common (its @azure/communication-common resolves to acs-common)', async () => {
    expect((await redirected('@azure/communication-sms')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('sends to one recipient and captures the message in the outbox', async () => {
    const [result] = await sms.send({ from: '+18005550100', to: ['+14255550123'], message: 'Hello from the emulator' });
    expect(result).toMatchObject({ to: '+14255550123', httpStatusCode: 202, successful: true });
    expect(result?.messageId).toMatch(/^Outgoing_\d{14}[0-9a-f-]{36}$/);
    const { json } = await loopback('emulator/sms/messages');
    expect(json.outbox).toContainEqual(
      expect.objectContaining({
        messageId: result?.messageId,
        from: '+18005550100',
        to: '+14255550123',
        message: 'Hello from the emulator',
        segmentCount: 1,
      }),
    );
  });

  it('answers per recipient: invalid numbers get the service error, valid ones go out', async () => {
    const results = await sms.send({
      from: '+18005550111',
      to: ['+14255550123', '+1425555012345', '+442071838750'],
      message: 'fan out',
    });
    expect(results.map((result) => [result.to, result.httpStatusCode, result.successful])).toEqual([
      ['+14255550123', 202, true],
      ['+1425555012345', 400, false],
      ['+442071838750', 202, true],
    ]);
    expect(results[1]?.errorMessage).toBe('Invalid To phone number format.');
    expect(results[1]?.messageId).toBeUndefined();
    expect(new Set(results.map((result) => result.messageId)).size).toBe(3);
  });

  it('raises a delivery report with the tag when asked to, and none otherwise', async () => {
    const before = events.length;
    const [plain] = await sms.send({ from: '+18005550100', to: ['+14255550124'], message: 'no report' });
    const [reported] = await sms.send(
      { from: '+18005550100', to: ['+14255550125'], message: 'report please' },
      { enableDeliveryReport: true, tag: 'order-42' },
    );
    const reports = events
      .slice(before)
      .filter((event) => event.type === 'Microsoft.Communication.SMSDeliveryReportReceived');
    expect(reports.map((event) => (event.data as { messageId: string }).messageId)).toEqual([reported?.messageId]);
    expect(reports[0]?.data).toMatchObject({ deliveryStatus: 'Delivered', tag: 'order-42', to: '+14255550125' });
    expect(plain?.successful).toBe(true);
  });

  it('refuses a sender the resource does not own with 401 (as the live service)', async () => {
    const error = await sms.send({ from: '+14255550199', to: ['+14255550123'], message: 'x' }).then(
      () => undefined,
      (thrown: unknown) => thrown as { statusCode?: number; message: string },
    );
    expect(error?.statusCode).toBe(401);
    expect(error?.message).toContain('+14255550199 is not owned by this resource');
    expect(error?.message).toContain('--phone-number');
  });

  it('works with an Entra credential (Entra RBAC)', async () => {
    const entraSms = new SmsClient(emulator.endpoint, entraCredential(emulator));
    const [result] = await entraSms.send({ from: '+18005550100', to: ['+14255550123'], message: 'via Entra' });
    expect(result?.successful).toBe(true);
  });
});

describe('inbound SMS (loopback route)', () => {
  it('lands in the inbox and raises SMSReceived', async () => {
    const before = events.length;
    const { status, json } = await loopback('emulator/sms/inbound', {
      method: 'POST',
      body: JSON.stringify({ from: '+14255550123', to: '+18005550111', message: 'STOP' }),
    });
    expect(status).toBe(202);
    expect(json.messageId).toMatch(/^Incoming_/);
    const received = events.slice(before).find((event) => event.type === 'Microsoft.Communication.SMSReceived');
    expect(received).toMatchObject({
      subject: '/phonenumber/14255550123',
      data: { messageId: json.messageId, from: '+14255550123', to: '+18005550111', message: 'STOP', segmentCount: 1 },
    });
    const inbox = (await loopback('emulator/sms/messages')).json.inbox;
    expect(inbox).toContainEqual(expect.objectContaining({ messageId: json.messageId }));
  });

  it('refuses a number the resource does not own, naming its numbers', async () => {
    const { status, json } = await loopback('emulator/sms/inbound', {
      method: 'POST',
      body: JSON.stringify({ from: '+14255550123', to: '+19995550000', message: 'x' }),
    });
    expect(status).toBe(404);
    expect(JSON.stringify(json)).toContain('+18005550100, +18005550111');
  });
});
