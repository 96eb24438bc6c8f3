import { randomUUID } from 'node:crypto';
import { isLoopbackHost } from 'acs-protocol';
import type { HostView } from '../../host/service.js';
import { validationEvent } from './envelopes.js';
import { cloudEventsHandshakeProblem, eventGridValidationProblem, WEBHOOK_REQUEST_ORIGIN } from './handshake.js';
import type { EventSubscription } from './subscription.js';

/**
 * Runs a subscription's validation handshake against its endpoint: Event Grid schema — POST the
 * SubscriptionValidationEvent (`aeg-event-type: SubscriptionValidation`) and read the echoed
 * code; CloudEvents — `OPTIONS` with `WebHook-Request-Origin` and read `WebHook-Allowed-Origin`.
 * Endpoints off loopback are refused unless named by `--callback-host`, like every delivery.
 *
 * @example
 * ```ts
 * const problem = await runHandshake(subscription, host); // undefined when the endpoint agreed
 * ```
 */
export async function runHandshake(
  subscription: Pick<EventSubscription, 'endpointUrl' | 'schema'>,
  host: Pick<HostView, 'options' | 'events' | 'now'>,
): Promise<string | undefined> {
  const { hostname } = new URL(subscription.endpointUrl);
  if (!isLoopbackHost(hostname) && !host.options.callbackHosts.includes(hostname.toLowerCase())) {
    return `host '${hostname}' is not loopback: add it with --callback-host ${hostname} to allow deliveries to it`;
  }
  const timeoutInMs = host.options.deliveryTimeoutInMs;
  const signal = AbortSignal.timeout(timeoutInMs);
  try {
    if (subscription.schema === 'cloudevents') {
      const response = await fetch(subscription.endpointUrl, {
        method: 'OPTIONS',
        headers: { 'webhook-request-origin': WEBHOOK_REQUEST_ORIGIN, 'webhook-request-rate': '120' },
        signal,
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      return cloudEventsHandshakeProblem(response.status, response.headers.get('webhook-allowed-origin') ?? undefined);
    }
    const validationCode = randomUUID();
    const event = validationEvent({
      id: randomUUID(),
      topic: host.events.topic,
      validationCode,
      eventTime: new Date(host.now()).toISOString(),
    });
    const response = await fetch(subscription.endpointUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'aeg-event-type': 'SubscriptionValidation',
        'aeg-data-version': '1',
        'aeg-metadata-version': '1',
      },
      body: JSON.stringify([event]),
      signal,
      redirect: 'manual',
    });
    return eventGridValidationProblem(response.status, await response.text(), validationCode);
  } catch (error) {
    if (signal.aborted) return `the endpoint did not answer the handshake within ${timeoutInMs} ms`;
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return `the handshake request failed: ${cause}`;
  }
}
