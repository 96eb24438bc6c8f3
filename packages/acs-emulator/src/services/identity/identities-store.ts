import { IDENTITIES_COLLECTION } from '../../host/auth/providers.js';
import type { RequestContext } from '../../host/service.js';

/**
 * The identity table and the revocation counter, as collections. Revocation uses one monotonic
 * counter, `revision` (collection `identity.meta`): every token carries the revision current when
 * it was issued, and every identity the revision at which it was last created or revoked. A token
 * is valid while `token.rev >= identity.minRevision`, so a revoke (or a delete followed by a
 * re-creation of the same id) rejects every earlier token, whatever the clock says. The host
 * answers nothing before the state it rests on is durable, so a token's revision is never ahead
 * of the disk, and a revoke acknowledged after a crash still covers every token issued before it.
 */

/** One identity. */
export interface IdentityRecord {
  readonly id: string;
  readonly createdAtTimestamp: number;
  /** Tokens issued at a lower revision are rejected. */
  readonly minRevision: number;
}

const META = 'identity.meta';

/** The identities collection of a context. */
export const identities = (ctx: RequestContext) => ctx.state.collection<IdentityRecord>(IDENTITIES_COLLECTION);

/**
 * The revision a token issued now carries.
 *
 * @example
 * ```ts
 * mintAcsToken(ctx.signers.acs, { …, revision: currentRevision(ctx) });
 * ```
 */
export function currentRevision(ctx: RequestContext): number {
  return ctx.state.collection<number>(META).get('revision') ?? 0;
}

/** Moves the counter on and returns the new revision. */
function nextRevision(ctx: RequestContext): number {
  const next = currentRevision(ctx) + 1;
  ctx.state.collection<number>(META).put('revision', next);
  return next;
}

/**
 * Adds a new identity (the id must be new).
 *
 * @example
 * ```ts
 * const record = createIdentityRecord(ctx, newIdentityId(ctx.resourceId));
 * ```
 */
export function createIdentityRecord(ctx: RequestContext, id: string): IdentityRecord {
  const record: IdentityRecord = { id, createdAtTimestamp: ctx.now(), minRevision: nextRevision(ctx) };
  identities(ctx).put(id, record);
  return record;
}

/**
 * Rejects every token issued so far for this identity.
 *
 * @example
 * ```ts
 * revokeIdentityTokens(ctx, record);
 * ```
 */
export function revokeIdentityTokens(ctx: RequestContext, record: IdentityRecord): void {
  identities(ctx).put(record.id, { ...record, minRevision: nextRevision(ctx) });
}
