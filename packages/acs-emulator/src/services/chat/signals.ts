import { openThread, seesHistoryAt } from './access.js';
import type { ChatEnv } from './env.js';
import { notFound } from './failure.js';
import { type Page, pageAt } from './paging.js';
import { messageKey, participantKey, type ReadReceiptRecord } from './records.js';
import type { ChatState } from './state.js';
import { type WireReadReceipt, wireReadReceipt } from './wire.js';

/**
 * What participants signal besides messages: read receipts (each user's furthest read message,
 * listed for the thread) and typing notifications (accepted from participants; their delivery is
 * real-time signalling, which the emulator does not have).
 */

/**
 * Records that the caller has read up to `chatMessageId`. A receipt for an older message than the
 * one already recorded keeps the newer one.
 *
 * @example
 * ```ts
 * sendReadReceipt(state, threadId, '1700000000000', env);
 * ```
 */
export function sendReadReceipt(state: ChatState, threadId: string, chatMessageId: string, env: ChatEnv): void {
  const { thread, participant } = openThread(state, threadId, env.callerId);
  const message = state.messages.get(messageKey(thread.id, chatMessageId));
  if (message === undefined || !seesHistoryAt(participant, message.createdOn)) {
    throw notFound(`chatMessageId '${chatMessageId.slice(0, 40)}' is not a message of this thread.`);
  }
  const key = participantKey(thread.id, env.callerId);
  const current = state.readReceipts.get(key);
  if (current !== undefined && current.sequenceId > message.sequenceId) return;
  const receipt: ReadReceiptRecord = {
    threadId: thread.id,
    senderId: env.callerId,
    chatMessageId: message.id,
    sequenceId: message.sequenceId,
    readOn: env.now,
  };
  state.readReceipts.put(key, receipt);
}

/**
 * A page of the thread's read receipts (one per user who sent one, current participants only).
 *
 * @example
 * ```ts
 * listReadReceipts(state, threadId, callerId, { skip: 0, size: 20 }).value;
 * ```
 */
export function listReadReceipts(
  state: ChatState,
  threadId: string,
  callerId: string,
  query: { readonly skip: number; readonly size: number },
): Page<WireReadReceipt, number> {
  const { thread } = openThread(state, threadId, callerId);
  const receipts: ReadReceiptRecord[] = [];
  for (const rawId of state.rosters.get(thread.id)?.members ?? []) {
    const receipt = state.readReceipts.get(participantKey(thread.id, rawId));
    if (receipt !== undefined) receipts.push(receipt);
  }
  const page = pageAt(receipts, query.skip, query.size);
  return { value: page.value.map(wireReadReceipt), ...(page.next === undefined ? {} : { next: page.next }) };
}

/**
 * Accepts a typing notification from a participant (nothing is stored).
 *
 * @example
 * ```ts
 * sendTyping(state, threadId, env.callerId);
 * ```
 */
export function sendTyping(state: ChatState, threadId: string, callerId: string): void {
  openThread(state, threadId, callerId);
}
