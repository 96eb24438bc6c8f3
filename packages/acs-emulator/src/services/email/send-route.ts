import { randomUUID } from 'node:crypto';
import { badRequest, ServiceError } from '../../host/errors.js';
import { acceptedHeaders, operationLocation } from '../../host/operations.js';
import * as s from '../../host/schema.js';
import { defineRoute, type RequestContext, reply } from '../../host/service.js';
import { resourceDomains } from './domains.js';
import type { EmailMessageInput, OutboxEmail } from './message.js';
import { type EmailOperation, operationBody, RETRY_AFTER_SECONDS } from './operation.js';
import { toOutboxEmail } from './outbox.js';
import { MAX_EMAIL_REQUEST_BYTES, validateEmailMessage } from './validate.js';

/**
 * `POST /emails:send` (Email_Send): validates, captures the mail in the outbox and starts the
 * long-running operation the client polls (202, `Operation-Location`, status `Running`).
 */

const address = s.object({ address: s.string(), displayName: s.optional(s.string()) });

const sendBody = s.object({
  headers: s.optional(s.record(s.string())),
  senderAddress: s.string(),
  content: s.object({ subject: s.string(), plainText: s.optional(s.string()), html: s.optional(s.string()) }),
  recipients: s.object({
    to: s.array(address),
    cc: s.optional(s.array(address)),
    bcc: s.optional(s.array(address)),
  }),
  attachments: s.optional(
    s.array(
      s.object({
        name: s.string(),
        contentType: s.string(),
        contentInBase64: s.string(),
        contentId: s.optional(s.string()),
      }),
    ),
  ),
  replyTo: s.optional(s.array(address)),
  userEngagementTrackingDisabled: s.optional(s.boolean()),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path of an operation's status resource. */
export function operationPath(id: string): string {
  return `/emails/operations/${encodeURIComponent(id)}`;
}

function accepted(ctx: RequestContext, apiVersion: string | null, operation: EmailOperation) {
  const location = operationLocation(ctx, operationPath(operation.id), apiVersion);
  return reply(202, operationBody(operation), acceptedHeaders(location, RETRY_AFTER_SECONDS));
}

/**
 * The route.
 *
 * @example
 * ```ts
 * const poller = await new EmailClient(connectionString).beginSend(message);
 * await poller.pollUntilDone(); // { id, status: 'Succeeded' }
 * ```
 */
export const sendEmail = defineRoute({
  method: 'POST',
  path: '/emails:send',
  auth: ['hmac', 'entraAdmin'],
  body: sendBody,
  bodyLimitInBytes: MAX_EMAIL_REQUEST_BYTES + 1024 * 1024,
  handle(request, ctx) {
    const apiVersion = request.query.get('api-version');
    const operations = ctx.state.collection<EmailOperation>('email.operations');
    const requested = request.headers['operation-id'];
    if (requested !== undefined && (typeof requested !== 'string' || !UUID.test(requested))) {
      throw badRequest('InvalidRequest', 'The Operation-Id header must be a uuid.', 'Operation-Id');
    }
    if (requested !== undefined) {
      const existing = operations.get(requested.toLowerCase());
      if (existing !== undefined) return accepted(ctx, apiVersion, existing);
    }
    const message = request.body as EmailMessageInput;
    const problem = validateEmailMessage(message, {
      domains: resourceDomains(ctx.resourceId, ctx.options.emailDomains),
      requestSizeInBytes: request.rawBody.length,
    });
    if (problem !== undefined) {
      throw new ServiceError(problem.status, problem.code, problem.message, {
        ...(problem.target === undefined ? {} : { target: problem.target }),
        headers: { 'x-ms-error-code': problem.code },
      });
    }
    const nowTimestamp = ctx.now();
    const id = (requested ?? randomUUID()).toLowerCase();
    const operation: EmailOperation = { id, status: 'Running', createdAt: new Date(nowTimestamp).toISOString() };
    operations.put(id, operation);
    ctx.state.collection<true>('email.running').put(id, true);
    ctx.state.collection<OutboxEmail>('email.outbox').put(id, toOutboxEmail(id, message, nowTimestamp));
    return accepted(ctx, apiVersion, operation);
  },
});
