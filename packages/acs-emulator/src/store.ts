/**
 * The identities, in memory. Revocation uses one monotonic counter, `revision`: every token carries
 * the revision current when it was issued, and every identity the revision at which it was last
 * created or revoked. A token is valid while `token.rev >= identity.minRevision`, so a revoke (or a
 * delete followed by a re-creation of the same id) rejects every earlier token, whatever the clock
 * says, and a token issued right after a revoke is accepted even within the same second.
 */

/** One identity. */
export interface IdentityRecord {
  readonly id: string;
  readonly createdAtTimestamp: number;
  /** Tokens issued at a lower revision are rejected. */
  minRevision: number;
}

/**
 * The identity table.
 *
 * @example
 * ```ts
 * const store = new IdentityStore();
 * const record = store.create('8:acs:res_x', Date.now());
 * store.revoke(record.id); // every token issued so far is now rejected
 * ```
 */
export class IdentityStore {
  readonly #identities = new Map<string, IdentityRecord>();
  #revision: number;

  constructor(initial: { revision: number; identities: readonly IdentityRecord[] } = { revision: 0, identities: [] }) {
    this.#revision = initial.revision;
    for (const record of initial.identities) this.#identities.set(record.id, { ...record });
  }

  /** The revision a token issued now carries. */
  get revision(): number {
    return this.#revision;
  }

  /** How many identities exist. */
  get size(): number {
    return this.#identities.size;
  }

  /** The identity with this id, if it exists. */
  get(id: string): IdentityRecord | undefined {
    return this.#identities.get(id);
  }

  /** Adds a new identity (the id must be new). */
  create(id: string, nowTimestamp: number): IdentityRecord {
    const record: IdentityRecord = { id, createdAtTimestamp: nowTimestamp, minRevision: ++this.#revision };
    this.#identities.set(id, record);
    return record;
  }

  /** The identity with this id, created if missing (exchange routes). */
  ensure(id: string, nowTimestamp: number): { record: IdentityRecord; created: boolean } {
    const existing = this.#identities.get(id);
    return existing === undefined
      ? { record: this.create(id, nowTimestamp), created: true }
      : { record: existing, created: false };
  }

  /** Removes an identity; its tokens stop working. False if it did not exist. */
  delete(id: string): boolean {
    return this.#identities.delete(id);
  }

  /** Rejects every token issued so far for this identity. False if it does not exist. */
  revoke(id: string): boolean {
    const record = this.#identities.get(id);
    if (record === undefined) return false;
    record.minRevision = ++this.#revision;
    return true;
  }

  /** Whether a token of this identity issued at `revision` is still valid. */
  accepts(id: string, revision: number): boolean {
    const record = this.#identities.get(id);
    return record !== undefined && revision >= record.minRevision;
  }

  /** Every identity, in creation order. */
  records(): IterableIterator<IdentityRecord> {
    return this.#identities.values();
  }
}
