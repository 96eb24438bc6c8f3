import { defineRoute, reply } from '../../host/service.js';
import type { OutboxEmail } from './message.js';
import type { EmailOperation } from './operation.js';

/**
 * `GET /emulator/email/messages` (loopback only): the captured mail, oldest first, each with its
 * operation status.
 *
 * @example
 * ```ts
 * const { value } = await (await fetch(`${endpoint}emulator/email/messages`)).json();
 * value[0].subject;
 * ```
 */
export const listEmailMessages = defineRoute({
  method: 'GET',
  path: '/emulator/email/messages',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    const operations = ctx.state.collection<EmailOperation>('email.operations');
    const value = ctx.state
      .collection<OutboxEmail>('email.outbox')
      .values()
      .map((mail) => ({ ...mail, status: operations.get(mail.id)?.status ?? 'Succeeded' }));
    return reply(200, { value });
  },
});
