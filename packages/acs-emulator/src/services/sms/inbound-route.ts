import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { type InboxSms, smsReceivedEvent } from './events.js';
import { isPhoneNumber, ownedNumbers } from './phone-numbers.js';
import { segmentCount } from './segments.js';
import { incomingMessageId } from './send.js';

/**
 * `POST /emulator/sms/inbound` (loopback only): a phone "texts" one of the resource's numbers.
 * The message lands in the inbox and raises `Microsoft.Communication.SMSReceived`.
 */

const inboundBody = s.object({
  from: s.string({ min: 1 }),
  to: s.optional(s.string({ min: 1 })),
  message: s.string({ max: 2048 }),
});

/**
 * The route. `to` defaults to the resource's first number.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/sms/inbound`, { method: 'POST', body: JSON.stringify({ from: '+14255550123', message: 'STOP' }) });
 * ```
 */
export const injectInboundSms = defineRoute({
  method: 'POST',
  path: '/emulator/sms/inbound',
  auth: ['loopback'],
  apiVersions: null,
  body: inboundBody,
  handle(request, ctx) {
    const { from, message } = request.body;
    if (!isPhoneNumber(from)) {
      throw badRequest('InvalidRequest', `from '${from}' is not an E.164 phone number (e.g. +14255550123).`, 'from');
    }
    const owned = ownedNumbers(ctx.options.phoneNumbers, ctx.state.collection('phone-numbers.numbers').values());
    const to = request.body.to ?? [...owned][0];
    if (to === undefined || !owned.has(to)) {
      throw notFound(
        'PhoneNumberNotFound',
        `to '${String(to)}' is not a number of this resource (its numbers: ${[...owned].join(', ') || 'none'}).`,
      );
    }
    const nowTimestamp = ctx.now();
    const sms: InboxSms = {
      messageId: incomingMessageId(nowTimestamp, randomUUID()),
      from,
      to,
      message,
      segmentCount: segmentCount(message),
      receivedAt: new Date(nowTimestamp).toISOString(),
    };
    ctx.state.collection<InboxSms>('sms.inbox').put(sms.messageId, sms);
    ctx.emit(smsReceivedEvent(sms));
    return reply(202, sms);
  },
});
