import { openThread, requireParticipant } from './access.js';
import type { ChatEnv } from './env.js';
import { threadCreated, threadDeleted, threadPropertiesUpdated } from './events.js';
import { type Page, pageAt } from './paging.js';
import { type InvalidParticipant, type ParticipantInput, readParticipants } from './participants-input.js';
import {
  membershipKey,
  type ParticipantRecord,
  type ParticipantSnapshot,
  participantKey,
  type RepeatedRequestRecord,
  type RetentionPolicy,
  requestKey,
  type ThreadRecord,
} from './records.js';
import type { ChatState } from './state.js';
import { appendMessage } from './timeline.js';
import { checkMetadata, checkTopic } from './validation.js';
import { type WireThread, type WireThreadItem, wireThread, wireThreadItem } from './wire.js';

/**
 * Thread transitions: create (with its two system messages and idempotent repeats), read, update
 * (a `topicUpdated` message when the topic changes), delete (soft: listed with `deletedOn`, closed
 * to everything else), and the caller's thread list.
 */

/** `CreateChatThreadRequest` plus the repeatability header. */
export interface CreateThreadInput {
  readonly topic: string;
  readonly participants?: readonly ParticipantInput[] | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
  readonly retentionPolicy?: RetentionPolicy | undefined;
  /** `repeatability-request-id`. */
  readonly requestId?: string | undefined;
}

/** `CreateChatThreadResult`. */
export interface CreateThreadResult {
  readonly chatThread: WireThread;
  readonly invalidParticipants?: InvalidParticipant[];
}

/** The outcome of a create: the 201 body, and whether it repeats an earlier answer. */
export interface CreateThreadOutcome {
  readonly threadId: string;
  readonly result: CreateThreadResult;
  readonly repeated: boolean;
}

/**
 * Adds participants (known not to be in the thread), their memberships and their roster places.
 *
 * @example
 * ```ts
 * joinAll(state, threadId, accepted, now);
 * ```
 */
export function joinAll(
  state: ChatState,
  threadId: string,
  participants: readonly ParticipantSnapshot[],
  now: number,
): ParticipantRecord[] {
  const records = participants.map((snapshot) => {
    const record: ParticipantRecord = { threadId, ...snapshot, addedOn: now };
    state.participants.put(participantKey(threadId, snapshot.rawId), record);
    state.memberships.put(membershipKey(snapshot.rawId, threadId), { threadId });
    return record;
  });
  if (records.length > 0) {
    const members = state.rosters.get(threadId)?.members ?? [];
    state.rosters.put(threadId, { members: [...members, ...records.map((record) => record.rawId)] });
  }
  return records;
}

/**
 * Creates a thread. The caller always becomes a participant (with the display name it gave
 * itself, if it listed itself). Refused participants are reported, not fatal. The thread's first
 * messages are `participantAdded` (everyone who joined) and `topicUpdated`, as the service writes
 * them. A repeated `repeatability-request-id` from the same caller returns the first answer and
 * changes nothing.
 *
 * @example
 * ```ts
 * const { result } = createThread(state, { topic: 'Lunch', participants: [...] }, env);
 * ```
 */
export function createThread(state: ChatState, input: CreateThreadInput, env: ChatEnv): CreateThreadOutcome {
  const repeatKey = input.requestId === undefined ? undefined : requestKey(env.callerId, input.requestId);
  if (repeatKey !== undefined) {
    const earlier = state.requests.get(repeatKey);
    if (earlier !== undefined) {
      return { threadId: earlier.threadId, result: earlier.result as CreateThreadResult, repeated: true };
    }
  }
  const topic = checkTopic(input.topic, 'topic');
  const metadata = input.metadata === undefined ? undefined : checkMetadata(input.metadata, 'metadata');
  const { accepted, invalid } = readParticipants(input.participants ?? [], 'participants', env);
  const joining = accepted.some((p) => p.rawId === env.callerId) ? accepted : [{ rawId: env.callerId }, ...accepted];

  const now = env.now;
  let thread: ThreadRecord = {
    id: env.newThreadId(),
    topic,
    createdOn: now,
    createdBy: env.callerId,
    ...(metadata === undefined ? {} : { metadata }),
    ...(input.retentionPolicy === undefined ? {} : { retentionPolicy: { ...input.retentionPolicy } }),
    sequence: 0,
    lastMessageId: 0,
    lastMessageReceivedOn: now,
    version: now,
  };
  state.threads.put(thread.id, thread);
  joinAll(state, thread.id, joining, now);
  thread = appendMessage(
    state,
    thread,
    { type: 'participantAdded', participants: joining, initiatorId: env.callerId },
    now,
  ).thread;
  thread = appendMessage(state, thread, { type: 'topicUpdated', topic, initiatorId: env.callerId }, now).thread;

  const result: CreateThreadResult = {
    chatThread: wireThread(thread),
    ...(invalid.length === 0 ? {} : { invalidParticipants: invalid }),
  };
  if (repeatKey !== undefined) {
    const record: RepeatedRequestRecord = { threadId: thread.id, result, firstSeenOn: now };
    state.requests.put(repeatKey, record);
  }
  env.emit(threadCreated(thread, joining));
  return { threadId: thread.id, result, repeated: false };
}

/**
 * `ChatThreadProperties` for a participant.
 *
 * @example
 * ```ts
 * getThread(state, threadId, env.callerId).topic;
 * ```
 */
export function getThread(state: ChatState, threadId: string, callerId: string): WireThread {
  return wireThread(openThread(state, threadId, callerId).thread);
}

/** `UpdateChatThreadRequest` (a JSON merge patch: a `null` metadata value removes that key). */
export interface UpdateThreadInput {
  readonly topic?: string | undefined;
  readonly metadata?: Readonly<Record<string, string | null>> | undefined;
  readonly retentionPolicy?: RetentionPolicy | null | undefined;
}

/**
 * Applies a JSON merge patch to a string map (`null` removes a key); `undefined` when empty.
 *
 * @example
 * ```ts
 * mergeMetadata({ a: '1', b: '2' }, { b: null, c: '3' }); // { a: '1', c: '3' }
 * ```
 */
export function mergeMetadata(
  current: Readonly<Record<string, string>> | undefined,
  patch: Readonly<Record<string, string | null>>,
): Record<string, string> | undefined {
  const merged: Record<string, string> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return Object.keys(merged).length === 0 ? undefined : merged;
}

/**
 * Updates topic, metadata and retention policy. A changed topic adds a `topicUpdated` message.
 *
 * @example
 * ```ts
 * updateThread(state, threadId, { topic: 'Dinner' }, env);
 * ```
 */
export function updateThread(state: ChatState, threadId: string, input: UpdateThreadInput, env: ChatEnv): void {
  let { thread } = openThread(state, threadId, env.callerId);
  const topic = input.topic === undefined ? thread.topic : checkTopic(input.topic, 'topic');
  const metadata = input.metadata === undefined ? thread.metadata : mergeMetadata(thread.metadata, input.metadata);
  if (metadata !== undefined) checkMetadata(metadata, 'metadata');
  const retentionPolicy =
    input.retentionPolicy === undefined ? thread.retentionPolicy : (input.retentionPolicy ?? undefined);
  const { metadata: _m, retentionPolicy: _r, ...rest } = thread;
  thread = {
    ...rest,
    topic,
    ...(metadata === undefined ? {} : { metadata }),
    ...(retentionPolicy === undefined ? {} : { retentionPolicy }),
    version: Math.max(env.now, thread.version + 1),
  };
  state.threads.put(thread.id, thread);
  if (input.topic !== undefined && topic !== rest.topic) {
    thread = appendMessage(state, thread, { type: 'topicUpdated', topic, initiatorId: env.callerId }, env.now).thread;
  }
  env.emit(threadPropertiesUpdated(thread, env.callerId, env.now));
}

/**
 * Deletes a thread for everyone (any participant may). The thread stays in its participants'
 * lists with `deletedOn`; every other operation on it answers 404. Deleting it again is a no-op.
 *
 * @example
 * ```ts
 * deleteThread(state, threadId, env);
 * ```
 */
export function deleteThread(state: ChatState, threadId: string, env: ChatEnv): void {
  const existing = state.threads.get(threadId);
  if (existing?.deletedOn !== undefined) {
    requireParticipant(state, existing, env.callerId);
    return;
  }
  const { thread } = openThread(state, threadId, env.callerId);
  const deleted: ThreadRecord = { ...thread, deletedOn: env.now, version: Math.max(env.now, thread.version + 1) };
  state.threads.put(threadId, deleted);
  env.emit(threadDeleted(deleted, env.callerId, env.now));
}

/**
 * The caller's threads (current memberships), most recent activity first, optionally only those
 * active (or deleted) at or after `startTime`.
 *
 * @example
 * ```ts
 * listThreads(state, callerId, { skip: 0, size: 20 }).value;
 * ```
 */
export function listThreads(
  state: ChatState,
  callerId: string,
  query: { readonly skip: number; readonly size: number; readonly startTime?: number | undefined },
): Page<WireThreadItem, number> {
  const threads: ThreadRecord[] = [];
  for (const { threadId } of state.memberships.scan(`${callerId}\n`)) {
    const thread = state.threads.get(threadId);
    if (thread === undefined) continue;
    const activity = Math.max(thread.lastMessageReceivedOn, thread.deletedOn ?? 0);
    if (query.startTime !== undefined && activity < query.startTime) continue;
    threads.push(thread);
  }
  threads.sort((a, b) => b.lastMessageReceivedOn - a.lastMessageReceivedOn || (a.id < b.id ? -1 : 1));
  const page = pageAt(threads, query.skip, query.size);
  return { value: page.value.map(wireThreadItem), ...(page.next === undefined ? {} : { next: page.next }) };
}
