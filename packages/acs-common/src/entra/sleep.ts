import type { Clock } from '../lib/clock.js';
import type { AbortSignalLike } from '../lib/core-auth-types.js';
import { AbortError } from '../lib/errors.js';

/**
 * Waits `delayInMs` on `clock` (so a manual clock makes back-off deterministic), or rejects with
 * `AbortError` as soon as `signal` aborts. A zero delay settles without a timer.
 *
 * @example
 * ```ts
 * await sleep(systemClock, 800, abortSignal);
 * ```
 */
export function sleep(clock: Clock, delayInMs: number, signal: AbortSignalLike | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  if (delayInMs <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayInMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
