/**
 * The one back-off rule: a delay that doubles with each attempt from an initial value, capped at
 * {@link RETRY_MAX_DELAY_IN_MS}. Background token refreshes start at 1 s (SPEC §3), the Entra
 * exchange at 0.8 s (the Azure Core default retry policy that 2.5.0 and .NET use). No jitter, so
 * tests with a manual clock are exact.
 */

/**
 * The longest wait between two attempts, for every retry in the library (also the cap on a
 * server's `Retry-After`).
 *
 * @example
 * ```ts
 * backOffDelayInMs(20, 1000) === RETRY_MAX_DELAY_IN_MS; // true
 * ```
 */
export const RETRY_MAX_DELAY_IN_MS = 60_000;

/**
 * First retry delay of a failed background refresh of a token.
 *
 * @example
 * ```ts
 * backOffDelayInMs(0, BACKGROUND_REFRESH_INITIAL_DELAY_IN_MS); // 1000
 * ```
 */
export const BACKGROUND_REFRESH_INITIAL_DELAY_IN_MS = 1000;

/**
 * First retry delay of the Entra exchange request.
 *
 * @example
 * ```ts
 * backOffDelayInMs(2, EXCHANGE_RETRY_INITIAL_DELAY_IN_MS); // 3200
 * ```
 */
export const EXCHANGE_RETRY_INITIAL_DELAY_IN_MS = 800;

/**
 * The delay before retry number `attempt` (0-based): `initialDelayInMs × 2^attempt`, at most
 * {@link RETRY_MAX_DELAY_IN_MS}.
 *
 * @example
 * ```ts
 * [0, 1, 2, 10].map((attempt) => backOffDelayInMs(attempt, 1000)); // [1000, 2000, 4000, 60000]
 * ```
 */
export function backOffDelayInMs(attempt: number, initialDelayInMs: number): number {
  return Math.min(initialDelayInMs * 2 ** Math.min(Math.max(0, attempt), 30), RETRY_MAX_DELAY_IN_MS);
}
