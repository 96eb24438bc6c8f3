import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { deliveryStatusEvent } from './events.js';
import { type CheckedNotification, checkNotification } from './notification.js';

/**
 * `POST /messages/notifications:send` (NotificationMessagesOperations_Send): checks the
 * notification, captures one outbox message per recipient, answers 202 with the receipts and
 * raises AdvancedMessageDeliveryStatusUpdated (`sent`, then `delivered`) for each.
 */

/** A sent notification as the outbox keeps it (one per recipient). */
export interface OutboxNotification {
  readonly messageId: string;
  readonly channelRegistrationId: string;
  readonly to: string;
  readonly kind: CheckedNotification['kind'];
  /** The request body as sent. */
  readonly content: Readonly<Record<string, unknown>>;
  readonly renderedText?: string;
  /** ISO 8601. */
  readonly sentAt: string;
  readonly status: 'delivered';
}

/** A receipt (MessageReceipt). */
interface Receipt {
  readonly messageId: string;
  readonly to: string;
}

/** Every member is kept: which ones matter depends on `kind` (checkNotification). */
const sendBody = s.record(s.unknown());

/**
 * The route.
 *
 * @example
 * ```ts
 * await client.path('/messages/notifications:send').post({ body: { channelRegistrationId, to: ['14255550123'], kind: 'text', content: 'Hi' } });
 * ```
 */
export const sendNotification = defineRoute({
  method: 'POST',
  path: '/messages/notifications:send',
  auth: ['hmac', 'entraAdmin'],
  body: sendBody,
  handle(request, ctx) {
    const repeatabilityId = request.headers['repeatability-request-id'];
    const repeats = ctx.state.collection<readonly Receipt[]>('messages.repeatability');
    if (typeof repeatabilityId === 'string') {
      const previous = repeats.get(repeatabilityId);
      if (previous !== undefined) return reply(202, { receipts: previous }, { 'repeatability-result': 'accepted' });
    }
    const checked = checkNotification(request.body, {
      channels: ctx.options.whatsappChannels,
    });
    if ('problem' in checked) {
      const { status, code, message, target } = checked.problem;
      throw new ServiceError(status, code, message, {
        ...(target === undefined ? {} : { target }),
        headers: { 'x-ms-error-code': code },
      });
    }
    const notification = checked.notification;
    const nowTimestamp = ctx.now();
    const outbox = ctx.state.collection<OutboxNotification>('messages.outbox');
    const receipts: Receipt[] = [];
    for (const to of notification.to) {
      const messageId = randomUUID();
      receipts.push({ messageId, to });
      outbox.put(messageId, {
        messageId,
        channelRegistrationId: notification.channelRegistrationId,
        to,
        kind: notification.kind,
        content: notification.content,
        ...(notification.renderedText === undefined ? {} : { renderedText: notification.renderedText }),
        sentAt: new Date(nowTimestamp).toISOString(),
        status: 'delivered',
      });
      const message = { messageId, channelRegistrationId: notification.channelRegistrationId, to };
      ctx.emit(deliveryStatusEvent(message, 'sent', nowTimestamp));
      ctx.emit(deliveryStatusEvent(message, 'delivered', nowTimestamp));
    }
    if (typeof repeatabilityId === 'string') {
      repeats.put(repeatabilityId, receipts);
      return reply(202, { receipts }, { 'repeatability-result': 'accepted' });
    }
    return reply(202, { receipts });
  },
});
