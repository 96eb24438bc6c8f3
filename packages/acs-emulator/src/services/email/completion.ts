import type { RequestContext } from '../../host/service.js';
import { deliveryReportEvents } from './events.js';
import type { OutboxEmail } from './message.js';
import { completed, type EmailOperation } from './operation.js';

/**
 * The emulator's mail delivery: a `Running` operation that is due (created at least
 * `operationDelayInMs` ago) becomes `Succeeded` and raises one EmailDeliveryReportReceived per
 * recipient. Runs on a poll of the operation and in the background sweep, so reports arrive
 * whether or not the client polls.
 */

/**
 * Completes `operation` if it is due; returns the (possibly updated) operation.
 *
 * @example
 * ```ts
 * const current = completeIfDue(ctx, operations.get(id)!);
 * ```
 */
export function completeIfDue(ctx: RequestContext, operation: EmailOperation): EmailOperation {
  if (operation.status !== 'Running') return operation;
  const nowTimestamp = ctx.now();
  if (nowTimestamp < Date.parse(operation.createdAt) + ctx.options.operationDelayInMs) return operation;
  const done = completed(operation, nowTimestamp);
  ctx.state.collection<EmailOperation>('email.operations').put(done.id, done);
  ctx.state.collection<true>('email.running').delete(done.id);
  const mail = ctx.state.collection<OutboxEmail>('email.outbox').get(done.id);
  if (mail !== undefined) for (const event of deliveryReportEvents(mail, nowTimestamp)) ctx.emit(event);
  return done;
}
