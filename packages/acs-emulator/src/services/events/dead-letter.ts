import type { BusEvent } from './envelopes.js';

/**
 * Dead letters: events a subscription could not take (out of attempts, a status that is not
 * retried, a failed handshake). The list is bounded; the oldest go first.
 */

/** The most dead letters kept. */
export const MAX_DEAD_LETTERS = 1000;

/** An event waiting for (or in) delivery to one subscription. */
export interface PendingDelivery {
  readonly subscriptionId: string;
  readonly event: BusEvent;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** A delivery given up. */
export interface DeadLetter extends PendingDelivery {
  readonly reason: string;
  readonly attempts: number;
  readonly lastStatusCode?: number;
  /** ISO 8601. */
  readonly deadLetteredAt: string;
}

/**
 * The key of a delivery: one per event and subscription.
 *
 * @example
 * ```ts
 * deliveryKey('sub-1', 'event-9'); // 'sub-1/event-9'
 * ```
 */
export function deliveryKey(subscriptionId: string, eventId: string): string {
  return `${subscriptionId}/${eventId}`;
}

/**
 * The keys to drop so that at most `limit` remain (insertion order: the oldest first).
 *
 * @example
 * ```ts
 * overflow(['a', 'b', 'c'], 2); // ['a']
 * ```
 */
export function overflow(keys: readonly string[], limit = MAX_DEAD_LETTERS): string[] {
  return keys.length > limit ? keys.slice(0, keys.length - limit) : [];
}
