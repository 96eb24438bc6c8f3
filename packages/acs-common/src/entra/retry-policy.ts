/**
 * When the exchange is retried and how long it waits: pure functions of the attempt, the status
 * and the response headers (time included), like the Azure Core default retry policy that
 * 2.5.0 and .NET use: 3 retries, exponential from 0.8 s, at most 60 s, `Retry-After` honoured.
 * No jitter, so tests with a manual clock are exact; one credential makes one request at a time.
 */
import { backOffDelayInMs, EXCHANGE_RETRY_INITIAL_DELAY_IN_MS, RETRY_MAX_DELAY_IN_MS } from '../lib/back-off.js';
import type { HeaderReader } from '../lib/fetch-types.js';

/**
 * Statuses worth another attempt: timeout, throttling and transient server errors.
 *
 * @example
 * ```ts
 * RETRYABLE_STATUS_CODES.has(503); // true
 * ```
 */
export const RETRYABLE_STATUS_CODES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Retries after the first attempt (so at most 4 requests).
 *
 * @example
 * ```ts
 * const maxRequests = MAX_EXCHANGE_RETRIES + 1; // 4
 * ```
 */
export const MAX_EXCHANGE_RETRIES = 3;

/**
 * First back-off delay; doubles per retry (the one back-off rule of lib/back-off.ts).
 *
 * @example
 * ```ts
 * RETRY_BASE_DELAY_IN_MS * 2 ** 2; // the wait before the third retry: 3200
 * ```
 */
export const RETRY_BASE_DELAY_IN_MS: number = EXCHANGE_RETRY_INITIAL_DELAY_IN_MS;

export { RETRY_MAX_DELAY_IN_MS } from '../lib/back-off.js';

/** A non-negative decimal number, as the retry headers carry. */
const NUMBER = /^\d+(?:\.\d+)?$/;
const HTTP_DATE_START = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i;

/**
 * The server's requested wait in milliseconds, or `undefined` when it asked for none:
 * `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds), then `Retry-After` (delta-seconds or
 * an HTTP-date). A date in the past means no wait.
 *
 * @example
 * ```ts
 * retryAfterInMs(new Headers({ 'retry-after': '2' }), Date.now()); // 2000
 * ```
 */
export function retryAfterInMs(headers: HeaderReader, nowInMs: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = headers.get(name)?.trim();
    if (value !== undefined && NUMBER.test(value)) return Number(value);
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;
  if (NUMBER.test(retryAfter)) return Number(retryAfter) * 1000;
  // IMF-fixdate and the two obsolete HTTP-date forms all start with a day name; anything else
  // (a negative number, a bare year) is not a date here, whatever Date.parse makes of it.
  if (!HTTP_DATE_START.test(retryAfter)) return undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowInMs);
}

/**
 * The wait before retry number `retry` (0-based): the server's `Retry-After` when given,
 * otherwise 0.8 s × 2^retry; both capped at 60 s.
 *
 * @example
 * ```ts
 * exchangeRetryDelayInMs(0, undefined); // 800
 * exchangeRetryDelayInMs(2, undefined); // 3200
 * exchangeRetryDelayInMs(0, 120_000); // 60000
 * ```
 */
export function exchangeRetryDelayInMs(retry: number, serverDelayInMs: number | undefined): number {
  if (serverDelayInMs === undefined) return backOffDelayInMs(retry, EXCHANGE_RETRY_INITIAL_DELAY_IN_MS);
  return Math.min(Math.max(0, serverDelayInMs), RETRY_MAX_DELAY_IN_MS);
}

/**
 * Whether another attempt is allowed after `retry` retries for this status (`undefined`: the
 * request could not be sent).
 *
 * @example
 * ```ts
 * shouldRetry(0, 503); // true
 * shouldRetry(3, 503); // false: that was the fourth attempt
 * shouldRetry(0, 401); // false
 * ```
 */
export function shouldRetry(retry: number, status: number | undefined): boolean {
  if (retry >= MAX_EXCHANGE_RETRIES) return false;
  return status === undefined || RETRYABLE_STATUS_CODES.has(status);
}
