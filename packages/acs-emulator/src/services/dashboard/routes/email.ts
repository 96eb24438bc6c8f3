import { notFound } from '../../../host/errors.js';
import { defineRoute, rawReply } from '../../../host/service.js';
import { COMMON_HEADERS, EMAIL_CSP } from '../security-headers.js';
import { attachmentOf, findEmail } from '../views/outbox.js';
import { hostSource } from '../views/source.js';

/**
 * An email's html body and attachments. The html is served as its own document under a CSP that
 * blocks every load and sandboxes it (no script, no form, an opaque origin), and the page frames it
 * with `sandbox=""` as well: the app's html is shown as the recipient would see it, and can do
 * nothing. Attachments download as `application/octet-stream` (never rendered on this origin).
 */

/**
 * `GET /emulator/api/outbox/email/{id}/html`.
 *
 * @example
 * ```html
 * <iframe sandbox="" src="/emulator/api/outbox/email/OPERATION-ID/html"></iframe>
 * ```
 */
export const getEmailHtml = defineRoute({
  method: 'GET',
  path: '/emulator/api/outbox/email/{id}/html',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => {
    const email = findEmail(hostSource(ctx.host), request.params.id ?? '');
    if (email === undefined) throw notFound('NotFound', `No email with id '${request.params.id}' in the outbox.`);
    const html = typeof email.html === 'string' ? email.html : '';
    return rawReply(200, html, 'text/html; charset=utf-8', {
      ...COMMON_HEADERS,
      'content-security-policy': EMAIL_CSP,
    });
  },
});

/**
 * `GET /emulator/api/outbox/email/{id}/attachments/{index}` → the decoded bytes, as a download.
 *
 * @example
 * ```html
 * <a href="/emulator/api/outbox/email/OPERATION-ID/attachments/0" download>report.pdf</a>
 * ```
 */
export const getEmailAttachment = defineRoute({
  method: 'GET',
  path: '/emulator/api/outbox/email/{id}/attachments/{index}',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => {
    const email = findEmail(hostSource(ctx.host), request.params.id ?? '');
    if (email === undefined) throw notFound('NotFound', `No email with id '${request.params.id}' in the outbox.`);
    const index = Number(request.params.index);
    const attachment = Number.isSafeInteger(index) && index >= 0 ? attachmentOf(email, index) : undefined;
    if (attachment === undefined) {
      throw notFound('NotFound', `The email has no attachment number ${request.params.index} (they count from 0).`);
    }
    return rawReply(200, attachment.bytes, 'application/octet-stream', {
      ...COMMON_HEADERS,
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
    });
  },
});
