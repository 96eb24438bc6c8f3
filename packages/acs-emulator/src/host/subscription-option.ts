/**
 * The `--event-subscription` option's grammar, `URL[,schema=eventgrid|cloudevents][,types=A;B]`,
 * next to the option that uses it (host/options-schema.ts checks values with it); the events
 * service turns a parsed value into a subscription.
 */

/** The two delivery schemas. */
export type EventSchema = 'eventgrid' | 'cloudevents';

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
