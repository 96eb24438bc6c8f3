import type { RetryPolicy } from './subscription.js';

/**
 * What to do after a delivery attempt, as Event Grid decides for webhooks: 2xx is delivered; 400,
 * 401, 403 and 413 are configuration errors that no retry fixes (dead-lettered at once); anything
 * else (other statuses, timeouts, refused connections) is retried with exponential back-off until
 * the policy's attempts are spent, then dead-lettered.
 */

/** The outcome of one attempt: an HTTP status, or a transport failure. */
export type AttemptOutcome = { readonly status: number } | { readonly error: string };

/** The decision. */
export type NextStep =
  | { readonly action: 'delivered' }
  | { readonly action: 'retry'; readonly delayInMs: number }
  | { readonly action: 'deadLetter'; readonly reason: string };

const NOT_RETRIED = new Set([400, 401, 403, 413]);

/**
 * Decides after attempt number `attempt` (1 for the first).
 *
 * @example
 * ```ts
 * nextStep({ status: 503 }, 1, DEFAULT_RETRY_POLICY); // { action: 'retry', delayInMs: 1000 }
 * nextStep({ status: 400 }, 1, DEFAULT_RETRY_POLICY); // { action: 'deadLetter', reason: 'the endpoint answered 400 (not retried)' }
 * ```
 */
export function nextStep(outcome: AttemptOutcome, attempt: number, policy: RetryPolicy): NextStep {
  if ('status' in outcome) {
    if (outcome.status >= 200 && outcome.status < 300) return { action: 'delivered' };
    if (NOT_RETRIED.has(outcome.status)) {
      return { action: 'deadLetter', reason: `the endpoint answered ${outcome.status} (not retried)` };
    }
  }
  const what = 'status' in outcome ? `the endpoint answered ${outcome.status}` : outcome.error;
  if (attempt >= policy.maxDeliveryAttempts) {
    return { action: 'deadLetter', reason: `${what}; ${attempt} attempt(s), the policy's maximum` };
  }
  return { action: 'retry', delayInMs: retryDelayInMs(attempt, policy) };
}

/**
 * The delay after failed attempt `attempt`: `initialRetryDelayInMs × 2^(attempt-1)`, capped.
 *
 * @example
 * ```ts
 * retryDelayInMs(3, { ...DEFAULT_RETRY_POLICY, initialRetryDelayInMs: 100 }); // 400
 * ```
 */
export function retryDelayInMs(attempt: number, policy: RetryPolicy): number {
  const delay = policy.initialRetryDelayInMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(delay, policy.maxRetryDelayInMs);
}
