import { shownUrl } from '../../host/outbound.js';
import {
  type EventSchema,
  endpointProblem,
  fullEventType,
  parseSubscriptionOption,
  type SubscriptionSpec,
} from '../../host/subscription-option.js';

export { type EventSchema, endpointProblem, fullEventType, parseSubscriptionOption, type SubscriptionSpec };

/**
 * Event subscriptions of the resource: a webhook URL, a delivery schema, an optional event-type
 * filter and an attempt count. They come from the `--event-subscription` option
 * (`URL[,schema=eventgrid|cloudevents][,types=SMSReceived;ChatMessageReceived]`) or from
 * `POST /emulator/events/subscriptions`.
 */

/**
 * The statuses Event Grid does not retry for a webhook: configuration errors that no retry fixes
 * (the delivery is dead-lettered at once). Every other failure is retried with back-off.
 */
export const NOT_RETRIED_STATUSES: readonly number[] = [400, 401, 403, 413];

/** A subscription as stored. */
export interface EventSubscription {
  readonly id: string;
  readonly endpointUrl: string;
  readonly schema: EventSchema;
  /** Full event types (`Microsoft.Communication.SMSReceived`); empty: every type. */
  readonly includedEventTypes: readonly string[];
  /** Attempts per event, the first included (Event Grid: 1 to 30); default the `deliveryMaxAttempts` option. */
  readonly maxDeliveryAttempts?: number;
  /** `AwaitingValidation` until the handshake succeeded; `Failed` when it did not. */
  readonly provisioningState: 'AwaitingValidation' | 'Succeeded' | 'Failed';
  readonly validationError?: string;
  /** Where it came from. */
  readonly origin: 'option' | 'route';
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * Whether the subscription wants an event of this type (Event Grid compares case-insensitively).
 *
 * @example
 * ```ts
 * wantsEvent({ includedEventTypes: ['Microsoft.Communication.SMSReceived'] }, 'Microsoft.Communication.smsreceived'); // true
 * ```
 */
export function wantsEvent(subscription: Pick<EventSubscription, 'includedEventTypes'>, type: string): boolean {
  if (subscription.includedEventTypes.length === 0) return true;
  const lower = type.toLowerCase();
  return subscription.includedEventTypes.some((included) => included.toLowerCase() === lower);
}

/**
 * The endpoint without its query (Event Grid's `endpointBaseUrl`): webhook URLs often carry a key
 * in the query (`?code=…` of an Azure Function), which is never shown, logged or labelled.
 *
 * @example
 * ```ts
 * endpointBaseUrl('http://127.0.0.1:7071/api/events?code=secret'); // 'http://127.0.0.1:7071/api/events'
 * ```
 */
export function endpointBaseUrl(url: string): string {
  return shownUrl(url);
}

/**
 * A subscription as the routes show it: `endpointBaseUrl` instead of the full `endpointUrl`.
 *
 * @example
 * ```ts
 * subscriptionView(subscription).endpointBaseUrl;
 * ```
 */
export function subscriptionView(
  subscription: EventSubscription,
): Omit<EventSubscription, 'endpointUrl'> & { endpointBaseUrl: string } {
  const { endpointUrl, ...rest } = subscription;
  return { ...rest, endpointBaseUrl: endpointBaseUrl(endpointUrl) };
}
