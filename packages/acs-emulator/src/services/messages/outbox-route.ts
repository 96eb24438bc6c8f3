import { defineRoute, reply } from '../../host/service.js';
import type { OutboxNotification } from './send-route.js';

/**
 * `GET /emulator/messages/outbox` (loopback only): the captured notifications, oldest first.
 *
 * @example
 * ```ts
 * const { value } = await (await fetch(`${endpoint}emulator/messages/outbox`)).json();
 * ```
 */
export const listNotifications = defineRoute({
  method: 'GET',
  path: '/emulator/messages/outbox',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    return reply(200, { value: ctx.state.collection<OutboxNotification>('messages.outbox').values() });
  },
});
