import { defineRoute, reply } from '../../host/service.js';
import type { InboxSms } from './events.js';
import type { OutboxSms } from './send.js';

/**
 * `GET /emulator/sms/messages` (loopback only): what the resource sent (outbox) and received
 * (inbox), oldest first — what a test or the dashboard inspects instead of a phone.
 *
 * @example
 * ```ts
 * const { outbox, inbox } = await (await fetch(`${endpoint}emulator/sms/messages`)).json();
 * ```
 */
export const listSmsMessages = defineRoute({
  method: 'GET',
  path: '/emulator/sms/messages',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    return reply(200, {
      outbox: ctx.state.collection<OutboxSms>('sms.outbox').values(),
      inbox: ctx.state.collection<InboxSms>('sms.inbox').values(),
    });
  },
});
