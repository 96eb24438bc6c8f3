/**
 * The emulator's state: named collections of JSON values (`chat.threads`, `identity.identities`,
 * …), one map each, in memory. Requests change it only through a `Transaction`: writes are
 * buffered, read back by the same transaction, and applied together by the host after the
 * handler returned, then handed to the durability layer (the journal, with `--data`). A handler
 * that throws changes nothing.
 */

/** A JSON value as stored. */
export type StoredValue = unknown;

/** One buffered change: a new value, or a deletion. */
export type Change = readonly [collection: string, key: string, value: StoredValue] | readonly [string, string];

/** What makes applied changes durable (the journal); absent for in-memory state. */
export interface Durability {
  /** Records the changes; resolves once they (and everything before) are durable. */
  append(changes: readonly Change[]): Promise<void>;
}

/**
 * A read/write view of one collection inside a transaction.
 *
 * @example
 * ```ts
 * const threads = ctx.state.collection<ThreadRecord>('chat.threads');
 * threads.put(thread.id, { ...thread, topic: 'new' });
 * ```
 */
export interface Collection<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  put(key: string, value: T): void;
  /** False when there was nothing to delete. */
  delete(key: string): boolean;
  /** Every value, in insertion order (keys first written in this transaction last). */
  values(): T[];
  keys(): string[];
  /** Values whose key starts with `prefix`, in insertion order. */
  scan(prefix: string): T[];
  readonly size: number;
}

const DELETED = Symbol('deleted');
const NOT_BUFFERED = Symbol('not buffered');
type Pending = Map<string, StoredValue | typeof DELETED>;

/**
 * The collections, and the one place that applies changes.
 *
 * @example
 * ```ts
 * const store = new Store();
 * const tx = store.begin('chat');
 * tx.collection('chat.threads').put('t1', { id: 't1' });
 * await store.commit(tx); // applied and durable
 * ```
 */
export class Store {
  readonly #collections = new Map<string, Map<string, StoredValue>>();
  #durability: Durability | undefined;
  #durable: Promise<void> = Promise.resolve();
  /** Whether `#durable` is known to have fulfilled (so a reply need not wait for it). */
  #durableNow = true;

  /** Attaches the durability layer (after loading). */
  attach(durability: Durability): void {
    this.#durability = durability;
  }

  /** The committed contents of a collection (read-only; for loading, snapshots and the dashboard). */
  read(name: string): ReadonlyMap<string, StoredValue> {
    return this.#collections.get(name) ?? EMPTY;
  }

  /** Every collection name with at least one entry. */
  names(): string[] {
    return [...this.#collections.keys()];
  }

  /** Loads a value without a transaction (replaying a journal or a snapshot). */
  load(change: Change): void {
    this.#apply(change[0], change[1], change.length === 2 ? DELETED : change[2]);
  }

  /** A transaction; `owner` is the service whose collections it may write (`undefined`: any). */
  begin(owner?: string): Transaction {
    return new Transaction(this, owner);
  }

  /**
   * Applies a transaction's changes to memory at once and resolves when they are durable. Replies
   * wait for `durable()` as well, so no answer ever reveals state a crash could lose.
   */
  commit(transaction: Transaction): Promise<void> {
    const pending = transaction.pendingCollections();
    if (pending === undefined) return this.#durable;
    for (const [name, writes] of pending) for (const [key, value] of writes) this.#apply(name, key, value);
    // In memory there is nothing more to do (and no change list to build).
    if (this.#durability === undefined) return this.#durable;
    const written = this.#durability.append(transaction.changes());
    this.#durable = written;
    this.#durableNow = false;
    written.then(
      () => {
        if (this.#durable === written) this.#durableNow = true;
      },
      () => {}, // stays not durable: the next reply waits for `durable()` and reports the failure
    );
    return written;
  }

  /** Resolves once every change applied so far is durable. */
  durable(): Promise<void> {
    return this.#durable;
  }

  /**
   * Whether every change applied so far is already durable (always, in memory): a reply can go
   * out now instead of after `durable()` settles. False while a write is on its way to disk, and
   * after one failed until a later one succeeds.
   */
  isDurable(): boolean {
    return this.#durability === undefined || this.#durableNow;
  }

  #apply(name: string, key: string, value: StoredValue | typeof DELETED): void {
    let collection = this.#collections.get(name);
    if (value === DELETED) {
      collection?.delete(key);
      return;
    }
    if (collection === undefined) {
      collection = new Map();
      this.#collections.set(name, collection);
    }
    collection.set(key, value);
  }
}

const EMPTY: ReadonlyMap<string, StoredValue> = new Map();

/**
 * Buffered writes over the store, read back by the same transaction.
 *
 * @example
 * ```ts
 * const tx = store.begin('identity');
 * tx.collection('identity.identities').put(id, record);
 * ```
 */
export class Transaction {
  readonly #store: Store;
  readonly #owner: string | undefined;
  // Made on first use: most requests read one collection and write none.
  #pending: Map<string, Pending> | undefined;
  // A request opens one to four views: a list to scan is cheaper than a map to build.
  #views: TransactionCollection[] | undefined;

  constructor(store: Store, owner: string | undefined) {
    this.#store = store;
    this.#owner = owner;
  }

  /** A view of a collection by its qualified name (`service.name`). */
  collection<T>(name: string): Collection<T> {
    return this.#viewFor(name, this.#owner);
  }

  /**
   * The same transaction as another service sees it: reads see every buffered write, writes go to
   * `owner`'s collections. The host uses it for the events service's records of the events a
   * request emits, so they commit together with the request's own writes.
   */
  as(owner: string): { collection<T>(name: string): Collection<T> } {
    return { collection: <T>(name: string) => this.#viewFor<T>(name, owner) };
  }

  #viewFor<T>(name: string, owner: string | undefined): Collection<T> {
    this.#views ??= [];
    for (const view of this.#views) if (view.name === name && view.owner === owner) return view as Collection<T>;
    const view = new TransactionCollection(this, this.#store, name, owner);
    this.#views.push(view);
    return view as Collection<T>;
  }

  /** The buffered writes by collection, or `undefined` when there are none. Internal to the store. */
  pendingCollections(): ReadonlyMap<string, Pending> | undefined {
    return this.#pending;
  }

  /** The buffered changes, in order of collection then first write. */
  changes(): Change[] {
    const changes: Change[] = [];
    if (this.#pending === undefined) return changes;
    for (const [name, pending] of this.#pending) {
      for (const [key, value] of pending) changes.push(value === DELETED ? [name, key] : [name, key, value]);
    }
    return changes;
  }

  /** The buffered value of a key (`DELETED` or a value), or `NOT_BUFFERED`. Internal to the store. */
  buffered(name: string, key: string): unknown {
    const pending = this.#pending?.get(name);
    return pending?.has(key) ? pending.get(key) : NOT_BUFFERED;
  }

  /** The buffered writes of a collection, if any. Internal to the store. */
  pendingOf(name: string): Pending | undefined {
    return this.#pending?.get(name);
  }

  /** Buffers a write (a value, or `DELETED`). Internal to the store. */
  write(name: string, key: string, value: unknown): void {
    this.#pending ??= new Map();
    let pending = this.#pending.get(name);
    if (pending === undefined) {
      pending = new Map();
      this.#pending.set(name, pending);
    }
    pending.set(key, value);
  }
}

/**
 * One collection as a transaction sees it: the committed map with the transaction's buffered
 * writes on top. A class (methods on the prototype), not an object of closures: a request opens
 * several of these, and closures per view were a measurable share of the garbage per request.
 */
class TransactionCollection implements Collection<unknown> {
  readonly #transaction: Transaction;
  readonly #store: Store;
  readonly #name: string;
  readonly #owner: string | undefined;

  constructor(transaction: Transaction, store: Store, name: string, owner: string | undefined) {
    this.#transaction = transaction;
    this.#store = store;
    this.#name = name;
    this.#owner = owner;
  }

  /** The collection's qualified name. */
  get name(): string {
    return this.#name;
  }

  /** The service whose collections this view may write (`undefined`: any). */
  get owner(): string | undefined {
    return this.#owner;
  }

  get(key: string): unknown {
    const buffered = this.#transaction.buffered(this.#name, key);
    if (buffered === NOT_BUFFERED) return this.#store.read(this.#name).get(key);
    return buffered === DELETED ? undefined : buffered;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  put(key: string, value: unknown): void {
    if (value === undefined) throw new Error(`Cannot store undefined in '${this.#name}' (use delete).`);
    this.#writable();
    this.#transaction.write(this.#name, key, value);
  }

  delete(key: string): boolean {
    const existed = this.get(key) !== undefined;
    if (existed) {
      this.#writable();
      this.#transaction.write(this.#name, key, DELETED);
    }
    return existed;
  }

  values(): unknown[] {
    const pending = this.#transaction.pendingOf(this.#name);
    if (pending === undefined) return [...this.#store.read(this.#name).values()];
    return this.#entries(pending).map(([, value]) => value);
  }

  keys(): string[] {
    const pending = this.#transaction.pendingOf(this.#name);
    if (pending === undefined) return [...this.#store.read(this.#name).keys()];
    return this.#entries(pending).map(([key]) => key);
  }

  scan(prefix: string): unknown[] {
    const pending = this.#transaction.pendingOf(this.#name);
    const found: unknown[] = [];
    if (pending === undefined) {
      for (const [key, value] of this.#store.read(this.#name)) if (key.startsWith(prefix)) found.push(value);
      return found;
    }
    for (const [key, value] of this.#entries(pending)) if (key.startsWith(prefix)) found.push(value);
    return found;
  }

  get size(): number {
    const pending = this.#transaction.pendingOf(this.#name);
    return pending === undefined ? this.#store.read(this.#name).size : this.#entries(pending).length;
  }

  #entries(pending: Pending): Array<[string, unknown]> {
    const base = this.#store.read(this.#name);
    const result: Array<[string, unknown]> = [];
    for (const [key, value] of base) {
      if (!pending.has(key)) result.push([key, value]);
      else if (pending.get(key) !== DELETED) result.push([key, pending.get(key)]);
    }
    for (const [key, value] of pending) if (!base.has(key) && value !== DELETED) result.push([key, value]);
    return result;
  }

  #writable(): void {
    const owner = this.#owner;
    if (owner !== undefined && !this.#name.startsWith(`${owner}.`)) {
      throw new Error(
        `The ${owner} service cannot write the collection '${this.#name}' (it belongs to another service).`,
      );
    }
  }
}
