import type { RequestContext } from '../../host/service.js';
import { collections } from './collections.js';
import { settle } from './pending.js';
import { checkPhoneNumber } from './phone-number.js';
import { numberNotFound } from './problem.js';
import { configuredNumber, type PurchasedPhoneNumber } from './purchased.js';
import { isHolding } from './search.js';

/**
 * The state rules of the Phone Numbers service over its collections (see collections.ts): the
 * configured numbers, settling due operations before answering, the owned-number lookup, and
 * which numbers a search may offer.
 */

/**
 * How long a released number ages before a search offers it again (telephone numbers go through
 * an aging period before they are reassigned; the emulator's is one day).
 *
 * @example
 * ```ts
 * takenNumbers(ctx, releasedTimestamp + RELEASED_NUMBER_AGING_IN_MS - 1).has(number); // true
 * ```
 */
export const RELEASED_NUMBER_AGING_IN_MS = 24 * 60 * 60_000;

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
  prepare(ctx);
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
  const { numbers, searches, released, pending } = collections(ctx);
  const taken = new Set(numbers.keys());
  for (const effect of pending.values()) {
    const search =
      effect.kind === 'purchase' && effect.searchId !== undefined ? searches.get(effect.searchId) : undefined;
    for (const number of search?.phoneNumbers ?? []) taken.add(number);
  }
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

/**
 * What every phone-numbers handler does first: put the configured numbers in and apply the
 * purchase and release effects that are due.
 *
 * @example
 * ```ts
 * prepare(ctx);
 * ```
 */
export function prepare(ctx: Pick<RequestContext, 'state' | 'now' | 'options'>): void {
  seedConfiguredNumbers(ctx);
  settle(ctx);
}
