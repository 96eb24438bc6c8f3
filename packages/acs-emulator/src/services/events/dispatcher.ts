import { createHash } from 'node:crypto';
import type { ResourceEvent } from '../../host/events.js';
import type { DeliveryRecord } from '../../host/outbound.js';
import type { HostView, RequestContext } from '../../host/service.js';
import { type DeadLetter, deliveryKey, overflow, type PendingDelivery } from './dead-letter.js';
import { deliveryRequest } from './delivery-request.js';
import { runHandshake } from './handshake-client.js';
import {
  type EventSubscription,
  endpointBaseUrl,
  NOT_RETRIED_STATUSES,
  parseSubscriptionOption,
  wantsEvent,
} from './subscription.js';

/**
 * Delivers the resource's events to its subscriptions, at least once: every event a subscription
 * wants is first recorded in `events.pending` (durably), then handed to the host's outbound queue
 * (timeout, back-off, no retry on 400/401/403/413); settled deliveries leave `events.pending`,
 * dead ones go to the bounded `events.deadLetters`. Pending deliveries of a previous run are sent
 * again at start. Nothing here runs inside a request: a slow receiver slows nobody.
 */

const SUBSCRIPTIONS = 'events.subscriptions';
const PENDING = 'events.pending';
const DEAD_LETTERS = 'events.deadLetters';

/**
 * The id of a subscription given by option: stable across restarts for the same value.
 *
 * @example
 * ```ts
 * optionSubscriptionId('http://127.0.0.1:7071/events'); // 'option-3f2a…'
 * ```
 */
export function optionSubscriptionId(value: string): string {
  return `option-${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
}

/**
 * Starts the dispatcher; returns its stop function.
 *
 * @example
 * ```ts
 * start(host) { return startDispatcher(host); }
 * ```
 */
export function startDispatcher(host: HostView): () => void {
  const inFlight = new Set<string>();
  let stopped = false;

  const subscriptions = (): EventSubscription[] => [...host.store.read(SUBSCRIPTIONS).values()] as EventSubscription[];

  const settle = (key: string, record: DeliveryRecord): void => {
    inFlight.delete(key);
    if (stopped) return;
    void host
      .transaction('events', (ctx) => {
        const pending = ctx.state.collection<PendingDelivery>(PENDING);
        const delivery = pending.get(key);
        if (delivery === undefined) return;
        pending.delete(key);
        if (record.status === 'dead') {
          const last = record.attempts[record.attempts.length - 1];
          putDeadLetter(ctx, key, {
            ...delivery,
            reason: record.reason ?? 'not delivered',
            attempts: record.attempts.length,
            ...(last?.statusCode === undefined ? {} : { lastStatusCode: last.statusCode }),
            deadLetteredAt: new Date(ctx.now()).toISOString(),
          });
        }
      })
      .catch((error: unknown) => host.log(`events: settling ${key} failed: ${message(error)}`));
  };

  const send = (subscription: EventSubscription, key: string, delivery: PendingDelivery): void => {
    if (stopped || inFlight.has(key)) return;
    inFlight.add(key);
    const request = deliveryRequest(subscription, delivery.event);
    host.outbound.enqueue({
      url: request.url,
      body: request.body,
      headers: request.headers,
      label: `${delivery.event.type} → ${endpointBaseUrl(subscription.endpointUrl)}`,
      kind: 'event',
      maxAttempts: subscription.maxDeliveryAttempts ?? host.options.deliveryMaxAttempts,
      noRetryStatuses: NOT_RETRIED_STATUSES,
      attemptCountHeader: 'aeg-delivery-count',
      onSettled: (record) => settle(key, record),
    });
  };

  const sendPendingOf = (subscription: EventSubscription): void => {
    for (const [key, delivery] of host.store.read(PENDING)) {
      const pending = delivery as PendingDelivery;
      if (pending.subscriptionId === subscription.id) send(subscription, key, pending);
    }
  };

  const timers = new Set<ReturnType<typeof setTimeout>>();

  // A subscription given by option may name a receiver that starts after the emulator: its
  // handshake is retried on the delivery back-off (events wait) before it counts as failed.
  const validate = (subscription: EventSubscription, attempt = 1): void => {
    void runHandshake(subscription, host)
      .then((problem) => {
        if (stopped) return;
        if (problem !== undefined && attempt < host.options.deliveryMaxAttempts) {
          host.log(`events: subscription ${subscription.id} not validated yet (${problem}); trying again`);
          const delayInMs = Math.min(60_000, host.options.deliveryRetryDelayInMs * 2 ** (attempt - 1));
          const timer = setTimeout(() => {
            timers.delete(timer);
            validate(subscription, attempt + 1);
          }, delayInMs);
          timer.unref();
          timers.add(timer);
          return;
        }
        return host
          .transaction('events', (ctx) => {
            const stored = ctx.state.collection<EventSubscription>(SUBSCRIPTIONS);
            const current = stored.get(subscription.id);
            if (current === undefined || stopped) return;
            if (problem === undefined) {
              stored.put(current.id, { ...current, provisioningState: 'Succeeded' });
              return;
            }
            host.log(
              `events: subscription ${current.id} (${endpointBaseUrl(current.endpointUrl)}) failed validation: ${problem}`,
            );
            const { validationError: _previous, ...rest } = current;
            stored.put(current.id, { ...rest, provisioningState: 'Failed', validationError: problem });
            const pending = ctx.state.collection<PendingDelivery>(PENDING);
            for (const key of pending.keys()) {
              const delivery = pending.get(key) as PendingDelivery;
              if (delivery.subscriptionId !== current.id) continue;
              pending.delete(key);
              putDeadLetter(ctx, key, {
                ...delivery,
                reason: `the subscription failed validation: ${problem}`,
                attempts: 0,
                deadLetteredAt: new Date(ctx.now()).toISOString(),
              });
            }
          })
          .then(() => {
            const current = host.store.read(SUBSCRIPTIONS).get(subscription.id) as EventSubscription | undefined;
            if (current?.provisioningState === 'Succeeded') sendPendingOf(current);
          });
      })
      .catch((error: unknown) => host.log(`events: validating ${subscription.id} failed: ${message(error)}`));
  };

  /** Which subscriptions want an event, with the key and record of each delivery. */
  const deliveriesOf = (event: ResourceEvent) =>
    subscriptions()
      .filter((subscription) => subscription.provisioningState !== 'Failed' && wantsEvent(subscription, event.type))
      .map((subscription) => ({
        subscription,
        key: deliveryKey(subscription.id, event.id),
        delivery: { subscriptionId: subscription.id, event, createdAt: event.eventTime } satisfies PendingDelivery,
      }));

  // The pending deliveries are written inside the transaction that emitted the event, so they are
  // durable exactly when the request that caused them is: at least once, even across a SIGKILL
  // right after the reply. Once that commit is durable the bus publishes the event and it is sent.
  /** Whether a subscription (not failed) takes events of this type. */
  const subscribed = (type: string): boolean => {
    for (const subscription of host.store.read(SUBSCRIPTIONS).values() as Iterable<EventSubscription>) {
      if (subscription.provisioningState !== 'Failed' && wantsEvent(subscription, type)) return true;
    }
    return false;
  };

  const removeRecorder = host.events.record(
    'events',
    (event, state) => {
      const pending = state.collection<PendingDelivery>(PENDING);
      for (const { key, delivery } of deliveriesOf(event)) pending.put(key, delivery);
    },
    // Without a subscription for the type, nothing is recorded (or built: see EventBus.wants).
    subscribed,
  );

  const onEvent = (event: ResourceEvent): void => {
    for (const { subscription, key, delivery } of deliveriesOf(event)) {
      if (subscription.provisioningState === 'Succeeded') send(subscription, key, delivery);
    }
  };

  const removeListener = host.events.on(onEvent, subscribed);

  // Subscriptions given by option: add new ones, drop those no longer given, validate.
  void host
    .transaction('events', (ctx) => {
      const stored = ctx.state.collection<EventSubscription>(SUBSCRIPTIONS);
      const wanted = new Map(host.options.eventSubscriptions.map((value) => [optionSubscriptionId(value), value]));
      for (const subscription of stored.values()) {
        if (subscription.origin === 'option' && !wanted.has(subscription.id)) deleteSubscription(ctx, subscription.id);
      }
      for (const [id, value] of wanted) {
        const existing = stored.get(id);
        if (existing?.provisioningState === 'Failed') {
          // Failed at an earlier start (its receiver was down): validate it again.
          const { validationError: _previous, ...rest } = existing;
          stored.put(id, { ...rest, provisioningState: 'AwaitingValidation' });
        }
        if (existing !== undefined) continue;
        const spec = parseSubscriptionOption(value);
        stored.put(id, {
          id,
          ...spec,
          provisioningState: 'AwaitingValidation',
          origin: 'option',
          createdAt: new Date(ctx.now()).toISOString(),
        });
      }
    })
    .then(() => {
      for (const subscription of subscriptions()) {
        if (subscription.provisioningState === 'AwaitingValidation') validate(subscription);
        else if (subscription.provisioningState === 'Succeeded') sendPendingOf(subscription);
      }
    })
    .catch((error: unknown) => host.log(`events: starting failed: ${message(error)}`));

  return () => {
    stopped = true;
    removeListener();
    removeRecorder();
    for (const timer of timers) clearTimeout(timer);
  };
}

/**
 * Deletes a subscription and the deliveries still pending for it.
 *
 * @example
 * ```ts
 * deleteSubscription(ctx, 'sub-1'); // true if it existed
 * ```
 */
export function deleteSubscription(ctx: RequestContext, id: string): boolean {
  const pending = ctx.state.collection<PendingDelivery>(PENDING);
  for (const key of pending.keys()) if (key.startsWith(`${id}/`)) pending.delete(key);
  return ctx.state.collection<EventSubscription>(SUBSCRIPTIONS).delete(id);
}

/**
 * Stores a dead letter and drops the oldest beyond the bound.
 *
 * @example
 * ```ts
 * putDeadLetter(ctx, key, letter);
 * ```
 */
export function putDeadLetter(ctx: RequestContext, key: string, letter: DeadLetter): void {
  const letters = ctx.state.collection<DeadLetter>(DEAD_LETTERS);
  letters.put(key, letter);
  for (const old of overflow(letters.keys())) letters.delete(old);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
