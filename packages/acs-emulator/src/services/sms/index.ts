import { defineService } from '../../host/service.js';
import { injectInboundSms } from './inbound-route.js';
import { listSmsMessages } from './messages-route.js';
import { sendSms } from './send-route.js';

/**
 * SMS (`@azure/communication-sms`): send from the resource's numbers with per-recipient results,
 * a captured outbox, delivery reports and injected inbound messages.
 *
 * @example
 * ```ts
 * export const SERVICES = [identity, chat, sms, …];
 * ```
 */
export const service = defineService({
  name: 'sms',
  apiVersions: ['2021-03-07'],
  collections: ['outbox', 'inbox', 'repeatability'],
  routes: [sendSms, injectInboundSms, listSmsMessages],
});
