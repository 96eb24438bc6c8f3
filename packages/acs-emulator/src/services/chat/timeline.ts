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
  const message: MessageRecord = {
    threadId: thread.id,
    id: String(idValue),
    sequenceId: thread.sequence + 1,
    version: idValue,
    createdOn: now,
    ...draft,
  };
  const updated: ThreadRecord = {
    ...thread,
    sequence: message.sequenceId,
    lastMessageId: idValue,
    lastMessageReceivedOn: now,
  };
  state.messages.put(messageKey(thread.id, message.id), message);
  state.threads.put(thread.id, updated);
  return { message, thread: updated };
}
