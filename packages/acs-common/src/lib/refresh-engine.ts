import { abortable } from './abortable.js';
import type { Clock } from './clock.js';
import { MAX_TIMER_DELAY_IN_MS } from './clock.js';
import type { AbortSignalLike, AccessToken } from './core-auth-types.js';
import { AbortError, AcsError } from './errors.js';
import { log } from './log.js';
import { backgroundRefreshAt, type CachedToken, decide, isUnexpired, retryDelayInMs } from './refresh-policy.js';

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
  /** First background retry delay after a failure; doubles per attempt. Default 1 s. */
  readonly retryInitialDelayInMs?: number | undefined;
  /** Longest background retry delay. Default 60 s. */
  readonly retryMaxDelayInMs?: number | undefined;
}

interface Flight<T> {
  readonly promise: Promise<T>;
  readonly starterSignal: AbortSignalLike | undefined;
  /** The refresh failed while its starter's signal was aborted: others may start their own. */
  abortedByStarter: boolean;
}

const DISPOSED_MESSAGE = 'User credential is disposed';

function disposedError(): AcsError {
  return new AcsError(DISPOSED_MESSAGE, 'ERR_DISPOSED');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error;
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
 * - Each caller's own abort signal rejects only that caller, promptly, with `AbortError`.
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
  readonly #options: RefreshEngineOptions<T>;
  #cached: CachedToken<T> | undefined;
  #flight: Flight<T> | undefined;
  #timer: unknown;
  #timerAt = 0;
  #disposed = false;
  /** Bumped by dispose() and invalidate(): refreshes started before do not store their result. */
  #epoch = 0;
  #retryAttempt = 0;

  constructor(options: RefreshEngineOptions<T>) {
    this.#options = options;
    const now = options.clock.now();
    if (options.initialToken !== undefined) this.#cached = this.#entry(options.initialToken, now, now);
    if (options.proactiveTimer) this.#arm(this.#cached?.refreshAt ?? now);
  }

  /** The cached token, if any (no refresh, no clock check). */
  get cachedToken(): T | undefined {
    return this.#cached?.value;
  }

  /** Whether a timer is pending (for tests of "dispose leaves no timer"). */
  get hasPendingTimer(): boolean {
    return this.#timer !== undefined;
  }

  /** A valid token: the cached one, or the result of the (shared) refresh. */
  getToken(abortSignal?: AbortSignalLike): Promise<T> {
    if (this.#disposed) return Promise.reject(disposedError());
    const cached = this.#cached;
    if (cached !== undefined) {
      const decision = decide(cached, this.#options.clock.now(), this.#options.blockingWindowInMs);
      if (decision === 'use') return Promise.resolve(cached.value);
    }
    return this.#acquire(abortSignal);
  }

  /** Drops the cached token: the next `getToken` waits for a new one. A refresh in flight is not stored. */
  invalidate(): void {
    this.#epoch++;
    this.#cached = undefined;
    this.#flight = undefined;
  }

  /** Idempotent. Clears the timer; later `getToken` calls reject with "User credential is disposed". */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#epoch++;
    this.#clearTimer();
    this.#cached = undefined;
    this.#flight = undefined;
  }

  async #acquire(abortSignal: AbortSignalLike | undefined): Promise<T> {
    for (;;) {
      if (this.#disposed) throw disposedError();
      const now = this.#options.clock.now();
      const cached = this.#cached;
      const decision = decide(cached, now, this.#options.blockingWindowInMs);
      if (cached !== undefined && decision !== 'wait-for-refresh') {
        if (decision === 'use-and-refresh-in-background') this.#refreshInBackground();
        return cached.value;
      }
      const flight = this.#flight;
      if (flight !== undefined && cached !== undefined && isUnexpired(cached.value.expiresOnTimestamp, now)) {
        return cached.value;
      }
      if (flight === undefined && abortSignal?.aborted) {
        throw new AbortError(undefined, { cause: abortSignal.reason });
      }
      const active = flight ?? this.#start(abortSignal);
      try {
        const value = await abortable(active.promise, abortSignal);
        if (this.#disposed) throw disposedError();
        return value;
      } catch (error) {
        if (error instanceof AbortError && abortSignal?.aborted) throw error;
        if (this.#disposed) throw disposedError();
        if (active.abortedByStarter && active.starterSignal !== abortSignal && !abortSignal?.aborted) continue;
        throw error;
      }
    }
  }

  #entry(value: T, obtainedAt: number, now: number): CachedToken<T> {
    const { backgroundWindowInMs } = this.#options;
    const refreshAt =
      backgroundWindowInMs === undefined
        ? Number.POSITIVE_INFINITY
        : backgroundRefreshAt(value.expiresOnTimestamp, now, backgroundWindowInMs, value.refreshAfterTimestamp);
    return { value, obtainedAt, refreshAt };
  }

  #start(abortSignal: AbortSignalLike | undefined, background = false): Flight<T> {
    const { clock, refresh, expiredResultMessage } = this.#options;
    const epoch = this.#epoch;
    const startedAt = clock.now();
    const flight: { promise: Promise<T>; starterSignal: AbortSignalLike | undefined; abortedByStarter: boolean } = {
      promise: undefined as unknown as Promise<T>,
      starterSignal: abortSignal,
      abortedByStarter: false,
    };
    flight.promise = (async () => {
      try {
        const value = await refresh(abortSignal);
        const now = clock.now();
        if (!isUnexpired(value.expiresOnTimestamp, now)) throw new AcsError(expiredResultMessage, 'ERR_TOKEN_EXPIRED');
        if (epoch === this.#epoch) {
          this.#cached = this.#entry(value, startedAt, now);
          this.#retryAttempt = 0;
          if (this.#options.proactiveTimer) this.#arm(this.#cached.refreshAt);
        }
        return value;
      } catch (error) {
        if (abortSignal?.aborted) flight.abortedByStarter = true;
        throw error;
      } finally {
        if (this.#flight === flight) this.#flight = undefined;
      }
    })();
    this.#flight = flight;
    if (this.#options.proactiveTimer && !background) {
      // A failure seen by a waiting caller still needs the proactive schedule to go on.
      flight.promise.then(undefined, () => {
        if (epoch === this.#epoch && this.#timer === undefined) this.#scheduleRetry();
      });
    }
    return flight;
  }

  #refreshInBackground(): void {
    if (this.#flight !== undefined || this.#disposed) return;
    const epoch = this.#epoch;
    this.#start(undefined, true).promise.then(undefined, (error: unknown) => {
      if (epoch !== this.#epoch || this.#disposed) return;
      const cachedToken = this.#cached?.value.token;
      let detail = describeError(error);
      if (cachedToken) detail = detail.split(cachedToken).join('<redacted token>');
      log('warning', `${this.#options.name}: background token refresh failed (${detail}); retrying with back-off.`);
      try {
        this.#options.onRefreshError?.(error);
      } catch {
        // The hook's own failure must not stop the schedule.
      }
      this.#scheduleRetry();
    });
  }

  #scheduleRetry(): void {
    const { clock, retryInitialDelayInMs = 1000, retryMaxDelayInMs = 60_000 } = this.#options;
    const now = clock.now();
    const cached = this.#cached;
    const delay = retryDelayInMs(
      this.#retryAttempt++,
      cached?.value.expiresOnTimestamp,
      now,
      retryInitialDelayInMs,
      retryMaxDelayInMs,
    );
    if (delay === undefined) {
      log('info', `${this.#options.name}: token expired; the next getToken refreshes on demand.`);
      return;
    }
    if (cached !== undefined) this.#cached = { ...cached, refreshAt: now + delay };
    if (this.#options.proactiveTimer) this.#arm(now + delay);
  }

  #arm(at: number): void {
    this.#clearTimer();
    const { clock } = this.#options;
    const delay = Math.min(Math.max(0, at - clock.now()), MAX_TIMER_DELAY_IN_MS);
    this.#timerAt = at;
    const handle = clock.setTimeout(() => this.#onTimer(), delay);
    // Never keep a Node process alive for a credential nobody disposed.
    (handle as { unref?: () => void } | undefined)?.unref?.();
    this.#timer = handle;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) {
      this.#options.clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #onTimer(): void {
    this.#timer = undefined;
    if (this.#disposed) return;
    // A clamped or early timer: go back to sleep until the real due time.
    if (this.#options.clock.now() < this.#timerAt) {
      this.#arm(this.#timerAt);
      return;
    }
    this.#refreshInBackground();
  }
}
