/**
 * Sends the exchange (the thin "send" shell of build → send → process): `fetch` with retries
 * and back-off. All decisions are in the pure modules: the request in exchange-request.ts, the
 * retry rules in retry-policy.ts, the response in exchange-response.ts.
 */
import type { Clock } from '../lib/clock.js';
import type { AbortSignalLike, AccessToken } from '../lib/core-auth-types.js';
import { AbortError } from '../lib/errors.js';
import type { FetchLike, FetchLikeResponse } from '../lib/fetch-types.js';
import { log } from '../lib/log.js';
import { redact } from '../lib/redact.js';
import { RestError } from '../signing/rest-error.js';
import type { ExchangeRequest } from './exchange-request.js';
import { exchangeFailure, readExchangedToken } from './exchange-response.js';
import { exchangeRetryDelayInMs, MAX_EXCHANGE_RETRIES, retryAfterInMs, shouldRetry } from './retry-policy.js';
import { sleep } from './sleep.js';

/**
 * How the exchange reaches the network and waits.
 *
 * @example
 * ```ts
 * const transport: ExchangeTransport = { fetch: undefined, clock: systemClock };
 * ```
 */
export interface ExchangeTransport {
  /** `undefined`: `globalThis.fetch`, looked up at call time. */
  readonly fetch: FetchLike | undefined;
  readonly clock: Clock;
}

type Attempt =
  | { readonly ok: true; readonly response: FetchLikeResponse; readonly bodyText: string }
  | { readonly ok: false; readonly error: unknown };

function abortError(signal: AbortSignalLike): AbortError {
  return new AbortError(undefined, { cause: signal.reason });
}

/** The endpoint without query, for log lines and messages. */
function describeUrl(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? url : url.slice(0, queryAt);
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return detail === '' ? error.message : `${error.message} (${detail})`;
}

/** One request, with the caller's signal linked to fetch's own (fetch needs a real AbortSignal). */
async function attempt(
  request: ExchangeRequest,
  send: FetchLike,
  signal: AbortSignalLike | undefined,
): Promise<Attempt> {
  const controller = signal === undefined ? undefined : new AbortController();
  const onAbort = () => controller?.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await send(request.url, {
      method: request.method,
      headers: { ...request.headers },
      body: request.body,
      ...(controller === undefined ? {} : { signal: controller.signal }),
    });
    const bodyText = await response.text();
    return { ok: true, response, bodyText };
  } catch (error) {
    return { ok: false, error };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Exchanges the Entra token in `request` for an ACS token. Retries 408, 429, 500, 502, 503, 504
 * and failures to send (at most 3 retries, exponential back-off, `Retry-After` honoured, waits on
 * `transport.clock`). Rejects with `AbortError` as soon as `signal` aborts, with a `RestError`
 * otherwise; `entraToken` is removed from every message (lib/redact.ts).
 *
 * @example
 * ```ts
 * const acsToken = await sendExchange(buildExchangeRequest(url, entraToken), { fetch: undefined, clock: systemClock }, entraToken);
 * ```
 */
export async function sendExchange(
  request: ExchangeRequest,
  transport: ExchangeTransport,
  entraToken: string,
  signal?: AbortSignalLike,
): Promise<AccessToken> {
  const where = describeUrl(request.url);
  const { clock } = transport;
  const backOff = async (retry: number, reason: string, serverDelayInMs: number | undefined) => {
    const delayInMs = exchangeRetryDelayInMs(retry, serverDelayInMs);
    log('info', `Entra exchange: ${reason}; retry ${retry + 1} of ${MAX_EXCHANGE_RETRIES} in ${delayInMs} ms.`);
    await sleep(clock, delayInMs, signal);
  };
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw abortError(signal);
    const send = transport.fetch ?? (globalThis.fetch as FetchLike | undefined);
    if (typeof send !== 'function') {
      throw new TypeError('AzureCommunicationTokenCredential: no fetch is available; pass one as the fetch option.');
    }
    const result = await attempt(request, send, signal);
    if (signal?.aborted) throw abortError(signal);

    if (!result.ok) {
      const cause = redact(describeCause(result.error), [entraToken], 300);
      log('verbose', `Entra exchange: POST ${where} not sent (${cause}).`);
      if (shouldRetry(retry, undefined)) {
        await backOff(retry, 'send failure', undefined);
        continue;
      }
      const error = new RestError(
        `Service request failed: could not send the token exchange request to ${where}: ${cause}`,
        { code: RestError.REQUEST_SEND_ERROR },
      );
      Object.defineProperty(error, 'cause', { value: result.error, writable: true, configurable: true });
      throw error;
    }

    const { response, bodyText } = result;
    log('verbose', `Entra exchange: POST ${where} → ${response.status}.`);
    if (response.status === 200) return readExchangedToken(bodyText, [entraToken]);
    if (shouldRetry(retry, response.status)) {
      await backOff(retry, `status ${response.status}`, retryAfterInMs(response.headers, clock.now()));
      continue;
    }
    throw exchangeFailure(
      {
        status: response.status,
        statusText: response.statusText,
        errorCodeHeader: response.headers.get('x-ms-error-code'),
        bodyText,
      },
      [entraToken],
    );
  }
}
