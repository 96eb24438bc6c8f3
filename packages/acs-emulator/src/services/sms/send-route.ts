import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { deliveryReportEvent } from './events.js';
import { ownedNumbers } from './phone-numbers.js';
import { type OutboxSms, planSmsSend, type SmsSendResultItem } from './send.js';

/** `POST /sms` (Sms_Send): one result per recipient, messages to the outbox, delivery reports on request. */

const recipient = s.object({
  to: s.string(),
  repeatabilityRequestId: s.optional(s.string()),
  repeatabilityFirstSent: s.optional(s.string()),
});

const sendBody = s.object({
  from: s.string({ min: 1 }),
  smsRecipients: s.array(recipient, { min: 1, max: 100 }),
  message: s.string({ max: 2048 }),
  smsSendOptions: s.optional(
    s.object({
      enableDeliveryReport: s.boolean(),
      tag: s.optional(s.string()),
      validityPeriodSeconds: s.optional(s.integer({ min: 1 })),
    }),
  ),
});

/**
 * The route.
 *
 * @example
 * ```ts
 * await new SmsClient(connectionString).send({ from: '+18005550100', to: ['+14255550123'], message: 'Hi' });
 * ```
 */
export const sendSms = defineRoute({
  method: 'POST',
  path: '/sms',
  auth: ['hmac', 'entraAdmin'],
  body: sendBody,
  handle(request, ctx) {
    const nowTimestamp = ctx.now();
    const repeats = ctx.state.collection<SmsSendResultItem>('sms.repeatability');
    const plan = planSmsSend(request.body, {
      owned: ownedNumbers(ctx.options.phoneNumbers, ctx.state.collection('phone-numbers.numbers').values()),
      nowTimestamp,
      newUuid: randomUUID,
      previousResult: (id) => repeats.get(id),
    });
    if (plan.kind === 'refused') {
      const { status, code, message, target } = plan.refusal;
      throw new ServiceError(status, code, message, { target });
    }
    const outbox = ctx.state.collection<OutboxSms>('sms.outbox');
    for (const sms of plan.sent) {
      outbox.put(sms.messageId, sms);
      if (sms.enableDeliveryReport) ctx.emit(deliveryReportEvent(sms, nowTimestamp));
    }
    for (const [id, item] of plan.repeatability) repeats.put(id, item);
    return reply(202, { value: plan.items });
  },
});
