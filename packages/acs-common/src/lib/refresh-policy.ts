/**
 * The refresh rules as pure functions of their inputs, time included. The engine
 * (refresh-engine.ts) is the only caller; tests drive these with vectors.
 *
 * Windows (SPEC §3, shared by all six official SDKs where they have them):
 * - background: a refresh starts `backgroundWindowInMs` (10 min) before expiry; a token that is
 *   already inside that window gets its next attempt at half of its remaining lifetime.
 * - blocking: callers wait for a refresh when less than `blockingWindowInMs` (2 min) remains, but
 *   never for more than half of the token's observed lifetime, so a 90-second token is not
 *   refreshed on every call.
 */

/** What `getToken` should do now: use the token, use it and refresh in the background, or wait for a refresh. */
export const USE = 0;
export const USE_AND_REFRESH_IN_BACKGROUND = 1;
export const WAIT_FOR_REFRESH = 2;
export type Decision = typeof USE | typeof USE_AND_REFRESH_IN_BACKGROUND | typeof WAIT_FOR_REFRESH;

/**
 * When the next background refresh of a token is due: `backgroundWindowInMs` before expiry, or
 * at half of the remaining lifetime once inside that window. Halving stops once a millisecond or less remains:
 * then the refresh is due at expiry, so a refresher that keeps returning the same token causes
 * about twenty refreshes, not a storm.
 */
export function backgroundRefreshAt(expiresOnTimestamp: number, nowInMs: number, backgroundWindowInMs: number): number {
  const remainingInMs = expiresOnTimestamp - nowInMs;
  if (remainingInMs > backgroundWindowInMs) return expiresOnTimestamp - backgroundWindowInMs;
  return remainingInMs > 1 ? nowInMs + remainingInMs / 2 : expiresOnTimestamp;
}

/**
 * The moment callers start waiting for a refresh: `blockingWindowInMs` before expiry, but never
 * more than half of the observed lifetime (`expiresOnTimestamp - obtainedAt`) before it.
 */
export function blockingPoint(expiresOnTimestamp: number, obtainedAt: number, blockingWindowInMs: number): number {
  return expiresOnTimestamp - Math.max(0, Math.min(blockingWindowInMs, (expiresOnTimestamp - obtainedAt) / 2));
}

/**
 * The decision for a caller at `nowInMs`, given the token's blocking point (`-Infinity` when
 * there is no token) and its background refresh point: past the blocking point (or no token,
 * or expired) means waiting; past `refreshAt` means using the token while a refresh runs;
 * anything else means using it.
 */
export function decide(blockingAt: number, refreshAt: number, nowInMs: number): Decision {
  if (nowInMs >= blockingAt) return WAIT_FOR_REFRESH;
  return nowInMs >= refreshAt ? USE_AND_REFRESH_IN_BACKGROUND : USE;
}

/** First background retry delay after a failure; doubles per attempt up to RETRY_MAX_DELAY_IN_MS. */
export const RETRY_INITIAL_DELAY_IN_MS = 1000;
export const RETRY_MAX_DELAY_IN_MS = 60_000;

/**
 * Delay before background retry number `attempt` (0-based) after a failure: 1 s doubling, capped at 60 s and at the time left until expiry. `undefined` means stop
 * retrying in the background (the token has expired; the next `getToken` refreshes on demand).
 */
export function retryDelayInMs(
  attempt: number,
  expiresOnTimestamp: number | undefined,
  nowInMs: number,
): number | undefined {
  const exponential = Math.min(RETRY_INITIAL_DELAY_IN_MS * 2 ** Math.min(attempt, 30), RETRY_MAX_DELAY_IN_MS);
  if (expiresOnTimestamp === undefined) return exponential;
  const remainingInMs = expiresOnTimestamp - nowInMs;
  return remainingInMs > 0 ? Math.min(exponential, remainingInMs) : undefined;
}
