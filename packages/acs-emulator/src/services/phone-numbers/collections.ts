import type { RequestContext } from '../../host/service.js';
import type { OperationRecord } from './operation-record.js';
import type { PendingEffect } from './pending.js';
import type { PurchasedPhoneNumber } from './purchased.js';
import type { SearchRecord } from './search.js';

/**
 * The Phone Numbers collections: `phone-numbers.numbers` (PurchasedPhoneNumber by E.164 — read by
 * SMS for purchased senders), `.searches`, `.operations`, `.pending` (purchase and release
 * effects waiting for their due time), `.seeded` (the configured numbers already put in, so a
 * released one stays released across restarts) and `.released` (when each number was released).
 */

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
    pending: ctx.state.collection<PendingEffect>('phone-numbers.pending'),
  };
}
