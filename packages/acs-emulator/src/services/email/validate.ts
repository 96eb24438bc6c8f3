import { parseEmailAddress } from './address.js';
import { decodedBase64Length } from './base64.js';
import type { EmailAddressInput, EmailMessageInput, EmailProblem } from './message.js';

/**
 * The checks of `POST /emails:send` beyond the body's shape, in the order the service reports
 * them: the request size (10 MB, attachments included), the sender (a valid address of a domain
 * linked to the resource), the recipients (1 to 50 valid addresses over to, cc and bcc), the
 * content (a subject and a plain-text or HTML body) and the attachments (a name, a content type and
 * strict base64).
 */

/** The service's limit on a whole send request, attachments included. */
export const MAX_EMAIL_REQUEST_BYTES = 10 * 1024 * 1024;
/** The service's limit on recipients (to, cc and bcc together). */
export const MAX_EMAIL_RECIPIENTS = 50;

/**
 * The first problem of a send request, or `undefined` when the service would accept it.
 *
 * @example
 * ```ts
 * validateEmailMessage(message, { domains: ['contoso.azurecomm.net'], requestSizeInBytes: 1200 });
 * // undefined, or e.g. { status: 404, code: 'DomainNotLinked', message: '…', target: 'senderAddress' }
 * ```
 */
export function validateEmailMessage(
  message: EmailMessageInput,
  limits: { readonly domains: readonly string[]; readonly requestSizeInBytes: number },
): EmailProblem | undefined {
  if (limits.requestSizeInBytes > MAX_EMAIL_REQUEST_BYTES) {
    return {
      status: 413,
      code: 'RequestEntityTooLarge',
      message: `The email request is ${limits.requestSizeInBytes} bytes; the service accepts at most ${MAX_EMAIL_REQUEST_BYTES} bytes (10 MB), attachments included.`,
    };
  }
  const sender = parseEmailAddress(message.senderAddress);
  if (sender === undefined) {
    return {
      status: 400,
      code: 'InvalidSenderAddress',
      message: `senderAddress '${message.senderAddress}' is not a valid email address.`,
      target: 'senderAddress',
    };
  }
  const linked = limits.domains.map((domain) => domain.toLowerCase());
  if (!linked.includes(sender.domain)) {
    return {
      status: 404,
      code: 'DomainNotLinked',
      message: `The specified sender domain has not been linked. '${sender.domain}' is not one of the resource's domains (${linked.join(', ') || 'none'}); start the emulator with --email-domain ${sender.domain} to link it.`,
      target: 'senderAddress',
    };
  }
  const groups: readonly (readonly [string, readonly EmailAddressInput[] | undefined])[] = [
    ['recipients.to', message.recipients.to],
    ['recipients.cc', message.recipients.cc],
    ['recipients.bcc', message.recipients.bcc],
    ['replyTo', message.replyTo],
  ];
  let recipientCount = 0;
  for (const [path, addresses] of groups) {
    for (const [index, entry] of (addresses ?? []).entries()) {
      if (parseEmailAddress(entry.address) === undefined) {
        return {
          status: 400,
          code: 'InvalidEmailAddress',
          message: `${path}[${index}].address '${entry.address}' is not a valid email address (expected local@domain.tld).`,
          target: `${path}[${index}].address`,
        };
      }
      if (path !== 'replyTo') recipientCount += 1;
    }
  }
  if (recipientCount === 0) {
    return {
      status: 400,
      code: 'InvalidRecipients',
      message: 'The email has no recipient: give at least one address in recipients.to, cc or bcc.',
      target: 'recipients',
    };
  }
  if (recipientCount > MAX_EMAIL_RECIPIENTS) {
    return {
      status: 400,
      code: 'InvalidRecipients',
      message: `The email has ${recipientCount} recipients; the service accepts at most ${MAX_EMAIL_RECIPIENTS} (to, cc and bcc together).`,
      target: 'recipients',
    };
  }
  if (message.content.subject.trim() === '') {
    return {
      status: 400,
      code: 'InvalidContent',
      message: 'content.subject must not be empty.',
      target: 'content.subject',
    };
  }
  if ((message.content.plainText ?? '') === '' && (message.content.html ?? '') === '') {
    return {
      status: 400,
      code: 'InvalidContent',
      message: 'The email has no body: give content.plainText, content.html or both.',
      target: 'content',
    };
  }
  for (const [index, attachment] of (message.attachments ?? []).entries()) {
    const path = `attachments[${index}]`;
    if (attachment.name.trim() === '') {
      return {
        status: 400,
        code: 'InvalidAttachment',
        message: `${path}.name must not be empty.`,
        target: `${path}.name`,
      };
    }
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType)) {
      return {
        status: 400,
        code: 'InvalidAttachment',
        message: `${path}.contentType '${attachment.contentType}' is not a MIME type (type/subtype, e.g. application/pdf).`,
        target: `${path}.contentType`,
      };
    }
    if (decodedBase64Length(attachment.contentInBase64) === undefined) {
      return {
        status: 400,
        code: 'InvalidAttachment',
        message: `${path}.contentInBase64 is not valid base64 (RFC 4648 alphabet, padded to a multiple of 4 characters).`,
        target: `${path}.contentInBase64`,
      };
    }
  }
  return undefined;
}
