/**
 * The checks of the two subscription handshakes, as pure functions of the endpoint's answer:
 * Event Grid schema — the answer to the SubscriptionValidationEvent is 200 with
 * `{"validationResponse": "<the code>"}`; CloudEvents — the answer to `OPTIONS` with
 * `WebHook-Request-Origin: eventgrid.azure.net` is 2xx with `WebHook-Allowed-Origin` equal to that
 * origin or `*` (the CloudEvents webhook abuse protection).
 */

/** The origin Event Grid announces in the CloudEvents handshake. */
export const WEBHOOK_REQUEST_ORIGIN = 'eventgrid.azure.net';

/**
 * Why an Event Grid validation answer is not acceptable, or `undefined` when it is.
 *
 * @example
 * ```ts
 * eventGridValidationProblem(200, '{"validationResponse":"abc"}', 'abc'); // undefined
 * eventGridValidationProblem(200, '{}', 'abc'); // 'the endpoint did not echo the validation code …'
 * ```
 */
export function eventGridValidationProblem(status: number, body: string, validationCode: string): string | undefined {
  if (status !== 200) return `the endpoint answered ${status} to the SubscriptionValidationEvent (expected 200)`;
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return 'the endpoint answered the SubscriptionValidationEvent with a body that is not JSON';
  }
  const echoed = (answer as { validationResponse?: unknown } | null)?.validationResponse;
  if (echoed !== validationCode) {
    return 'the endpoint did not echo the validation code: answer {"validationResponse": data.validationCode}';
  }
  return undefined;
}

/**
 * Why a CloudEvents OPTIONS answer is not acceptable, or `undefined` when it is.
 *
 * @example
 * ```ts
 * cloudEventsHandshakeProblem(200, 'eventgrid.azure.net'); // undefined
 * cloudEventsHandshakeProblem(200, undefined); // 'the endpoint did not answer WebHook-Allowed-Origin …'
 * ```
 */
export function cloudEventsHandshakeProblem(status: number, allowedOrigin: string | undefined): string | undefined {
  if (status < 200 || status >= 300) return `the endpoint answered ${status} to the OPTIONS handshake (expected 2xx)`;
  const origins = (allowedOrigin ?? '').split(',').map((origin) => origin.trim().toLowerCase());
  if (!origins.includes(WEBHOOK_REQUEST_ORIGIN) && !origins.includes('*')) {
    return `the endpoint did not answer WebHook-Allowed-Origin: ${WEBHOOK_REQUEST_ORIGIN} (or *) to the OPTIONS handshake`;
  }
  return undefined;
}
