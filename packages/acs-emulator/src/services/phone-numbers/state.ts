import type { RequestContext } from '../../host/service.js';
import type { OperationRecord } from './operation-record.js';
import { checkPhoneNumber } from './phone-number.js';
import { numberNotFound } from './problem.js';
import { configuredNumber, type PurchasedPhoneNumber } from './purchased.js';
import { isHolding, type SearchRecord } from './search.js';

/**
 * The Phone Numbers collections: `phone-numbers.numbers` (PurchasedPhoneNumber by E.164 — read by
 * SMS for purchased senders), `phone-numbers.searches`, `phone-numbers.operations`, and
 * `phone-numbers.seeded` (the configured numbers already put in, so a released one stays
 * released across restarts) and `phone-numbers.released` (when each number was released).
 */

/**
 * How long a released number ages before a search offers it again (telephone numbers go through
 * an aging period before they are reassigned; the emulator's is one day).
 */
export const RELEASED_NUMBER_AGING_IN_MS = 24 * 60 * 60_000;

/**
 * The collections of a transaction.
 *
 * @example
 * ```ts
 * collections(ctx).numbers.get('+18005550100');
 * ```
 */
export function collections(ctx: Pick<RequestContext, 'state'>) {
  return {
    numbers: ctx.state.collection<PurchasedPhoneNumber>('phone-numbers.numbers'),
    searches: ctx.state.collection<SearchRecord>('phone-numbers.searches'),
    operations: ctx.state.collection<OperationRecord>('phone-numbers.operations'),
    seeded: ctx.state.collection<{ readonly seededTimestamp: number }>('phone-numbers.seeded'),
    released: ctx.state.collection<{ readonly releasedTimestamp: number }>('phone-numbers.released'),
  };
}

/**
 * Puts the configured numbers (`--phone-number`, option `phoneNumbers`) that were never put in.
 * Idempotent; runs at start and before each request, so no request sees the resource without them.
 *
 * @example
 * ```ts
 * seedConfiguredNumbers(ctx);
 * ```
 */
export function seedConfiguredNumbers(ctx: Pick<RequestContext, 'state' | 'now' | 'options'>): void {
  const { numbers, seeded } = collections(ctx);
  for (const phoneNumber of ctx.options.phoneNumbers) {
    if (seeded.has(phoneNumber)) continue;
    const now = ctx.now();
    seeded.put(phoneNumber, { seededTimestamp: now });
    if (!numbers.has(phoneNumber)) numbers.put(phoneNumber, configuredNumber(phoneNumber, now));
  }
}

/**
 * A purchased number of the resource by its path form, or the service's 404.
 *
 * @example
 * ```ts
 * purchasedNumber(ctx, '+18005550100').capabilities.sms; // 'inbound+outbound'
 * ```
 */
export function purchasedNumber(ctx: RequestContext, phoneNumber: string): PurchasedPhoneNumber {
  seedConfiguredNumbers(ctx);
  const number = checkPhoneNumber(phoneNumber);
  const record = collections(ctx).numbers.get(number);
  if (record === undefined) numberNotFound(number);
  return record;
}

/**
 * The numbers a new search may not offer: purchased ones, those held by live searches and those
 * released less than {@link RELEASED_NUMBER_AGING_IN_MS} ago.
 *
 * @example
 * ```ts
 * takenNumbers(ctx, now).has('+18005550100'); // true
 * ```
 */
export function takenNumbers(ctx: RequestContext, nowTimestamp: number): Set<string> {
  const { numbers, searches, released } = collections(ctx);
  const taken = new Set(numbers.keys());
  for (const number of released.keys()) {
    const record = released.get(number);
    if (record !== undefined && nowTimestamp - record.releasedTimestamp < RELEASED_NUMBER_AGING_IN_MS)
      taken.add(number);
  }
  for (const search of searches.values()) {
    if (isHolding(search, nowTimestamp)) for (const number of search.phoneNumbers) taken.add(number);
  }
  return taken;
}
