/**
 * The refresh rules as pure functions of their inputs, time included. The engine
 * (refresh-engine.ts) is the only caller; tests drive these with vectors. The numbers (windows
 * per token kind) are in refresh-windows.ts, the back-off rule in back-off.ts.
 *
 * - background: a refresh starts `backgroundWindowInMs` before expiry; a token that is already
 *   inside that window gets its next attempt at half of its remaining lifetime.
 * - blocking: callers wait for a refresh when less than `blockingWindowInMs` remains, but never
 *   for more than half of the token's lifetime, so a 90-second token is not refreshed on every
 *   call.
 */
import { BACKGROUND_REFRESH_INITIAL_DELAY_IN_MS, backOffDelayInMs } from './back-off.js';

/** What `getToken` should do now: use the token, use it and refresh in the background, or wait for a refresh. */
export const USE = 0;
export const USE_AND_REFRESH_IN_BACKGROUND = 1;
export const WAIT_FOR_REFRESH = 2;
export type Decision = typeof USE | typeof USE_AND_REFRESH_IN_BACKGROUND | typeof WAIT_FOR_REFRESH;

/**
 * When the next background refresh of a token is due: `backgroundWindowInMs` before expiry, or
 * at half of the remaining lifetime once inside that window. Halving stops once a millisecond or
 * less remains: then the refresh is due at expiry, so a refresher that keeps returning the same
 * token causes about twenty refreshes, not a storm.
 */
export function backgroundRefreshAt(expiresOnTimestamp: number, nowInMs: number, backgroundWindowInMs: number): number {
  const remainingInMs = expiresOnTimestamp - nowInMs;
  if (remainingInMs > backgroundWindowInMs) return expiresOnTimestamp - backgroundWindowInMs;
  return remainingInMs > 1 ? nowInMs + remainingInMs / 2 : expiresOnTimestamp;
}

/**
 * When a token's lifetime started, for the half-lifetime cap: its issue time (JWT `iat`, epoch
 * milliseconds) when that is before its expiry, else `obtainedAt` (when the refresh that produced
 * it started), else `undefined` (an initial token that does not say: its lifetime is unknown).
 *
 * @example
 * ```ts
 * lifetimeStart(expiresOn, iatInSeconds * 1000, refreshStartedAt); // the iat, when it is before expiresOn
 * ```
 */
export function lifetimeStart(
  expiresOnTimestamp: number,
  issuedAt: number | undefined,
  obtainedAt: number | undefined,
): number | undefined {
  return issuedAt !== undefined && issuedAt < expiresOnTimestamp ? issuedAt : obtainedAt;
}

/**
 * The moment callers start waiting for a refresh: `blockingWindowInMs` before expiry, but never
 * more than half of the lifetime (`expiresOnTimestamp - startedAt`) before it. Without a known
 * start (`undefined`) the whole window applies.
 */
export function blockingPoint(
  expiresOnTimestamp: number,
  startedAt: number | undefined,
  blockingWindowInMs: number,
): number {
  if (startedAt === undefined) return expiresOnTimestamp - blockingWindowInMs;
  return expiresOnTimestamp - Math.max(0, Math.min(blockingWindowInMs, (expiresOnTimestamp - startedAt) / 2));
}

/**
 * The decision for a caller at `nowInMs`, given the token's blocking point (`-Infinity` when
 * there is no token) and its background refresh point: past the blocking point (or no token,
 * or expired) means waiting; past `refreshAt` means using the token while a refresh runs;
 * anything else means using it. A time that compares with nothing (NaN) means waiting, so the
 * caller reaches the engine's slow path, which reports the broken clock.
 */
export function decide(blockingAt: number, refreshAt: number, nowInMs: number): Decision {
  if (!(nowInMs < blockingAt)) return WAIT_FOR_REFRESH;
  return nowInMs >= refreshAt ? USE_AND_REFRESH_IN_BACKGROUND : USE;
}

/**
 * Delay before background retry number `attempt` (0-based) after a failure: the back-off of
 * back-off.ts from 1 s (1 s doubling, at most 60 s), also capped at the time left until expiry.
 * `undefined` means stop retrying in the background (the token has expired; the next `getToken`
 * refreshes on demand).
 */
export function retryDelayInMs(
  attempt: number,
  expiresOnTimestamp: number | undefined,
  nowInMs: number,
): number | undefined {
  const exponential = backOffDelayInMs(attempt, BACKGROUND_REFRESH_INITIAL_DELAY_IN_MS);
  if (expiresOnTimestamp === undefined) return exponential;
  const remainingInMs = expiresOnTimestamp - nowInMs;
  return remainingInMs > 0 ? Math.min(exponential, remainingInMs) : undefined;
}
