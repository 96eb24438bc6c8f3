import { abortable } from './abortable.js';
import type { Clock } from './clock.js';
import { MAX_TIMER_DELAY_IN_MS } from './clock.js';
import type { AbortSignalLike, AccessToken } from './core-auth-types.js';
import { AcsError, abortedBy, disposedError } from './errors.js';
import { log } from './log.js';
import {
  backgroundRefreshAt,
  blockingPoint,
  decide,
  retryDelayInMs,
  USE_AND_REFRESH_IN_BACKGROUND,
  WAIT_FOR_REFRESH,
} from './refresh-policy.js';

/**
 * How an engine refreshes: windows, texts, clock and error hook. One object is shared by every
 * engine configured the same way (so a credential does not carry its own copy). Times are
 * milliseconds.
 */
export interface RefreshPolicy<T extends AccessToken> {
  /** Callers wait for a refresh when less than this remains (capped at half the observed lifetime). */
  readonly blockingWindowInMs: number;
  /**
   * Refresh in the background this long before expiry (half the remaining lifetime once
   * inside). `undefined`: no background refresh.
   */
  readonly backgroundWindowInMs?: number | undefined;
  /** Also arm a timer for the background point (proactive refresh). Needs `backgroundWindowInMs`. */
  readonly proactiveTimer?: boolean | undefined;
  /** Error message when a refresh yields a token that has already expired. */
  readonly expiredResultMessage: string;
  /** Name used in log lines. */
  readonly name: string;
  /** Turns what `refresh` resolved to into a token (for example, parses a JWT). Default: as is. */
  readonly normalize?: ((value: unknown, nowInMs: number) => T) | undefined;
  /** Time and timers. */
  readonly clock: Clock;
  /** Told about every failed background refresh. */
  readonly onRefreshError?: ((error: unknown) => void) | undefined;
}

/** What one engine needs of its own. */
export interface RefreshEngineOptions<T extends AccessToken> {
  /**
   * Obtains a fresh token (or a value `policy.normalize` turns into one). Receives the abort
   * signal of the caller that started the refresh, or `undefined` for background refreshes. May
   * throw, synchronously or not; the engine never lets a background failure go unhandled.
   */
  readonly refresh: (abortSignal: AbortSignalLike | undefined) => unknown;
  /** A token to start with (parsed by the caller). */
  readonly initialToken?: T | undefined;
}

/** The value of #failures once disposed. */
const DISPOSED = -1;

/**
 * The one refresh engine: a single-flight, two-window token cache with an optional proactive
 * timer. The ACS token credential, the Entra exchange (both of its tokens) and the bearer policy
 * all use it; there is no second copy of this logic.
 *
 * - Callers get the cached token at once while it is outside the blocking window.
 * - Past the background point a refresh starts without making anyone wait; its failure is
 *   logged, reported to `onRefreshError` and retried with bounded back-off, never unhandled.
 * - One refresh at a time, shared by all callers. While it runs, callers whose token is still
 *   valid get it at once; callers without a valid token wait for it.
 * - Each caller's own abort signal rejects only that caller, promptly, with `AbortError`; when
 *   the caller that started a refresh aborts it, the others start their own.
 * - At most one timer, `unref()`'d where the platform supports it, delays clamped to 2³¹−1 ms
 *   and re-armed; a late timer and every `getToken` re-read the clock.
 * - `dispose()` clears the timer and drops the results of refreshes still in flight.
 *
 * @example
 * ```ts
 * const policy: RefreshPolicy<AccessToken> = {
 *   blockingWindowInMs: 2 * 60_000,
 *   backgroundWindowInMs: 10 * 60_000,
 *   proactiveTimer: true,
 *   expiredResultMessage: 'The token returned from the tokenRefresher is expired.',
 *   name: 'example',
 *   clock: systemClock,
 * };
 * const engine = new RefreshEngine(policy, { refresh: (signal) => fetchToken(signal) });
 * const { token } = await engine.getToken();
 * engine.dispose();
 * ```
 */
export class RefreshEngine<T extends AccessToken = AccessToken> {
  readonly #policy: RefreshPolicy<T>;
  readonly #refresh: (abortSignal: AbortSignalLike | undefined) => unknown;
  #token: T | undefined;
  /** `Promise.resolve(#token)`, made at most once per token: the fast path allocates nothing. */
  #resolved: Promise<T> | undefined;
  /** When callers start waiting for a refresh of #token; -Infinity without a token. */
  #blockingAt = -Infinity;
  /**
   * When a background refresh of #token is due (Infinity when background refresh is off); with a
   * proactive policy, also when the pending timer is due.
   */
  #refreshAt = 0;
  /** The refresh in progress and the signal of the caller that started it. */
  #flight: { readonly promise: Promise<T>; readonly signal: AbortSignalLike | undefined } | undefined;
  #timer: unknown;
  /** Background refreshes failed in a row (the back-off attempt); DISPOSED once disposed. */
  #failures = 0;

  constructor(policy: RefreshPolicy<T>, options: RefreshEngineOptions<T>) {
    this.#policy = policy;
    this.#refresh = options.refresh;
    const now = policy.clock.now();
    if (options.initialToken) this.#store(options.initialToken, now, now);
    else this.#refreshAt = now;
    if (policy.proactiveTimer) this.#arm();
  }

  /** A valid token: the cached one, or the result of the (shared) refresh. */
  getToken(abortSignal?: AbortSignalLike): Promise<T> {
    // Fast path: a cached token that needs nothing done (the common case, a few ns).
    const now = this.#policy.clock.now();
    if (now < this.#refreshAt && now < this.#blockingAt) {
      this.#resolved ??= Promise.resolve(this.#token as T);
      return this.#resolved;
    }
    return this.#acquire(abortSignal);
  }

  /**
   * Idempotent. Clears the timer and drops the token; a refresh in flight is not stored; later
   * `getToken` calls reject with "User credential is disposed".
   */
  dispose(): void {
    this.#failures = DISPOSED; // refreshes still in flight do not store their result
    this.#token = this.#flight = undefined;
    this.#blockingAt = -Infinity;
    this.#clearTimer();
  }

  async #acquire(abortSignal: AbortSignalLike | undefined): Promise<T> {
    for (;;) {
      if (this.#failures === DISPOSED) throw disposedError();
      const now = this.#policy.clock.now();
      const token = this.#token;
      const decision = decide(this.#blockingAt, this.#refreshAt, now);
      let flight = this.#flight;
      if (token && (decision !== WAIT_FOR_REFRESH || (flight && now < token.expiresOnTimestamp))) {
        if (decision === USE_AND_REFRESH_IN_BACKGROUND) this.#refreshInBackground();
        return token;
      }
      if (!flight && abortSignal?.aborted) throw abortedBy(abortSignal);
      flight ??= this.#start(abortSignal);
      try {
        const value = await abortable(flight.promise, abortSignal);
        if (this.#failures === DISPOSED) throw disposedError();
        return value;
      } catch (error) {
        if (abortSignal?.aborted) throw error;
        if (this.#failures === DISPOSED) throw disposedError();
        // The caller that started this refresh aborted it: start our own instead of failing.
        if (flight.signal?.aborted) continue;
        throw error;
      }
    }
  }

  #store(value: T, obtainedAt: number, now: number): void {
    const { blockingWindowInMs, backgroundWindowInMs } = this.#policy;
    this.#token = value;
    this.#resolved = undefined;
    this.#blockingAt = blockingPoint(value.expiresOnTimestamp, obtainedAt, blockingWindowInMs);
    this.#refreshAt =
      backgroundWindowInMs === undefined
        ? Infinity
        : backgroundRefreshAt(value.expiresOnTimestamp, now, backgroundWindowInMs);
  }

  #start(
    abortSignal: AbortSignalLike | undefined,
    background?: boolean,
  ): { readonly promise: Promise<T>; readonly signal: AbortSignalLike | undefined } {
    const startedAt = this.#policy.clock.now();
    const promise = (async () => {
      const result = await this.#refresh(abortSignal);
      const now = this.#policy.clock.now();
      const { normalize, expiredResultMessage } = this.#policy;
      const value = normalize ? normalize(result, now) : (result as T);
      if (now >= value.expiresOnTimestamp) throw new AcsError(expiredResultMessage, 'ERR_TOKEN_EXPIRED');
      if (this.#failures !== DISPOSED) {
        this.#store(value, startedAt, now);
        this.#failures = 0;
        if (this.#policy.proactiveTimer) this.#arm();
      }
      return value;
    })();
    const flight = { promise, signal: abortSignal };
    this.#flight = flight;
    // Registered before any waiter's callbacks, so the flight is cleared before they resume.
    const clear = () => {
      if (this.#flight === flight) this.#flight = undefined;
    };
    promise.then(clear, (error: unknown) => {
      clear();
      if (this.#failures === DISPOSED) return;
      if (background) {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
        log('warning', `${this.#policy.name}: background refresh failed (${detail}); retrying.`, [this.#token?.token]);
        try {
          this.#policy.onRefreshError?.(error);
        } catch {
          // The hook's own failure must not stop the schedule.
        }
      }
      // A failure seen by a waiting caller still needs the proactive schedule to go on.
      if (background || (this.#policy.proactiveTimer && this.#timer === undefined)) this.#scheduleRetry();
    });
    return flight;
  }

  #refreshInBackground(): void {
    if (!this.#flight && this.#failures !== DISPOSED) this.#start(undefined, true);
  }

  #scheduleRetry(): void {
    const now = this.#policy.clock.now();
    const delay = retryDelayInMs(this.#failures++, this.#token?.expiresOnTimestamp, now);
    if (delay === undefined) return; // expired: the next getToken refreshes on demand
    this.#refreshAt = now + delay;
    if (this.#policy.proactiveTimer) this.#arm();
  }

  /** Arms the one timer for #refreshAt. */
  #arm(): void {
    this.#clearTimer();
    const delay = Math.min(Math.max(0, this.#refreshAt - this.#policy.clock.now()), MAX_TIMER_DELAY_IN_MS);
    const handle = this.#policy.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#failures === DISPOSED) return;
      // A clamped or early timer goes back to sleep until the real due time.
      if (this.#refreshAt - this.#policy.clock.now() >= 1) this.#arm();
      else this.#refreshInBackground();
    }, delay);
    // Never keep a Node process alive for a credential nobody disposed.
    (handle as { unref?: () => void } | undefined)?.unref?.();
    this.#timer = handle;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#policy.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
