import { defineService } from '../../host/service.js';
import { startDispatcher } from './dispatcher.js';
import {
  createSubscription,
  listDeadLetters,
  listPendingDeliveries,
  listSubscriptions,
  removeSubscription,
} from './subscription-routes.js';

/**
 * Events: the resource's Event Grid events (everything any service emits on the host's bus)
 * delivered to webhook subscriptions in the Event Grid schema or CloudEvents 1.0.
 *
 * @example
 * ```ts
 * export const SERVICES = [identity, chat, sms, email, messages, events, …];
 * ```
 */
export const service = defineService({
  name: 'events',
  apiVersions: null,
  collections: ['subscriptions', 'pending', 'deadLetters'],
  routes: [createSubscription, listSubscriptions, removeSubscription, listDeadLetters, listPendingDeliveries],
  start: startDispatcher,
});
