import { openThread, seesHistoryAt } from './access.js';
import type { ChatEnv } from './env.js';
import { type MessageChange, messageEvents } from './events.js';
import { forbidden, invalid, notFound } from './failure.js';
import { nextTick } from './ids.js';
import { type Page, pageBelow } from './paging.js';
import {
  type MessageRecord,
  messageKey,
  type ParticipantRecord,
  type ThreadRecord,
  type UserMessageType,
} from './records.js';
import type { ChatState } from './state.js';
import { mergeMetadata } from './thread-ops.js';
import { appendMessage, type NewMessage } from './timeline.js';
import { checkContent } from './validation.js';
import { type WireMessage, wireMessage } from './wire.js';

/**
 * Message transitions: send (text or html), read one, list (newest first), edit and delete (the
 * sender only; a deleted message stays in the list as a tombstone with `deletedOn`).
 */

/** `SendChatMessageRequest`. */
export interface SendMessageInput {
  readonly content: string;
  readonly senderDisplayName?: string | undefined;
  readonly type?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

function recipientsOf(state: ChatState, threadId: string): readonly string[] {
  return state.rosters.get(threadId)?.members ?? [];
}

const EVENT_PREFIX = 'Microsoft.Communication.ChatMessage';

/** A message change's events, built only when someone wants them (a subscription, the dashboard). */
function emitMessageEvents(change: MessageChange, message: MessageRecord, state: ChatState, env: ChatEnv): void {
  if (
    env.wants !== undefined &&
    !env.wants(`${EVENT_PREFIX}${change}InThread`) &&
    !env.wants(`${EVENT_PREFIX}${change}`)
  ) {
    return;
  }
  for (const event of messageEvents(change, message, recipientsOf(state, message.threadId))) env.emit(event);
}

function messageType(type: string | undefined): UserMessageType {
  if (type === undefined || type === 'text' || type === 'html') return type ?? 'text';
  throw invalid(
    `type must be 'text' or 'html' (got '${type.slice(0, 40)}'); the other types are written by the service.`,
    'type',
  );
}

/**
 * Sends a message; returns its id.
 *
 * @example
 * ```ts
 * sendMessage(state, threadId, { content: 'Hello', senderDisplayName: 'Ann' }, env); // '1700000000000'
 * ```
 */
export function sendMessage(state: ChatState, threadId: string, input: SendMessageInput, env: ChatEnv): string {
  const { thread } = openThread(state, threadId, env.callerId);
  const type = messageType(input.type);
  const content = checkContent(input.content, 'content');
  const draft: NewMessage = {
    type,
    senderId: env.callerId,
    message: content,
    senderDisplayName: input.senderDisplayName,
    metadata: input.metadata,
  } as NewMessage; // appendMessage copies only the members that are defined
  const { message } = appendMessage(state, thread, draft, env.now);
  emitMessageEvents('Received', message, state, env);
  return message.id;
}

function visibleMessage(
  state: ChatState,
  thread: ThreadRecord,
  participant: ParticipantRecord,
  messageId: string,
): MessageRecord {
  const message = state.messages.get(messageKey(thread.id, messageId));
  if (message === undefined || !seesHistoryAt(participant, message.createdOn)) {
    throw notFound(`The chat message '${messageId.slice(0, 40)}' does not exist in this thread.`);
  }
  return message;
}

/**
 * One message, as the caller may see it.
 *
 * @example
 * ```ts
 * getMessage(state, threadId, messageId, callerId).content?.message; // 'Hello'
 * ```
 */
export function getMessage(state: ChatState, threadId: string, messageId: string, callerId: string): WireMessage {
  const { thread, participant } = openThread(state, threadId, callerId);
  return wireMessage(visibleMessage(state, thread, participant, messageId));
}

/**
 * A page of messages, newest first (by `sequenceId`), from those the caller may see (its
 * `shareHistoryTime`) and, with `startTime`, only those created, edited or deleted since then.
 * `before` is the continuation: the sequenceId the page starts below.
 *
 * @example
 * ```ts
 * listMessages(state, threadId, callerId, { size: 20 }).value[0]?.sequenceId; // the newest
 * ```
 */
export function listMessages(
  state: ChatState,
  threadId: string,
  callerId: string,
  query: { readonly size: number; readonly before?: number | undefined; readonly startTime?: number | undefined },
): Page<WireMessage, number> {
  const { thread, participant } = openThread(state, threadId, callerId);
  const since = query.startTime;
  const messages = state.messages
    .scan(`${thread.id}\n`)
    .filter(
      (message) =>
        seesHistoryAt(participant, message.createdOn) &&
        (since === undefined || Math.max(message.createdOn, message.editedOn ?? 0, message.deletedOn ?? 0) >= since),
    )
    .sort((a, b) => b.sequenceId - a.sequenceId);
  const page = pageBelow(messages, (message) => message.sequenceId, query.before, query.size);
  return { value: page.value.map(wireMessage), ...(page.next === undefined ? {} : { next: page.next }) };
}

function ownMessage(state: ChatState, threadId: string, messageId: string, callerId: string): MessageRecord {
  const { thread, participant } = openThread(state, threadId, callerId);
  const message = visibleMessage(state, thread, participant, messageId);
  if (message.deletedOn !== undefined) throw notFound(`The chat message '${messageId.slice(0, 40)}' was deleted.`);
  if (message.senderId !== callerId) {
    throw forbidden('Permissions check failed: only the sender of a message may edit or delete it.');
  }
  return message;
}

/** `UpdateChatMessageRequest` (a JSON merge patch: a `null` metadata value removes that key). */
export interface UpdateMessageInput {
  readonly content?: string | undefined;
  readonly metadata?: Readonly<Record<string, string | null>> | undefined;
}

/**
 * Edits the caller's own message: new content and/or metadata, `editedOn`, a new `version`.
 *
 * @example
 * ```ts
 * updateMessage(state, threadId, messageId, { content: 'Hello again' }, env);
 * ```
 */
export function updateMessage(
  state: ChatState,
  threadId: string,
  messageId: string,
  input: UpdateMessageInput,
  env: ChatEnv,
): void {
  const message = ownMessage(state, threadId, messageId, env.callerId);
  const content = input.content === undefined ? message.message : checkContent(input.content, 'content');
  const metadata = input.metadata === undefined ? message.metadata : mergeMetadata(message.metadata, input.metadata);
  const { metadata: _old, ...rest } = message;
  const edited: MessageRecord = {
    ...rest,
    ...(content === undefined ? {} : { message: content }),
    ...(metadata === undefined ? {} : { metadata }),
    editedOn: env.now,
    version: nextTick(env.now, message.version),
  };
  state.messages.put(messageKey(threadId, messageId), edited);
  emitMessageEvents('Edited', edited, state, env);
}

/**
 * Deletes the caller's own message: it keeps its place with `deletedOn` and without content.
 *
 * @example
 * ```ts
 * deleteMessage(state, threadId, messageId, env);
 * ```
 */
export function deleteMessage(state: ChatState, threadId: string, messageId: string, env: ChatEnv): void {
  const message = ownMessage(state, threadId, messageId, env.callerId);
  const deleted: MessageRecord = { ...message, deletedOn: env.now, version: nextTick(env.now, message.version) };
  state.messages.put(messageKey(threadId, messageId), deleted);
  emitMessageEvents('Deleted', deleted, state, env);
}
