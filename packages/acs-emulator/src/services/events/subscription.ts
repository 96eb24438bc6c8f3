import { shownUrl } from '../../host/outbound.js';

/**
 * Event subscriptions of the resource: a webhook URL, a delivery schema, an optional event-type
 * filter and an attempt count. They come from the `--event-subscription` option
 * (`URL[,schema=eventgrid|cloudevents][,types=SMSReceived;ChatMessageReceived]`) or from
 * `POST /emulator/events/subscriptions`.
 */

/** The two delivery schemas. */
export type EventSchema = 'eventgrid' | 'cloudevents';

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

const PREFIX = 'Microsoft.Communication.';

/**
 * The full event type for a short or full name (`SMSReceived` → `Microsoft.Communication.SMSReceived`).
 *
 * @example
 * ```ts
 * fullEventType('ChatMessageReceived'); // 'Microsoft.Communication.ChatMessageReceived'
 * ```
 */
export function fullEventType(name: string): string {
  return name.includes('.') ? name : `${PREFIX}${name}`;
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
 * Checks a webhook URL: absolute http or https (http only makes sense on loopback, where the
 * emulator's receivers live; Event Grid itself requires https).
 *
 * @example
 * ```ts
 * endpointProblem('http://127.0.0.1:7071/api/events'); // undefined
 * endpointProblem('ftp://x'); // 'the endpoint URL must be http(s), not ftp'
 * ```
 */
export function endpointProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the endpoint URL is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `the endpoint URL must be http(s), not ${parsed.protocol.slice(0, -1)}`;
  }
  if (parsed.username !== '' || parsed.password !== '') return 'the endpoint URL must not carry credentials';
  return undefined;
}

/** A subscription as the option spells it, parsed. */
export interface SubscriptionSpec {
  readonly endpointUrl: string;
  readonly schema: EventSchema;
  readonly includedEventTypes: readonly string[];
}

/**
 * Parses an `--event-subscription` value. Throws a `TypeError` that says what is wrong.
 *
 * @example
 * ```ts
 * parseSubscriptionOption('http://127.0.0.1:7071/events,schema=cloudevents,types=SMSReceived;EmailDeliveryReportReceived');
 * // { endpointUrl: 'http://127.0.0.1:7071/events', schema: 'cloudevents', includedEventTypes: ['Microsoft.Communication.SMSReceived', …] }
 * ```
 */
export function parseSubscriptionOption(value: string): SubscriptionSpec {
  const [url = '', ...settings] = value.split(',');
  const problem = endpointProblem(url.trim());
  if (problem !== undefined) throw new TypeError(`--event-subscription: ${problem}`);
  let schema: EventSchema = 'eventgrid';
  let includedEventTypes: string[] = [];
  for (const setting of settings) {
    const [name, raw = ''] = setting.split('=', 2).map((part) => part.trim()) as [string, string?];
    if (name === 'schema') {
      if (raw !== 'eventgrid' && raw !== 'cloudevents') {
        throw new TypeError(`--event-subscription: schema must be eventgrid or cloudevents, not '${raw}'`);
      }
      schema = raw;
    } else if (name === 'types') {
      includedEventTypes = raw
        .split(';')
        .map((type) => type.trim())
        .filter((type) => type !== '')
        .map(fullEventType);
    } else {
      throw new TypeError(`--event-subscription: unknown setting '${name}' (known: schema, types)`);
    }
  }
  return { endpointUrl: url.trim(), schema, includedEventTypes };
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
