import { randomBytes } from 'node:crypto';

/**
 * Ids the chat service hands out, in the service's formats: threads `19:<32 hex>@thread.v2`,
 * messages and versions epoch-millisecond strings that increase within a thread.
 */

/**
 * A fresh thread id.
 *
 * @example
 * ```ts
 * newThreadId(); // '19:4f1c…e2@thread.v2'
 * ```
 */
export function newThreadId(): string {
  return `19:${randomBytes(16).toString('hex')}@thread.v2`;
}

/**
 * The next increasing epoch-ms value: `now`, or one more than `previous` when the clock has not
 * moved past it (two messages in the same millisecond, or a clock set back).
 *
 * @example
 * ```ts
 * nextTick(1_700_000_000_000, 1_700_000_000_000); // 1_700_000_000_001
 * ```
 */
export function nextTick(now: number, previous: number): number {
  return now > previous ? now : previous + 1;
}
