import { randomBytes } from 'node:crypto';
import { modelOfRawId } from './identifiers.js';
import type { MessageRecord, ParticipantSnapshot, ThreadRecord } from './records.js';
import { iso } from './wire.js';

/**
 * The Event Grid events an ACS resource publishes for chat (data shapes from
 * specification/eventgrid/data-plane/Microsoft.Communication, examples/): thread-level events once
 * per change, and the per-recipient `ChatMessageReceived` / `Edited` / `Deleted` once for every
 * participant other than the sender.
 */

/** An event for the host's bus (`ctx.emit`). */
export interface ChatEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dataVersion: '1.0';
}

const PREFIX = 'Microsoft.Communication.';

/** Per process: a random prefix, then a counter (cheap: sendMessage emits two events or more). */
const TRANSACTION_PREFIX = randomBytes(16).toString('base64').slice(0, 22);
let transactions = 0;

function transactionId(): string {
  transactions += 1;
  return `${TRANSACTION_PREFIX}.${transactions}`;
}

function event(type: string, subject: string, data: Record<string, unknown>): ChatEvent {
  return { type: `${PREFIX}${type}`, subject, data, dataVersion: '1.0' };
}

function participantData(participant: ParticipantSnapshot): Record<string, unknown> {
  return {
    ...(participant.displayName === undefined ? {} : { displayName: participant.displayName }),
    participantCommunicationIdentifier: modelOfRawId(participant.rawId),
    metadata: { ...(participant.metadata ?? {}) },
  };
}

function threadBase(thread: ThreadRecord): Record<string, unknown> {
  return {
    createTime: iso(thread.createdOn),
    version: thread.version,
    threadId: thread.id,
    transactionId: transactionId(),
  };
}

/**
 * `ChatThreadCreated`.
 *
 * @example
 * ```ts
 * threadCreated(thread, participants).type; // 'Microsoft.Communication.ChatThreadCreated'
 * ```
 */
export function threadCreated(thread: ThreadRecord, participants: readonly ParticipantSnapshot[]): ChatEvent {
  return event('ChatThreadCreated', `thread/${thread.id}/createdBy/${thread.createdBy}`, {
    createdByCommunicationIdentifier: modelOfRawId(thread.createdBy),
    properties: { topic: thread.topic },
    participants: participants.map(participantData),
    metadata: { ...(thread.metadata ?? {}) },
    ...threadBase(thread),
  });
}

/**
 * `ChatThreadPropertiesUpdated`.
 *
 * @example
 * ```ts
 * threadPropertiesUpdated(thread, editorId, now);
 * ```
 */
export function threadPropertiesUpdated(thread: ThreadRecord, editorId: string, editTime: number): ChatEvent {
  return event('ChatThreadPropertiesUpdated', `thread/${thread.id}/editedBy/${editorId}`, {
    editedByCommunicationIdentifier: modelOfRawId(editorId),
    editTime: iso(editTime),
    properties: { topic: thread.topic },
    metadata: { ...(thread.metadata ?? {}) },
    ...threadBase(thread),
  });
}

/**
 * `ChatThreadDeleted`.
 *
 * @example
 * ```ts
 * threadDeleted(thread, callerId, now);
 * ```
 */
export function threadDeleted(thread: ThreadRecord, deleterId: string, deleteTime: number): ChatEvent {
  return event('ChatThreadDeleted', `thread/${thread.id}/deletedBy/${deleterId}`, {
    deletedByCommunicationIdentifier: modelOfRawId(deleterId),
    deleteTime: iso(deleteTime),
    ...threadBase(thread),
  });
}

/**
 * `ChatThreadParticipantAdded` (one per added participant).
 *
 * @example
 * ```ts
 * participantAdded(thread, callerId, { rawId: '8:acs:…' }, now);
 * ```
 */
export function participantAdded(
  thread: ThreadRecord,
  addedBy: string,
  participant: ParticipantSnapshot,
  time: number,
): ChatEvent {
  return event('ChatThreadParticipantAdded', `thread/${thread.id}/participantadded/${participant.rawId}`, {
    time: iso(time),
    addedByCommunicationIdentifier: modelOfRawId(addedBy),
    participantAdded: participantData(participant),
    ...threadBase(thread),
  });
}

/**
 * `ChatThreadParticipantRemoved`.
 *
 * @example
 * ```ts
 * participantRemoved(thread, callerId, { rawId: '8:acs:…' }, now);
 * ```
 */
export function participantRemoved(
  thread: ThreadRecord,
  removedBy: string,
  participant: ParticipantSnapshot,
  time: number,
): ChatEvent {
  return event('ChatThreadParticipantRemoved', `thread/${thread.id}/participantremoved/${participant.rawId}`, {
    time: iso(time),
    removedByCommunicationIdentifier: modelOfRawId(removedBy),
    participantRemoved: participantData(participant),
    ...threadBase(thread),
  });
}

/** Which message change an event reports. */
export type MessageChange = 'Received' | 'Edited' | 'Deleted';

/**
 * `ChatMessage<change>InThread` and, for each recipient (participants but the sender),
 * `ChatMessage<change>`. Built with one literal per event: a message send emits at least two, so
 * this is on the hot path.
 *
 * @example
 * ```ts
 * messageEvents('Received', message, ['8:acs:…bob']).map((e) => e.type);
 * // ['Microsoft.Communication.ChatMessageReceivedInThread', 'Microsoft.Communication.ChatMessageReceived']
 * ```
 */
export function messageEvents(
  change: MessageChange,
  message: MessageRecord,
  recipients: readonly string[],
): ChatEvent[] {
  const sender = message.senderId ?? '';
  const threadId = message.threadId;
  const senderModel = modelOfRawId(sender);
  const composeTime = iso(message.createdOn);
  const type = message.type === 'html' ? 'Html' : 'Text';
  const senderDisplayName = message.senderDisplayName ?? '';
  const metadata = message.metadata ?? {};
  // One literal per event (object spread is slow in V8, and this runs on every message send).
  const data = (extra: Record<string, unknown>): Record<string, unknown> => {
    const fields: Record<string, unknown> =
      change === 'Deleted'
        ? { messageId: message.id, type, senderDisplayName, senderCommunicationIdentifier: senderModel, composeTime }
        : {
            messageBody: message.message ?? '',
            messageId: message.id,
            metadata,
            type,
            senderDisplayName,
            senderCommunicationIdentifier: senderModel,
            composeTime,
          };
    if (change === 'Edited' && message.editedOn !== undefined) fields.editTime = iso(message.editedOn);
    if (change === 'Deleted' && message.deletedOn !== undefined) fields.deleteTime = iso(message.deletedOn);
    fields.threadId = threadId;
    for (const key in extra) fields[key] = extra[key];
    return fields;
  };
  const events: ChatEvent[] = [
    {
      type: `${PREFIX}ChatMessage${change}InThread`,
      subject: `thread/${threadId}/sender/${sender}`,
      data: data({ version: String(message.version), transactionId: transactionId() }),
      dataVersion: '1.0',
    },
  ];
  const perUser = `${PREFIX}ChatMessage${change}`;
  for (const recipient of recipients) {
    if (recipient === sender) continue;
    events.push({
      type: perUser,
      subject: `thread/${threadId}/sender/${sender}/recipient/${recipient}`,
      data: data({
        senderId: sender,
        version: message.version,
        recipientId: recipient,
        recipientCommunicationIdentifier: modelOfRawId(recipient),
        transactionId: transactionId(),
      }),
      dataVersion: '1.0',
    });
  }
  return events;
}
