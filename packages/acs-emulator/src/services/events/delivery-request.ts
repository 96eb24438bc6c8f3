import { type BusEvent, toCloudEvent, toEventGridEvent } from './envelopes.js';
import type { EventSubscription } from './subscription.js';

/**
 * The HTTP request of a delivery, as Event Grid sends it: Event Grid schema — a JSON array with
 * the event, `aeg-event-type: Notification` and the `aeg-*` metadata headers; CloudEvents — the
 * event alone, `content-type: application/cloudevents+json; charset=utf-8`. The outbound queue
 * adds `aeg-delivery-count` (the attempts before this one) to each attempt.
 */

/** A request to send. */
export interface DeliveryRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Builds the request delivering `event` to `subscription`.
 *
 * @example
 * ```ts
 * deliveryRequest(subscription, event).headers['aeg-event-type']; // 'Notification' (Event Grid schema)
 * ```
 */
export function deliveryRequest(
  subscription: Pick<EventSubscription, 'id' | 'endpointUrl' | 'schema'>,
  event: BusEvent,
): DeliveryRequest {
  const common = { 'aeg-subscription-name': subscription.id.toUpperCase() };
  if (subscription.schema === 'cloudevents') {
    return {
      method: 'POST',
      url: subscription.endpointUrl,
      headers: { ...common, 'content-type': 'application/cloudevents+json; charset=utf-8' },
      body: JSON.stringify(toCloudEvent(event)),
    };
  }
  return {
    method: 'POST',
    url: subscription.endpointUrl,
    headers: {
      ...common,
      'content-type': 'application/json; charset=utf-8',
      'aeg-event-type': 'Notification',
      'aeg-data-version': event.dataVersion,
      'aeg-metadata-version': '1',
    },
    body: JSON.stringify([toEventGridEvent(event)]),
  };
}
