import { notFound } from '../../host/errors.js';
import { defineRoute, reply } from '../../host/service.js';
import { completeIfDue } from './completion.js';
import { type EmailOperation, isTerminal, operationBody, RETRY_AFTER_SECONDS } from './operation.js';

/**
 * `GET /emails/operations/{operationId}` (Email_GetSendResult): the status the poller reads;
 * `retry-after` while it is not terminal.
 *
 * @example
 * ```ts
 * // polled by the EmailClient's poller: { id, status: 'Succeeded' }
 * ```
 */
export const getEmailOperation = defineRoute({
  method: 'GET',
  path: '/emails/operations/{operationId}',
  auth: ['hmac', 'entraAdmin'],
  handle(request, ctx) {
    const id = request.params.operationId?.toLowerCase() ?? '';
    const stored = ctx.state.collection<EmailOperation>('email.operations').get(id);
    if (stored === undefined) {
      throw notFound('NotFound', `No email send operation has the id '${request.params.operationId}'.`);
    }
    const operation = completeIfDue(ctx, stored);
    return reply(
      200,
      operationBody(operation),
      isTerminal(operation.status) ? {} : { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  },
});
