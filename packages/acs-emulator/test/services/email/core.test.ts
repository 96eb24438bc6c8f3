import { describe, expect, it } from 'vitest';
import { parseEmailAddress } from '../../../src/services/email/address.js';
import { decodedBase64Length } from '../../../src/services/email/base64.js';
import { deliveryReportEvents } from '../../../src/services/email/events.js';
import type { EmailMessageInput } from '../../../src/services/email/message.js';
import { completed, isTerminal, operationBody } from '../../../src/services/email/operation.js';
import { toOutboxEmail } from '../../../src/services/email/outbox.js';
import { MAX_EMAIL_REQUEST_BYTES, validateEmailMessage } from '../../../src/services/email/validate.js';

// The body of examples/SendEmail.json (2025-09-01), with the sender on a linked domain.
const EXAMPLE: EmailMessageInput = {
  headers: { ClientCorrelationId: '123', ClientCustomHeaderName: 'ClientCustomHeaderValue' },
  senderAddress: 'abc@domain.com',
  content: {
    subject: 'An exciting offer especially for you!',
    plainText: 'This exciting offer was created especially for you, our most loyal customer.',
    html: '<html><head><title>Exciting offer!</title></head><body><h1>This exciting offer was created especially for you, our most loyal customer.</h1></body></html>',
  },
  recipients: {
    to: [
      { address: 'john.doe@domain.com', displayName: 'John Doe' },
      { address: 'jane.doe@domain2.com', displayName: 'Jane Doe' },
    ],
    cc: [{ address: 'wendy@someotherdomain.com', displayName: 'Wendy' }],
    bcc: [{ address: 'bob@anotherdomain.com', displayName: 'Bob' }],
  },
  attachments: [
    {
      name: 'MyAttachment.pdf',
      contentType: 'application/pdf',
      contentInBase64: 'TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQ=',
    },
  ],
  replyTo: [{ address: 'contoso-support@contoso.com', displayName: 'Contoso Support' }],
  userEngagementTrackingDisabled: true,
};
const LIMITS = { domains: ['domain.com'], requestSizeInBytes: 2000 };

describe('email addresses and base64', () => {
  it('parses what the service accepts', () => {
    expect(parseEmailAddress('DoNotReply@Res.AzureComm.net')).toEqual({
      local: 'DoNotReply',
      domain: 'res.azurecomm.net',
    });
    expect(parseEmailAddress("o'brien+tag@sub.contoso.co.uk")).toBeDefined();
    for (const bad of [
      'plain',
      '@contoso.com',
      'a@',
      'a@contoso',
      'a..b@contoso.com',
      '.a@contoso.com',
      'a@-x.com',
      'a b@contoso.com',
      'a@1.2.3.4',
      `${'x'.repeat(65)}@contoso.com`,
    ]) {
      expect(parseEmailAddress(bad), bad).toBeUndefined();
    }
  });

  it('decodes strict base64 lengths only', () => {
    expect(decodedBase64Length('TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQ=')).toBe(26);
    expect(decodedBase64Length('')).toBe(0);
    expect(decodedBase64Length('TQ==')).toBe(1);
    expect(decodedBase64Length('TQ=')).toBeUndefined();
    expect(decodedBase64Length('T===')).toBeUndefined();
    expect(decodedBase64Length('not base64!!')).toBeUndefined();
    expect(decodedBase64Length('TG9y\nZW0=')).toBeUndefined();
  });
});

describe('validateEmailMessage', () => {
  it('accepts the spec example', () => {
    expect(validateEmailMessage(EXAMPLE, LIMITS)).toBeUndefined();
  });

  it('refuses a sender domain that is not linked, naming the linked ones and the option', () => {
    const problem = validateEmailMessage({ ...EXAMPLE, senderAddress: 'DoNotReply@other.net' }, LIMITS);
    expect(problem).toMatchObject({ status: 404, code: 'DomainNotLinked', target: 'senderAddress' });
    expect(problem?.message).toContain('The specified sender domain has not been linked.');
    expect(problem?.message).toContain('--email-domain other.net');
  });

  it('refuses a bad recipient address with its path', () => {
    const problem = validateEmailMessage(
      { ...EXAMPLE, recipients: { to: [{ address: 'john.doe@domain.com' }], cc: [{ address: 'not-an-address' }] } },
      LIMITS,
    );
    expect(problem).toMatchObject({ status: 400, code: 'InvalidEmailAddress', target: 'recipients.cc[0].address' });
  });

  it('refuses no recipients, more than 50, an empty body and an oversize request', () => {
    expect(validateEmailMessage({ ...EXAMPLE, recipients: { to: [] } }, LIMITS)?.code).toBe('InvalidRecipients');
    const many = Array.from({ length: 51 }, (_, index) => ({ address: `u${index}@domain.com` }));
    expect(validateEmailMessage({ ...EXAMPLE, recipients: { to: many } }, LIMITS)?.message).toContain('at most 50');
    expect(validateEmailMessage({ ...EXAMPLE, content: { subject: 'x' } }, LIMITS)?.code).toBe('InvalidContent');
    expect(validateEmailMessage(EXAMPLE, { ...LIMITS, requestSizeInBytes: MAX_EMAIL_REQUEST_BYTES + 1 })).toMatchObject(
      { status: 413, code: 'RequestEntityTooLarge' },
    );
  });

  it('refuses attachments that are not base64 or lack a MIME type', () => {
    const broken = { name: 'a.txt', contentType: 'text/plain', contentInBase64: 'not base64!' };
    expect(validateEmailMessage({ ...EXAMPLE, attachments: [broken] }, LIMITS)).toMatchObject({
      code: 'InvalidAttachment',
      target: 'attachments[0].contentInBase64',
    });
    expect(
      validateEmailMessage(
        { ...EXAMPLE, attachments: [{ ...broken, contentInBase64: 'TQ==', contentType: 'pdf' }] },
        LIMITS,
      )?.target,
    ).toBe('attachments[0].contentType');
  });
});

describe('outbox, operation and delivery reports', () => {
  it('captures the mail and reports delivery per recipient', () => {
    const mail = toOutboxEmail('8540c0de-899f-5cce-acb5-3ec493af3800', EXAMPLE, Date.UTC(2023, 1, 9));
    expect(mail.attachments[0]?.sizeInBytes).toBe(26);
    expect(mail.cc).toHaveLength(1);
    const reports = deliveryReportEvents(mail, Date.UTC(2023, 1, 9, 19, 46, 12));
    expect(reports.map((event) => event.data.recipient)).toEqual([
      'john.doe@domain.com',
      'jane.doe@domain2.com',
      'wendy@someotherdomain.com',
      'bob@anotherdomain.com',
    ]);
    expect(reports[0]).toMatchObject({
      type: 'Microsoft.Communication.EmailDeliveryReportReceived',
      subject: 'sender/abc@domain.com/message/8540c0de-899f-5cce-acb5-3ec493af3800',
      data: { sender: 'abc@domain.com', messageId: '8540c0de-899f-5cce-acb5-3ec493af3800', status: 'Delivered' },
    });
  });

  it('moves the operation from Running to Succeeded', () => {
    const running = { id: 'x', status: 'Running' as const, createdAt: '2023-02-09T00:00:00.000Z' };
    expect(operationBody(running)).toEqual({ id: 'x', status: 'Running' });
    expect(isTerminal(running.status)).toBe(false);
    const done = completed(running, Date.UTC(2023, 1, 9, 0, 0, 1));
    expect(isTerminal(done.status)).toBe(true);
    expect(operationBody(done)).toEqual({ id: 'x', status: 'Succeeded' });
  });
});
