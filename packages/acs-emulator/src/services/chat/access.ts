import { forbidden, notFound } from './failure.js';
import { type ParticipantRecord, participantKey, type ThreadRecord } from './records.js';
import type { ChatState } from './state.js';

/**
 * Who may touch a thread: it must exist and not be deleted (404 otherwise), and the caller must be
 * one of its current participants (403 otherwise, as the service answers; a removed participant
 * loses access at once).
 */

/**
 * The thread, unless it does not exist or was deleted.
 *
 * @example
 * ```ts
 * const thread = liveThread(state, threadId);
 * ```
 */
export function liveThread(state: ChatState, threadId: string): ThreadRecord {
  const thread = state.threads.get(threadId);
  if (thread === undefined || thread.deletedOn !== undefined) {
    throw notFound(`The chat thread '${threadId.slice(0, 100)}' does not exist (or was deleted).`);
  }
  return thread;
}

/**
 * The caller's participant record in the thread, or 403.
 *
 * @example
 * ```ts
 * const me = requireParticipant(state, thread, env.callerId);
 * ```
 */
export function requireParticipant(state: ChatState, thread: ThreadRecord, callerId: string): ParticipantRecord {
  const participant = state.participants.get(participantKey(thread.id, callerId));
  if (participant === undefined) {
    throw forbidden('Permissions check failed: the caller is not a participant of this chat thread.');
  }
  return participant;
}

/**
 * Both checks at once: the live thread and the caller's place in it.
 *
 * @example
 * ```ts
 * const { thread, participant } = openThread(state, threadId, env.callerId);
 * ```
 */
export function openThread(
  state: ChatState,
  threadId: string,
  callerId: string,
): { thread: ThreadRecord; participant: ParticipantRecord } {
  const thread = liveThread(state, threadId);
  return { thread, participant: requireParticipant(state, thread, callerId) };
}

/**
 * Whether a participant may see a message created at `createdOn` (its `shareHistoryTime`, if any,
 * is the earliest it sees).
 *
 * @example
 * ```ts
 * seesHistoryAt(participant, message.createdOn); // true
 * ```
 */
export function seesHistoryAt(participant: ParticipantRecord, createdOn: number): boolean {
  return participant.shareHistoryTime === undefined || createdOn >= participant.shareHistoryTime;
}
