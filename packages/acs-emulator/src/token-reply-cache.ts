import type { JwtSigner } from './jwt.js';
import type { IdentityRecord } from './store.js';

/**
 * The last `:issueAccessToken` reply of each identity, reused while none of its inputs changes.
 * An ACS token is a pure function of the signing key, the identity, the resource, the scopes, the
 * store's revision and its `iat` and `exp` claims, which are whole seconds. A request that repeats
 * all of these within the same second would be signed into exactly the same bytes, so the cached
 * reply is what signing again would produce, not an approximation of it.
 *
 * Revocation and deletion stay exact: a revoke (or any create) moves the store's revision, which
 * is part of the key; a deleted identity never gets here (its lookup fails first), and a
 * re-created one is a new record. Entries are held weakly, so dropping a record drops its entry.
 */

/** Everything a token depends on besides the record itself. */
export interface TokenReplyKey {
  readonly signer: JwtSigner;
  readonly resourceId: string;
  /** The scopes as they go into the `acsScope` claim (comma-joined, in order). */
  readonly acsScope: string;
  readonly revision: number;
  /** `iat`, epoch seconds. */
  readonly issuedAtInSeconds: number;
  /** `exp`, epoch seconds. */
  readonly expiresOnInSeconds: number;
}

interface Entry extends TokenReplyKey {
  readonly json: string;
}

/**
 * A per-identity, one-entry cache of reply JSON.
 *
 * @example
 * ```ts
 * const cache = new TokenReplyCache();
 * const json = cache.get(record, key) ?? cache.set(record, key, signAndFormat());
 * ```
 */
export class TokenReplyCache {
  readonly #entries = new WeakMap<IdentityRecord, Entry>();

  /** The cached reply for this record if every part of the key matches, else `undefined`. */
  get(record: IdentityRecord, key: TokenReplyKey): string | undefined {
    const entry = this.#entries.get(record);
    return entry !== undefined &&
      entry.issuedAtInSeconds === key.issuedAtInSeconds &&
      entry.expiresOnInSeconds === key.expiresOnInSeconds &&
      entry.revision === key.revision &&
      entry.acsScope === key.acsScope &&
      entry.signer === key.signer &&
      entry.resourceId === key.resourceId
      ? entry.json
      : undefined;
  }

  /** Remembers a reply (replacing the record's previous one) and returns it. */
  set(record: IdentityRecord, key: TokenReplyKey, json: string): string {
    this.#entries.set(record, { ...key, json });
    return json;
  }
}
