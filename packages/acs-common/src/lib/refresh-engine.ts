import { abortable } from './abortable.js';
import { accessTokenProblem, isAccessToken, isTimestamp } from './access-token.js';
import type { Clock } from './clock.js';
import { MAX_TIMER_DELAY_IN_MS } from './clock.js';
import type { AbortSignalLike, AccessToken } from './core-auth-types.js';
import { AcsError, type AcsErrorCode, abortedBy, disposedError } from './errors.js';
import { readJwtTimes } from './jwt.js';
import { log } from './log.js';
import {
  backgroundRefreshAt,
  blockingPoint,
  decide,
  lifetimeStart,
  retryDelayInMs,
  USE,
  USE_AND_REFRESH_IN_BACKGROUND,
  WAIT_FOR_REFRESH,
} from './refresh-policy.js';
import type { RefreshWindows } from './refresh-windows.js';

/**
 * How an engine refreshes: windows, texts, clock and error hook. One object is shared by every
 * engine configured the same way (so a credential does not carry its own copy). Times are
 * milliseconds.
 */
export interface RefreshPolicy<T extends AccessToken> {
  /** The windows of this token kind: a row of REFRESH_WINDOWS (refresh-windows.ts). */
  readonly windows: RefreshWindows;
  /** Also arm a timer for the background point (proactive refresh). Needs `windows.backgroundInMs`. */
  readonly proactiveTimer?: boolean | undefined;
  /**
   * Error message when a refresh yields a token that has already expired; `undefined`: such a
   * token is accepted (the Entra token: the service decides, as 2.5.0 and .NET let it).
   */
  readonly expiredResultMessage?: string | undefined;
  /** Where refreshed tokens come from, for messages: `'The tokenRefresher'`. */
  readonly source: string;
  /** The code of the error for a refresh result that is not an AccessToken. */
  readonly invalidResultCode: AcsErrorCode;
  /** Name used in log lines. */
  readonly name: string;
  /** Turns what `refresh` resolved to into a token (for example, parses a JWT). Default: as is. */
  readonly normalize?: ((value: unknown, nowInMs: number) => T) | undefined;
  /** Time and timers. */
  readonly clock: Clock;
  /** Told about every failed background refresh. */
  readonly onRefreshError?: ((error: unknown) => void) | undefined;
}

/** What one engine needs of its own. `C` is what a caller may hand to the refresh it starts. */
export interface RefreshEngineOptions<T extends AccessToken, C = undefined> {
  /**
   * Obtains a fresh token (or a value `policy.normalize` turns into one). Receives the abort
   * signal and the context of the caller that started the refresh, or `undefined` for background
   * refreshes. May throw, synchronously or not; the engine never lets a background failure go
   * unhandled.
   */
  readonly refresh: (abortSignal: AbortSignalLike | undefined, context?: C) => unknown;
  /** A token to start with (parsed by the caller). */
  readonly initialToken?: T | undefined;
}

/** The text for a clock whose `now()` is not a time (NaN would make every comparison false). */
function clockMessage(now: unknown): string {
  return `The clock's now() returned ${typeof now === 'number' ? String(now) : typeof now}; it must return the time in epoch milliseconds, as Date.now() does.`;
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
 * - Every refresh result goes through the one AccessToken guard (lib/access-token.ts): a value
 *   that is not a token, or whose expiry is not a date, is an error naming `policy.source`.
 * - At most one timer, `unref()`'d where the platform supports it, delays clamped to 2³¹−1 ms
 *   and re-armed; a late timer and every `getToken` re-read the clock, and a clock whose `now()`
 *   is not a time is an error (`ERR_INVALID_CLOCK`), never a refresh storm.
 * - `dispose()` clears the timer and drops the results of refreshes still in flight.
 *
 * @example
 * ```ts
 * const policy: RefreshPolicy<AccessToken> = {
 *   windows: REFRESH_WINDOWS.acsTokenProactive,
 *   proactiveTimer: true,
 *   expiredResultMessage: 'The token returned from the tokenRefresher is expired.',
 *   source: 'The tokenRefresher',
 *   invalidResultCode: 'ERR_INVALID_TOKEN',
 *   name: 'example',
 *   clock: systemClock,
 * };
 * const engine = new RefreshEngine(policy, { refresh: (signal) => fetchToken(signal) });
 * const { token } = await engine.getToken();
 * engine.dispose();
 * ```
 */
export class RefreshEngine<T extends AccessToken = AccessToken, C = undefined> {
  readonly #policy: RefreshPolicy<T>;
  readonly #refresh: (abortSignal: AbortSignalLike | undefined, context?: C) => unknown;
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
  /** Background refreshes failed in a row: the back-off attempt. */
  #failures = 0;
  /** Set by dispose(): nothing is stored, scheduled or returned any more. */
  #disposed = false;

  constructor(policy: RefreshPolicy<T>, options: RefreshEngineOptions<T, C>) {
    this.#policy = policy;
    this.#refresh = options.refresh;
    const now = policy.clock.now();
    // An argument of the constructor that built this engine: a TypeError at that call.
    if (!isTimestamp(now)) throw new TypeError(clockMessage(now));
    if (options.initialToken) this.#store(options.initialToken, undefined, now);
    else this.#refreshAt = now;
    if (policy.proactiveTimer) this.#arm();
  }

  /**
   * A valid token: the cached one, or the result of the (shared) refresh. `context` goes to the
   * refresh this call starts, if it starts one.
   */
  getToken(abortSignal?: AbortSignalLike, context?: C): Promise<T> {
    // Fast path: a cached token that needs nothing done (the common case, a few ns). The same
    // decision as the slow path; a clock that is not a time falls through to it and fails there.
    if (decide(this.#blockingAt, this.#refreshAt, this.#policy.clock.now()) === USE) {
      this.#resolved ??= Promise.resolve(this.#token as T);
      return this.#resolved;
    }
    return this.#acquire(abortSignal, context);
  }

  /**
   * Forgets the cached token, so the next `getToken` waits for a new one (a refresh already in
   * flight is joined). For a token the server has refused, such as a CAE claims challenge.
   *
   * @example
   * ```ts
   * engine.invalidate();
   * const fresh = await engine.getToken(request.abortSignal, { claims });
   * ```
   */
  invalidate(): void {
    this.#token = undefined;
    this.#resolved = undefined;
    this.#blockingAt = -Infinity;
  }

  /**
   * Idempotent. Clears the timer and drops the token; a refresh in flight is not stored; later
   * `getToken` calls reject with "User credential is disposed".
   */
  dispose(): void {
    this.#disposed = true;
    this.#token = this.#flight = undefined;
    this.#resolved = undefined;
    this.#blockingAt = -Infinity;
    this.#clearTimer();
  }

  /** The clock's time; an `AcsError` when it is not a time. */
  #now(): number {
    const now = this.#policy.clock.now();
    if (!isTimestamp(now)) throw new AcsError(clockMessage(now), 'ERR_INVALID_CLOCK');
    return now;
  }

  async #acquire(abortSignal: AbortSignalLike | undefined, context: C | undefined): Promise<T> {
    for (;;) {
      if (this.#disposed) throw disposedError();
      const now = this.#now();
      const token = this.#token;
      const decision = decide(this.#blockingAt, this.#refreshAt, now);
      let flight = this.#flight;
      if (token && (decision !== WAIT_FOR_REFRESH || (flight && now < token.expiresOnTimestamp))) {
        if (decision === USE_AND_REFRESH_IN_BACKGROUND) this.#refreshInBackground();
        return token;
      }
      if (!flight && abortSignal?.aborted) throw abortedBy(abortSignal);
      flight ??= this.#start(abortSignal, context);
      try {
        const value = await abortable(flight.promise, abortSignal);
        if (this.#disposed) throw disposedError();
        return value;
      } catch (error) {
        if (abortSignal?.aborted) throw error;
        if (this.#disposed) throw disposedError();
        // The caller that started this refresh aborted it: start our own instead of failing.
        if (flight.signal?.aborted) continue;
        throw error;
      }
    }
  }

  /** `obtainedAt`: when the refresh that produced `value` started; `undefined` for an initial token. */
  #store(value: T, obtainedAt: number | undefined, now: number): void {
    const { blockingInMs, backgroundInMs } = this.#policy.windows;
    const expiresOn = value.expiresOnTimestamp;
    const iat = readJwtTimes(value.token)?.iat;
    const startedAt = lifetimeStart(expiresOn, iat === undefined ? undefined : iat * 1000, obtainedAt);
    this.#token = value;
    this.#resolved = undefined;
    this.#blockingAt = blockingPoint(expiresOn, startedAt, blockingInMs);
    this.#refreshAt = backgroundInMs === undefined ? Infinity : backgroundRefreshAt(expiresOn, now, backgroundInMs);
  }

  #start(
    abortSignal: AbortSignalLike | undefined,
    context: C | undefined,
    background?: boolean,
  ): { readonly promise: Promise<T>; readonly signal: AbortSignalLike | undefined } {
    const promise = (async () => {
      // Read inside the async function: a broken clock rejects this flight instead of throwing.
      const startedAt = this.#now();
      // Without a context, one argument: a `tokenRefresher` is called as 2.5.0 calls it, and the
      // credential needs no wrapper closure (heap per credential).
      const result = await (context === undefined ? this.#refresh(abortSignal) : this.#refresh(abortSignal, context));
      const now = this.#now();
      const { normalize, expiredResultMessage, source, invalidResultCode } = this.#policy;
      const value = normalize ? normalize(result, now) : (result as T);
      if (!isAccessToken(value)) {
        throw new AcsError(
          `${source} returned ${accessTokenProblem(value)}; it must return an AccessToken with a non-empty token and an expiresOnTimestamp in epoch milliseconds.`,
          invalidResultCode,
        );
      }
      if (expiredResultMessage !== undefined && now >= value.expiresOnTimestamp) {
        throw new AcsError(expiredResultMessage, 'ERR_TOKEN_EXPIRED');
      }
      if (!this.#disposed) {
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
      if (this.#disposed) return;
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
    if (!this.#flight && !this.#disposed) this.#start(undefined, undefined, true);
  }

  #scheduleRetry(): void {
    const now = this.#policy.clock.now();
    if (!isTimestamp(now)) return; // a broken clock: no schedule; the next getToken reports it
    const delay = retryDelayInMs(this.#failures++, this.#token?.expiresOnTimestamp, now);
    if (delay === undefined) return; // expired: the next getToken refreshes on demand
    this.#refreshAt = now + delay;
    if (this.#policy.proactiveTimer) this.#arm();
  }

  /** Arms the one timer for #refreshAt. A clock that is not a time arms nothing (no storm). */
  #arm(): void {
    this.#clearTimer();
    const now = this.#policy.clock.now();
    if (!isTimestamp(now)) {
      log('warning', `${this.#policy.name}: ${clockMessage(now)} Proactive refresh stops.`);
      return;
    }
    const delay = Math.min(Math.max(0, this.#refreshAt - now), MAX_TIMER_DELAY_IN_MS);
    const handle = this.#policy.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#disposed) return;
      const due = this.#refreshAt - this.#policy.clock.now();
      // A clamped or early timer goes back to sleep until the real due time (#arm checks the clock).
      if (!(due < 1)) this.#arm();
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
