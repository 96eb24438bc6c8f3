import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import type { DeadLetter, PendingDelivery } from './dead-letter.js';
import { deleteSubscription } from './dispatcher.js';
import { runHandshake } from './handshake-client.js';
import { type EventSubscription, endpointProblem, fullEventType, subscriptionView } from './subscription.js';

/**
 * The emulator's Event Grid control plane (loopback only): create, list and delete subscriptions,
 * read the dead letters. Creating one runs its validation handshake first, as Event Grid does: the
 * answer is 201 once the endpoint agreed, or 400 saying why it did not (nothing is stored).
 */

const createBody = s.object({
  endpointUrl: s.string({ min: 1 }),
  schema: s.optional(s.literal('eventgrid', 'cloudevents')),
  includedEventTypes: s.optional(s.array(s.string({ min: 1 }))),
  maxDeliveryAttempts: s.optional(s.integer({ min: 1, max: 30 })),
});

/**
 * `POST /emulator/events/subscriptions`.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/events/subscriptions`, { method: 'POST', body: JSON.stringify({ endpointUrl: 'http://127.0.0.1:7071/events', schema: 'cloudevents' }) });
 * ```
 */
export const createSubscription = defineRoute({
  method: 'POST',
  path: '/emulator/events/subscriptions',
  auth: ['loopback'],
  apiVersions: null,
  body: createBody,
  async handle(request, ctx) {
    const problem = endpointProblem(request.body.endpointUrl);
    if (problem !== undefined) throw badRequest('InvalidRequest', problem, 'endpointUrl');
    const candidate = {
      endpointUrl: request.body.endpointUrl,
      schema: request.body.schema ?? 'eventgrid',
    } as const;
    const failure = await runHandshake(candidate, ctx.host);
    if (failure !== undefined) {
      throw badRequest('SubscriptionValidationFailed', `The subscription was not created: ${failure}.`, 'endpointUrl');
    }
    const subscription: EventSubscription = {
      id: randomUUID(),
      ...candidate,
      includedEventTypes: (request.body.includedEventTypes ?? []).map(fullEventType),
      ...(request.body.maxDeliveryAttempts === undefined
        ? {}
        : { maxDeliveryAttempts: request.body.maxDeliveryAttempts }),
      provisioningState: 'Succeeded',
      origin: 'route',
      createdAt: new Date(ctx.now()).toISOString(),
    };
    ctx.state.collection<EventSubscription>('events.subscriptions').put(subscription.id, subscription);
    return reply(201, subscriptionView(subscription));
  },
});

/**
 * `GET /emulator/events/subscriptions`.
 *
 * @example
 * ```ts
 * const { value } = await (await fetch(`${endpoint}emulator/events/subscriptions`)).json();
 * ```
 */
export const listSubscriptions = defineRoute({
  method: 'GET',
  path: '/emulator/events/subscriptions',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    return reply(200, {
      value: ctx.state.collection<EventSubscription>('events.subscriptions').values().map(subscriptionView),
    });
  },
});

/**
 * `DELETE /emulator/events/subscriptions/{subscriptionId}` (its pending deliveries go too).
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/events/subscriptions/${id}`, { method: 'DELETE' }); // 204
 * ```
 */
export const removeSubscription = defineRoute({
  method: 'DELETE',
  path: '/emulator/events/subscriptions/{subscriptionId}',
  auth: ['loopback'],
  apiVersions: null,
  handle(request, ctx) {
    const id = request.params.subscriptionId ?? '';
    if (!deleteSubscription(ctx, id))
      throw notFound('SubscriptionNotFound', `No event subscription has the id '${id}'.`);
    return reply(204);
  },
});

/**
 * `GET /emulator/events/dead-letters`: the events given up, oldest first (at most 1000).
 *
 * @example
 * ```ts
 * const { value } = await (await fetch(`${endpoint}emulator/events/dead-letters`)).json();
 * value[0].reason; // 'the endpoint answered 400 (not retried)'
 * ```
 */
export const listDeadLetters = defineRoute({
  method: 'GET',
  path: '/emulator/events/dead-letters',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    return reply(200, { value: ctx.state.collection<DeadLetter>('events.deadLetters').values() });
  },
});

/**
 * `GET /emulator/events/pending`: deliveries not yet settled (in flight or waiting for a retry).
 *
 * @example
 * ```ts
 * const { value } = await (await fetch(`${endpoint}emulator/events/pending`)).json();
 * ```
 */
export const listPendingDeliveries = defineRoute({
  method: 'GET',
  path: '/emulator/events/pending',
  auth: ['loopback'],
  apiVersions: null,
  handle(_request, ctx) {
    return reply(200, { value: ctx.state.collection<PendingDelivery>('events.pending').values() });
  },
});
