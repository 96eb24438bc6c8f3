import { createHash, randomUUID } from 'node:crypto';
import { ACS_USER_PREFIX } from 'acs-protocol';

/**
 * Communication user ids, `8:acs:<resourceId>_<suffix>` (peers-and-pain §3c). The skypeid claim of
 * a token is the same id without its `8:` prefix.
 */

const ID_PREFIX = ACS_USER_PREFIX;
const SAFE_PART = /^[A-Za-z0-9-]{1,64}$/;

/**
 * A fresh id for `POST /identities`.
 *
 * @example
 * ```ts
 * newIdentityId('2dee53b4-368b-45b4-ab52-8493fb117652'); // '8:acs:2dee53b4-…_0a1b…'
 * ```
 */
export function newIdentityId(resourceId: string): string {
  return `${ID_PREFIX}${resourceId}_${randomUUID()}`;
}

/**
 * The id of a Teams Phone extension user, `8:acs:<resourceId>_<tenantId>_<objectId>` (the
 * TeamsExtensionUser raw-id form).
 *
 * @example
 * ```ts
 * teamsExtensionUserId('res', 'tenant', 'oid'); // '8:acs:res_tenant_oid'
 * ```
 */
export function teamsExtensionUserId(resourceId: string, tenantId: string, objectId: string): string {
  return `${ID_PREFIX}${resourceId}_${tenantId}_${objectId}`;
}

/**
 * The id of an Entra user exchanged on `/access/entra`: a communication user whose suffix is
 * derived from tenant and object id, so the same Entra user always gets the same id.
 *
 * @example
 * ```ts
 * entraUserId('res', 'tenant', 'oid'); // '8:acs:res_<uuid-shaped hash>'
 * ```
 */
export function entraUserId(resourceId: string, tenantId: string, objectId: string): string {
  const hex = createHash('sha256').update(`${tenantId}\n${objectId}`).digest('hex');
  const suffix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `${ID_PREFIX}${resourceId}_${suffix}`;
}

/**
 * Whether a tenant or object id can be embedded in an identity id (letters, digits, `-`).
 *
 * @example
 * ```ts
 * isSafeIdPart('8f0b0c1e-1111-2222-3333-444455556666'); // true
 * isSafeIdPart('a_b'); // false
 * ```
 */
export function isSafeIdPart(value: unknown): value is string {
  return typeof value === 'string' && SAFE_PART.test(value);
}

/**
 * The `{id}` path parameter (already percent-decoded by the router) if it is an `8:acs:` id of
 * this resource, else `undefined`.
 *
 * @example
 * ```ts
 * identityIdOfResource('8:acs:res_x', 'res'); // '8:acs:res_x'
 * identityIdOfResource('8:acs:other_x', 'res'); // undefined
 * ```
 */
export function identityIdOfResource(id: string, resourceId: string): string | undefined {
  return id.startsWith(`${ID_PREFIX}${resourceId}_`) && id.length <= 512 ? id : undefined;
}
