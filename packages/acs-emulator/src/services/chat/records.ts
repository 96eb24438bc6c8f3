/**
 * What the chat service stores: plain JSON records, one collection each, keyed so that a write
 * touches only the records it changes (a message send writes its message and its thread, never the
 * whole thread history). Times are epoch milliseconds; identifiers are raw ids.
 */

/** A thread's retention policy, as the REST model has it. */
export type RetentionPolicy = { kind: 'threadCreationDate'; deleteThreadAfterDays: number } | { kind: 'none' };

/** `chat.threads`, keyed by thread id. */
export interface ThreadRecord {
  readonly id: string;
  readonly topic: string;
  readonly createdOn: number;
  /** Raw id of the creator. */
  readonly createdBy: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly retentionPolicy?: RetentionPolicy;
  readonly deletedOn?: number;
  /** The last `sequenceId` given to a message of this thread. */
  readonly sequence: number;
  /** The last message id (epoch ms) given, so ids stay unique and increasing. */
  readonly lastMessageId: number;
  readonly lastMessageReceivedOn: number;
  /** Bumped on every change of the thread's own properties (epoch ms, increasing). */
  readonly version: number;
}

/** `chat.participants`, keyed by {@link participantKey}. */
export interface ParticipantRecord {
  readonly threadId: string;
  readonly rawId: string;
  readonly displayName?: string;
  readonly shareHistoryTime?: number;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly addedOn: number;
}

/** A participant as a system message lists it (a snapshot at the time of the change). */
export interface ParticipantSnapshot {
  readonly rawId: string;
  readonly displayName?: string;
  readonly shareHistoryTime?: number;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Message types a user may send. */
export type UserMessageType = 'text' | 'html';

/** Message types the service writes itself. */
export type SystemMessageType = 'topicUpdated' | 'participantAdded' | 'participantRemoved';

/** `chat.messages`, keyed by {@link messageKey}. */
export interface MessageRecord {
  readonly threadId: string;
  /** Epoch-ms string, unique and increasing within the thread (as the service's ids are). */
  readonly id: string;
  readonly sequenceId: number;
  readonly type: UserMessageType | SystemMessageType;
  readonly version: number;
  readonly createdOn: number;
  readonly senderId?: string;
  readonly senderDisplayName?: string;
  /** `content.message` of text and html messages. */
  readonly message?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly editedOn?: number;
  readonly deletedOn?: number;
  /** `content.topic` of topicUpdated. */
  readonly topic?: string;
  /** `content.participants` of participantAdded / participantRemoved. */
  readonly participants?: readonly ParticipantSnapshot[];
  /** `content.initiatorCommunicationIdentifier` of a system message (raw id). */
  readonly initiatorId?: string;
}

/** `chat.readReceipts`, keyed by {@link participantKey}: the furthest message each user has read. */
export interface ReadReceiptRecord {
  readonly threadId: string;
  readonly senderId: string;
  readonly chatMessageId: string;
  readonly sequenceId: number;
  readonly readOn: number;
}

/** `chat.memberships`, keyed by {@link membershipKey}: the caller's threads, for listing them. */
export interface MembershipRecord {
  readonly threadId: string;
}

/** `chat.rosters`, keyed by thread id: the raw ids of the current participants, in join order. */
export interface RosterRecord {
  readonly members: readonly string[];
}

/** `chat.requests`, keyed by {@link requestKey}: a `repeatability-request-id` already answered. */
export interface RepeatedRequestRecord {
  readonly threadId: string;
  /** The 201 body sent the first time (sent again, unchanged, for a repeat). */
  readonly result: unknown;
  readonly firstSeenOn: number;
}

/**
 * Key of a (thread, user) pair: participants and read receipts.
 *
 * @example
 * ```ts
 * participantKey('19:abc@thread.v2', '8:acs:r_u'); // '19:abc@thread.v2\n8:acs:r_u'
 * ```
 */
export function participantKey(threadId: string, rawId: string): string {
  return `${threadId}\n${rawId}`;
}

/**
 * Key of a message.
 *
 * @example
 * ```ts
 * messageKey('19:abc@thread.v2', '1700000000000'); // '19:abc@thread.v2\n1700000000000'
 * ```
 */
export function messageKey(threadId: string, messageId: string): string {
  return `${threadId}\n${messageId}`;
}

/**
 * Key of a user's membership of a thread (user first, so one prefix lists a user's threads).
 *
 * @example
 * ```ts
 * membershipKey('8:acs:r_u', '19:abc@thread.v2'); // '8:acs:r_u\n19:abc@thread.v2'
 * ```
 */
export function membershipKey(rawId: string, threadId: string): string {
  return `${rawId}\n${threadId}`;
}

/**
 * Key of a repeatable create request: per caller, so one user's request id never answers another's.
 *
 * @example
 * ```ts
 * requestKey('8:acs:r_u', '5b8c…'); // '8:acs:r_u\n5b8c…'
 * ```
 */
export function requestKey(callerId: string, requestId: string): string {
  return `${callerId}\n${requestId}`;
}
