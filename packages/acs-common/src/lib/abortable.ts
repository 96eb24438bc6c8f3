import type { AbortSignalLike } from './core-auth-types.js';
import { abortedBy } from './errors.js';

/**
 * Settles like `promise`, or rejects with an `AbortError` as soon as `signal` aborts, whichever
 * comes first. The shared promise itself is left running for its other waiters.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignalLike | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortedBy(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedBy(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
