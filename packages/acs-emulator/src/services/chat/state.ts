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
 * on first use only: a message send touches three of the seven.
 *
 * @example
 * ```ts
 * const state = chatState((name) => ctx.state.collection(name));
 * state.threads.get(threadId);
 * ```
 */
export function chatState(collection: <T>(qualifiedName: string) => Table<T>): ChatState {
  const tables = new Map<keyof ChatState, unknown>();
  const table = <K extends keyof ChatState>(name: K): ChatState[K] => {
    let found = tables.get(name);
    if (found === undefined) {
      found = collection(`chat.${name}`);
      tables.set(name, found);
    }
    return found as ChatState[K];
  };
  return {
    get threads() {
      return table('threads');
    },
    get participants() {
      return table('participants');
    },
    get messages() {
      return table('messages');
    },
    get readReceipts() {
      return table('readReceipts');
    },
    get memberships() {
      return table('memberships');
    },
    get rosters() {
      return table('rosters');
    },
    get requests() {
      return table('requests');
    },
  };
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
