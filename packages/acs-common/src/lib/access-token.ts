/**
 * The one AccessToken guard, used for every token source: the constructor's token, a
 * `tokenRefresher` result, an Entra `TokenCredential` result and the bearer policy's credential.
 *
 * An expiry must be a date: a finite number of epoch milliseconds within the range of a
 * JavaScript `Date` (±8.64e15 ms). Anything else (NaN, ±Infinity, a JWT `exp` of 1e306) is
 * refused, never cached: every comparison with NaN is false and nothing is later than Infinity,
 * so such a token would otherwise be used for ever.
 */
import type { AccessToken } from './core-auth-types.js';

/**
 * The latest (and, negated, the earliest) time a JavaScript `Date` can hold, epoch milliseconds.
 *
 * @example
 * ```ts
 * new Date(DATE_RANGE_LIMIT_IN_MS).toISOString(); // '+275760-09-13T00:00:00.000Z'
 * ```
 */
export const DATE_RANGE_LIMIT_IN_MS = 8.64e15;

/**
 * Whether `value` is a time we can compute with: a finite number of epoch milliseconds within
 * the range of a `Date`.
 *
 * @example
 * ```ts
 * isTimestamp(Date.now()); // true
 * isTimestamp(Number.NaN); // false
 * isTimestamp(1e306 * 1000); // false (Infinity)
 * ```
 */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= DATE_RANGE_LIMIT_IN_MS;
}

/**
 * Whether `value` is an AccessToken we accept as is: an object with a non-empty string `token`
 * and an `expiresOnTimestamp` that is a date (see {@link isTimestamp}).
 *
 * @example
 * ```ts
 * isAccessToken({ token: 'eyJ…', expiresOnTimestamp: Date.now() + 3_600_000 }); // true
 * isAccessToken({ token: 'eyJ…', expiresOnTimestamp: Number.NaN }); // false
 * ```
 */
export function isAccessToken(value: unknown): value is AccessToken {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresOnTimestamp } = value as { token?: unknown; expiresOnTimestamp?: unknown };
  return typeof token === 'string' && token.length > 0 && isTimestamp(expiresOnTimestamp);
}

/**
 * What is wrong with a value that is not an AccessToken, for error messages. Never quotes the
 * token; numbers (the expiry) are shown.
 *
 * @example
 * ```ts
 * accessTokenProblem({ token: 'x', expiresOnTimestamp: Number.NaN });
 * // 'an AccessToken whose expiresOnTimestamp is NaN, not a date in epoch milliseconds'
 * ```
 */
export function accessTokenProblem(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const { token, expiresOnTimestamp } = value as { token?: unknown; expiresOnTimestamp?: unknown };
  if (typeof token !== 'string') return 'an object without a string token';
  if (token.length === 0) return 'an AccessToken with an empty token';
  const shown = typeof expiresOnTimestamp === 'number' ? String(expiresOnTimestamp) : typeof expiresOnTimestamp;
  return `an AccessToken whose expiresOnTimestamp is ${shown}, not a date in epoch milliseconds`;
}
