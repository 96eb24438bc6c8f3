import type {
  MembershipRecord,
  MessageRecord,
  ParticipantRecord,
  ReadReceiptRecord,
  RepeatedRequestRecord,
  RosterRecord,
  ThreadRecord,
} from './records.js';

/**
 * The chat service's view of its collections. Structural, so the host's transactional collections
 * and a plain `Map` (in unit tests) both fit.
 */

/** The part of a host collection the chat core uses. */
export interface Table<T> {
  get(key: string): T | undefined;
  put(key: string, value: T): void;
  delete(key: string): boolean;
  /** Values whose key starts with `prefix`. */
  scan(prefix: string): T[];
}

/** The chat collections (names without the `chat.` prefix). */
export interface ChatState {
  readonly threads: Table<ThreadRecord>;
  readonly participants: Table<ParticipantRecord>;
  readonly messages: Table<MessageRecord>;
  readonly readReceipts: Table<ReadReceiptRecord>;
  readonly memberships: Table<MembershipRecord>;
  readonly rosters: Table<RosterRecord>;
  readonly requests: Table<RepeatedRequestRecord>;
}

/**
 * The collection names the service declares.
 *
 * @example
 * ```ts
 * defineService({ name: 'chat', collections: CHAT_COLLECTIONS, … });
 * ```
 */
export const CHAT_COLLECTIONS = [
  'threads',
  'participants',
  'messages',
  'readReceipts',
  'memberships',
  'rosters',
  'requests',
] as const satisfies readonly (keyof ChatState)[];

/**
 * The chat state over a collection lookup (`ctx.state.collection`). Each collection is looked up
 * on first use only: a message send touches three of the seven. A class with a field per
 * collection (not a map of getters and closures): one is made for every chat request.
 *
 * @example
 * ```ts
 * const state = chatState((name) => ctx.state.collection(name));
 * state.threads.get(threadId);
 * ```
 */
export function chatState(collection: <T>(qualifiedName: string) => Table<T>): ChatState {
  return new LazyChatState(collection);
}

class LazyChatState implements ChatState {
  readonly #collection: <T>(qualifiedName: string) => Table<T>;
  #threads: Table<ThreadRecord> | undefined;
  #participants: Table<ParticipantRecord> | undefined;
  #messages: Table<MessageRecord> | undefined;
  #readReceipts: Table<ReadReceiptRecord> | undefined;
  #memberships: Table<MembershipRecord> | undefined;
  #rosters: Table<RosterRecord> | undefined;
  #requests: Table<RepeatedRequestRecord> | undefined;

  constructor(collection: <T>(qualifiedName: string) => Table<T>) {
    this.#collection = collection;
  }

  get threads(): Table<ThreadRecord> {
    this.#threads ??= this.#collection('chat.threads');
    return this.#threads;
  }
  get participants(): Table<ParticipantRecord> {
    this.#participants ??= this.#collection('chat.participants');
    return this.#participants;
  }
  get messages(): Table<MessageRecord> {
    this.#messages ??= this.#collection('chat.messages');
    return this.#messages;
  }
  get readReceipts(): Table<ReadReceiptRecord> {
    this.#readReceipts ??= this.#collection('chat.readReceipts');
    return this.#readReceipts;
  }
  get memberships(): Table<MembershipRecord> {
    this.#memberships ??= this.#collection('chat.memberships');
    return this.#memberships;
  }
  get rosters(): Table<RosterRecord> {
    this.#rosters ??= this.#collection('chat.rosters');
    return this.#rosters;
  }
  get requests(): Table<RepeatedRequestRecord> {
    this.#requests ??= this.#collection('chat.requests');
    return this.#requests;
  }
}

/**
 * A `Table` over a `Map`, for unit tests and tools.
 *
 * @example
 * ```ts
 * const state = chatState(() => mapTable());
 * ```
 */
export function mapTable<T>(map: Map<string, T> = new Map()): Table<T> {
  return {
    get: (key) => map.get(key),
    put: (key, value) => {
      map.set(key, value);
    },
    delete: (key) => map.delete(key),
    scan: (prefix) => [...map].flatMap(([key, value]) => (key.startsWith(prefix) ? [value] : [])),
  };
}
