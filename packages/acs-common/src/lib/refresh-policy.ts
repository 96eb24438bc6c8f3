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

/** A cached token with the moment we asked for it. Times are epoch milliseconds. */
export interface CachedToken<T extends { expiresOnTimestamp: number }> {
  readonly value: T;
  /** When the refresh that produced this token started (or construction time for an initial token). */
  readonly obtainedAt: number;
  /** When a background refresh is due; `Infinity` when background refresh is off. */
  readonly refreshAt: number;
}

/** What `getToken` should do now. */
export type Decision = 'use' | 'use-and-refresh-in-background' | 'wait-for-refresh';

/**
 * When the next background refresh of a token is due: `backgroundWindowInMs` before expiry, or
 * at half of the remaining lifetime once inside that window. A server hint
 * (`refreshAfterTimestamp`) earlier than that wins.
 */
export function backgroundRefreshAt(
  expiresOnTimestamp: number,
  nowInMs: number,
  backgroundWindowInMs: number,
  refreshAfterTimestamp?: number,
): number {
  const remainingInMs = expiresOnTimestamp - nowInMs;
  const scheduled =
    remainingInMs > backgroundWindowInMs ? expiresOnTimestamp - backgroundWindowInMs : nowInMs + remainingInMs / 2;
  return refreshAfterTimestamp !== undefined && Number.isFinite(refreshAfterTimestamp)
    ? Math.min(scheduled, refreshAfterTimestamp)
    : scheduled;
}

/** How long before expiry callers start waiting: the window, capped at half the observed lifetime. */
export function effectiveBlockingWindowInMs(
  expiresOnTimestamp: number,
  obtainedAt: number,
  blockingWindowInMs: number,
): number {
  const lifetimeInMs = expiresOnTimestamp - obtainedAt;
  return Math.max(0, Math.min(blockingWindowInMs, lifetimeInMs / 2));
}

/** Whether a token may still be handed out at all. */
export function isUnexpired(expiresOnTimestamp: number, nowInMs: number): boolean {
  return nowInMs < expiresOnTimestamp;
}

/**
 * The decision for a caller at `nowInMs`. A missing token, an expired one, or one inside the
 * blocking window means waiting; past the background point means using the token while a
 * refresh runs; anything else means using the token.
 */
export function decide<T extends { expiresOnTimestamp: number }>(
  cached: CachedToken<T> | undefined,
  nowInMs: number,
  blockingWindowInMs: number,
): Decision {
  if (cached === undefined) return 'wait-for-refresh';
  const expiresOn = cached.value.expiresOnTimestamp;
  const windowInMs = effectiveBlockingWindowInMs(expiresOn, cached.obtainedAt, blockingWindowInMs);
  if (nowInMs >= expiresOn - windowInMs) return 'wait-for-refresh';
  if (nowInMs >= cached.refreshAt) return 'use-and-refresh-in-background';
  return 'use';
}

/**
 * Delay before background retry number `attempt` (0-based) after a failure: 1 s doubling,
 * capped at `maxDelayInMs` and at the time left until expiry. `undefined` means stop retrying in
 * the background (the token has expired; the next `getToken` refreshes on demand).
 */
export function retryDelayInMs(
  attempt: number,
  expiresOnTimestamp: number | undefined,
  nowInMs: number,
  initialDelayInMs: number,
  maxDelayInMs: number,
): number | undefined {
  const exponential = Math.min(initialDelayInMs * 2 ** Math.min(attempt, 30), maxDelayInMs);
  if (expiresOnTimestamp === undefined) return exponential;
  const remainingInMs = expiresOnTimestamp - nowInMs;
  if (remainingInMs <= 0) return undefined;
  return Math.min(exponential, remainingInMs);
}
