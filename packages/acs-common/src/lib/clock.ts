/**
 * What the credential needs from time: the wall clock in epoch milliseconds and one-shot timers.
 * Inject one (for example `ManualClock` from `acs-common/testing`) for deterministic tests.
 *
 * @example
 * ```ts
 * const clock: Clock = {
 *   now: () => Date.now(),
 *   setTimeout: (callback, delayInMs) => setTimeout(callback, delayInMs),
 *   clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
 * };
 * ```
 */
export interface Clock {
  /** Current time, epoch milliseconds. */
  now(): number;
  /** Schedules `callback` once after `delayInMs`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, delayInMs: number): unknown;
  /** Cancels a timer created by this clock's `setTimeout`. */
  clearTimeout(handle: unknown): void;
}

/**
 * The default clock. It looks up `Date.now` and the global timer functions at call time, not at
 * import time, so fake timers installed later (vitest, sinon) are honoured.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayInMs) => globalThis.setTimeout(callback, delayInMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** The largest delay that `setTimeout` honours; larger values fire at once in Node and browsers. */
export const MAX_TIMER_DELAY_IN_MS = 2 ** 31 - 1;
