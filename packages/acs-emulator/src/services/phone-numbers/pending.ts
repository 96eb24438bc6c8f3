import type { RequestContext } from '../../host/service.js';
import { collections } from './collections.js';
import { purchasedFrom } from './search.js';

/**
 * The effects of purchase and release operations. With `operationDelayInMs` 0 they apply when
 * the operation is created; otherwise they wait in `phone-numbers.pending` until due and are
 * applied by the next phone-numbers request or the service's timer, whichever comes first — so a
 * number is the resource's exactly when its purchase operation reports `succeeded`.
 */

/**
 * A purchase or release waiting for its due time.
 *
 * @example
 * ```ts
 * const effect: PendingEffect = { operationId: 'purchase_s1', kind: 'purchase', searchId: 's1', dueTimestamp };
 * ```
 */
export interface PendingEffect {
  readonly operationId: string;
  readonly kind: 'purchase' | 'release';
  /** The search of a purchase. */
  readonly searchId?: string;
  /** The number of a release. */
  readonly phoneNumber?: string;
  readonly dueTimestamp: number;
}

type Context = Pick<RequestContext, 'state' | 'now' | 'options'>;

/**
 * Applies an effect now, or records it until its due time.
 *
 * @example
 * ```ts
 * schedule(ctx, { operationId: id, kind: 'release', phoneNumber, dueTimestamp });
 * ```
 */
export function schedule(ctx: Context, effect: PendingEffect): void {
  if (ctx.now() >= effect.dueTimestamp) apply(ctx, effect);
  else collections(ctx).pending.put(effect.operationId, effect);
}

/**
 * Applies every pending effect that is due.
 *
 * @example
 * ```ts
 * settle(ctx); // before answering from the collections
 * ```
 */
export function settle(ctx: Context): void {
  const { pending } = collections(ctx);
  if (pending.size === 0) return;
  const now = ctx.now();
  for (const effect of pending.values()) {
    if (now < effect.dueTimestamp) continue;
    apply(ctx, effect);
    pending.delete(effect.operationId);
  }
}

function apply(ctx: Context, effect: PendingEffect): void {
  const { numbers, searches, released } = collections(ctx);
  if (effect.kind === 'purchase') {
    const search = effect.searchId === undefined ? undefined : searches.get(effect.searchId);
    if (search === undefined) return;
    for (const record of purchasedFrom(search, effect.dueTimestamp)) numbers.put(record.phoneNumber, record);
  } else if (effect.phoneNumber !== undefined && numbers.delete(effect.phoneNumber)) {
    released.put(effect.phoneNumber, { releasedTimestamp: effect.dueTimestamp });
  }
}
