import { nextTick } from './ids.js';
import { type MessageRecord, messageKey, type ThreadRecord } from './records.js';
import type { ChatState } from './state.js';

/**
 * A thread's timeline: every message, sent or written by the service itself, takes the next
 * `sequenceId` and a fresh increasing epoch-ms id (its first `version`), and moves the thread's
 * `lastMessageReceivedOn`. Writes one message and the thread record; nothing else.
 */

/** A message before it has its place in the timeline. */
export type NewMessage = Omit<MessageRecord, 'threadId' | 'id' | 'sequenceId' | 'version' | 'createdOn'>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The thread after a message took the next place. Built field by field: object spread is many
 * times slower than a literal in V8, and this runs on every message.
 */
function advanced(thread: ThreadRecord, sequence: number, lastMessageId: number, now: number): ThreadRecord {
  const next: Mutable<ThreadRecord> = {
    id: thread.id,
    topic: thread.topic,
    createdOn: thread.createdOn,
    createdBy: thread.createdBy,
    sequence,
    lastMessageId,
    lastMessageReceivedOn: now,
    version: thread.version,
  };
  if (thread.metadata !== undefined) next.metadata = thread.metadata;
  if (thread.retentionPolicy !== undefined) next.retentionPolicy = thread.retentionPolicy;
  if (thread.deletedOn !== undefined) next.deletedOn = thread.deletedOn;
  return next;
}

/**
 * Appends a message and returns it with the updated thread.
 *
 * @example
 * ```ts
 * const { message, thread: updated } = appendMessage(state, thread, { type: 'text', message: 'hi', senderId }, now);
 * ```
 */
export function appendMessage(
  state: ChatState,
  thread: ThreadRecord,
  draft: NewMessage,
  now: number,
): { message: MessageRecord; thread: ThreadRecord } {
  const idValue = nextTick(now, thread.lastMessageId);
  const message: Mutable<MessageRecord> = {
    threadId: thread.id,
    id: String(idValue),
    sequenceId: thread.sequence + 1,
    type: draft.type,
    version: idValue,
    createdOn: now,
  };
  if (draft.senderId !== undefined) message.senderId = draft.senderId;
  if (draft.senderDisplayName !== undefined) message.senderDisplayName = draft.senderDisplayName;
  if (draft.message !== undefined) message.message = draft.message;
  if (draft.metadata !== undefined) message.metadata = draft.metadata;
  if (draft.topic !== undefined) message.topic = draft.topic;
  if (draft.participants !== undefined) message.participants = draft.participants;
  if (draft.initiatorId !== undefined) message.initiatorId = draft.initiatorId;
  const updated = advanced(thread, message.sequenceId, idValue, now);
  state.messages.put(messageKey(thread.id, message.id), message);
  state.threads.put(thread.id, updated);
  return { message, thread: updated };
}
