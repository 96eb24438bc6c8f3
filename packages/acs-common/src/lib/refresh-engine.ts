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

/** Options of {@link RefreshEngine}. Times are milliseconds. */
export interface RefreshEngineOptions<T extends AccessToken> {
  /**
   * Obtains a fresh token. Receives the abort signal of the caller that started the refresh,
   * or `undefined` for background refreshes. May throw; the engine never lets a background
   * failure become an unhandled rejection.
   */
  readonly refresh: (abortSignal: AbortSignalLike | undefined) => Promise<T>;
  readonly clock: Clock;
  /** A token to start with (parsed by the caller). */
  readonly initialToken?: T | undefined;
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
  /** Told about every failed background refresh. */
  readonly onRefreshError?: ((error: unknown) => void) | undefined;
}

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
 * const engine = new RefreshEngine({
 *   refresh: async (signal) => fetchToken(signal),
 *   clock: systemClock,
 *   blockingWindowInMs: 2 * 60_000,
 *   backgroundWindowInMs: 10 * 60_000,
 *   proactiveTimer: true,
 *   expiredResultMessage: 'The token returned from the tokenRefresher is expired.',
 *   name: 'example',
 * });
 * const { token } = await engine.getToken();
 * engine.dispose();
 * ```
 */
export class RefreshEngine<T extends AccessToken = AccessToken> {
  // Configuration, copied out of the options so the options object is not kept alive.
  readonly #refresh: (abortSignal: AbortSignalLike | undefined) => Promise<T>;
  readonly #clock: Clock;
  readonly #blockingWindowInMs: number;
  readonly #backgroundWindowInMs: number | undefined;
  readonly #proactive: boolean;
  readonly #expiredMessage: string;
  readonly #name: string;
  readonly #onRefreshError: ((error: unknown) => void) | undefined;
  // State.
  #token: T | undefined;
  /** When callers start waiting for a refresh of #token; -Infinity without a token. */
  #blockingAt = Number.NEGATIVE_INFINITY;
  /** When a background refresh of #token is due; Infinity when background refresh is off. */
  #refreshAt = 0;
  #flight: Promise<T> | undefined;
  #flightSignal: AbortSignalLike | undefined;
  #timer: unknown;
  #timerAt = 0;
  #disposed = false;
  /** Bumped by dispose() and invalidate(): refreshes started before do not store their result. */
  #epoch = 0;
  #retryAttempt = 0;

  constructor(options: RefreshEngineOptions<T>) {
    this.#refresh = options.refresh;
    this.#clock = options.clock;
    this.#blockingWindowInMs = options.blockingWindowInMs;
    this.#backgroundWindowInMs = options.backgroundWindowInMs;
    this.#proactive = options.proactiveTimer === true;
    this.#expiredMessage = options.expiredResultMessage;
    this.#name = options.name;
    this.#onRefreshError = options.onRefreshError;
    const now = this.#clock.now();
    if (options.initialToken) this.#store(options.initialToken, now, now);
    if (this.#proactive) this.#arm(this.#token ? this.#refreshAt : now);
  }

  /** The cached token, if any (no refresh, no clock check). */
  get cachedToken(): T | undefined {
    return this.#token;
  }

  /** A valid token: the cached one, or the result of the (shared) refresh. */
  getToken(abortSignal?: AbortSignalLike): Promise<T> {
    // Fast path: a cached token that needs nothing done (the common case, a few ns).
    const now = this.#clock.now();
    if (now < this.#refreshAt && now < this.#blockingAt) return Promise.resolve(this.#token as T);
    return this.#acquire(abortSignal);
  }

  /** Drops the cached token: the next `getToken` waits for a new one. A refresh in flight is not stored. */
  invalidate(): void {
    this.#epoch++;
    this.#token = this.#flight = undefined;
    this.#blockingAt = Number.NEGATIVE_INFINITY;
  }

  /** Idempotent. Clears the timer; later `getToken` calls reject with "User credential is disposed". */
  dispose(): void {
    this.#disposed = true;
    this.invalidate();
    this.#clearTimer();
  }

  async #acquire(abortSignal: AbortSignalLike | undefined): Promise<T> {
    for (;;) {
      if (this.#disposed) throw disposedError();
      const now = this.#clock.now();
      const token = this.#token;
      const decision = decide(this.#blockingAt, this.#refreshAt, now);
      let flight = this.#flight;
      if (token && (decision !== WAIT_FOR_REFRESH || (flight && now < token.expiresOnTimestamp))) {
        if (decision === USE_AND_REFRESH_IN_BACKGROUND) this.#refreshInBackground();
        return token;
      }
      if (!flight && abortSignal?.aborted) throw abortedBy(abortSignal);
      flight ??= this.#start(abortSignal);
      const starter = this.#flightSignal;
      try {
        const value = await abortable(flight, abortSignal);
        if (this.#disposed) throw disposedError();
        return value;
      } catch (error) {
        if (abortSignal?.aborted) throw error;
        if (this.#disposed) throw disposedError();
        // The caller that started this refresh aborted it: start our own instead of failing.
        if (starter?.aborted) continue;
        throw error;
      }
    }
  }

  #store(value: T, obtainedAt: number, now: number): void {
    const window = this.#backgroundWindowInMs;
    this.#token = value;
    this.#blockingAt = blockingPoint(value.expiresOnTimestamp, obtainedAt, this.#blockingWindowInMs);
    this.#refreshAt = window === undefined ? Infinity : backgroundRefreshAt(value.expiresOnTimestamp, now, window);
  }

  #start(abortSignal: AbortSignalLike | undefined, background?: boolean): Promise<T> {
    const epoch = this.#epoch;
    const startedAt = this.#clock.now();
    const flight = (async () => {
      const value = await this.#refresh(abortSignal);
      const now = this.#clock.now();
      if (now >= value.expiresOnTimestamp) throw new AcsError(this.#expiredMessage, 'ERR_TOKEN_EXPIRED');
      if (epoch === this.#epoch) {
        this.#store(value, startedAt, now);
        this.#retryAttempt = 0;
        if (this.#proactive) this.#arm(this.#refreshAt);
      }
      return value;
    })();
    this.#flight = flight;
    this.#flightSignal = abortSignal;
    // Registered before any waiter's callbacks, so the flight is cleared before they resume.
    const clear = () => {
      if (this.#flight === flight) this.#flight = undefined;
    };
    flight.then(clear, (error: unknown) => {
      clear();
      if (epoch !== this.#epoch) return;
      if (background) {
        let detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
        const current = this.#token?.token;
        if (current) detail = detail.split(current).join('<redacted token>');
        log('warning', `${this.#name}: background token refresh failed (${detail}); retrying.`);
        try {
          this.#onRefreshError?.(error);
        } catch {
          // The hook's own failure must not stop the schedule.
        }
      }
      // A failure seen by a waiting caller still needs the proactive schedule to go on.
      if (background || (this.#proactive && this.#timer === undefined)) this.#scheduleRetry();
    });
    return flight;
  }

  #refreshInBackground(): void {
    if (!this.#flight && !this.#disposed) this.#start(undefined, true);
  }

  #scheduleRetry(): void {
    const now = this.#clock.now();
    const delay = retryDelayInMs(this.#retryAttempt++, this.#token?.expiresOnTimestamp, now);
    if (delay === undefined) return; // expired: the next getToken refreshes on demand
    this.#refreshAt = now + delay;
    if (this.#proactive) this.#arm(this.#refreshAt);
  }

  #arm(at: number): void {
    this.#clearTimer();
    this.#timerAt = at;
    const delay = Math.min(Math.max(0, at - this.#clock.now()), MAX_TIMER_DELAY_IN_MS);
    const handle = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#disposed) return;
      // A clamped or early timer goes back to sleep until the real due time.
      if (this.#clock.now() < this.#timerAt) this.#arm(this.#timerAt);
      else this.#refreshInBackground();
    }, delay);
    // Never keep a Node process alive for a credential nobody disposed.
    (handle as { unref?: () => void } | undefined)?.unref?.();
    this.#timer = handle;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
