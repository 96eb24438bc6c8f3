import { decodedBase64Length } from './base64.js';
import type { EmailMessageInput, OutboxEmail } from './message.js';

/**
 * The outbox record of an accepted (validated) send request.
 *
 * @example
 * ```ts
 * const mail = toOutboxEmail('8540c0de-…', message, Date.now());
 * mail.attachments[0]?.sizeInBytes; // decoded bytes
 * ```
 */
export function toOutboxEmail(id: string, message: EmailMessageInput, nowTimestamp: number): OutboxEmail {
  return {
    id,
    senderAddress: message.senderAddress,
    to: message.recipients.to,
    cc: message.recipients.cc ?? [],
    bcc: message.recipients.bcc ?? [],
    replyTo: message.replyTo ?? [],
    subject: message.content.subject,
    ...(message.content.plainText === undefined ? {} : { plainText: message.content.plainText }),
    ...(message.content.html === undefined ? {} : { html: message.content.html }),
    attachments: (message.attachments ?? []).map((attachment) => ({
      ...attachment,
      sizeInBytes: decodedBase64Length(attachment.contentInBase64) ?? 0,
    })),
    headers: message.headers ?? {},
    acceptedAt: new Date(nowTimestamp).toISOString(),
  };
}

/**
 * Every recipient address of a mail (to, cc, bcc), in that order.
 *
 * @example
 * ```ts
 * recipientsOf(mail); // ['a@contoso.com', 'cc@contoso.com']
 * ```
 */
export function recipientsOf(mail: OutboxEmail): string[] {
  return [...mail.to, ...mail.cc, ...mail.bcc].map((entry) => entry.address);
}
