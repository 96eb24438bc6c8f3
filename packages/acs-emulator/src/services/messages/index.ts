import { defineService } from '../../host/service.js';
import { listNotifications } from './outbox-route.js';
import { sendNotification } from './send-route.js';
import { listTemplates } from './templates-route.js';

/**
 * Advanced Messages (`@azure-rest/communication-messages`): WhatsApp notifications (text, media,
 * template) with receipts, a captured outbox and delivery status events.
 *
 * @example
 * ```ts
 * export const SERVICES = [identity, chat, messages, …];
 * ```
 */
export const service = defineService({
  name: 'messages',
  apiVersions: ['2024-02-01', '2024-08-30'],
  collections: ['outbox', 'repeatability'],
  routes: [sendNotification, listTemplates, listNotifications],
});
