import type { SerializedCommunicationIdentifier } from 'acs-common';
import { modelOfRawId } from './identifiers.js';
import type {
  MessageRecord,
  ParticipantSnapshot,
  ReadReceiptRecord,
  RetentionPolicy,
  ThreadRecord,
} from './records.js';

/**
 * Stored records → the REST models of Chat 2025-03-15 (`ChatThreadProperties`, `ChatThreadItem`,
 * `ChatParticipant`, `ChatMessage`, `ChatMessageReadReceipt`). Times are RFC 3339 (UTC).
 */

/** `ChatParticipant`. */
export interface WireParticipant {
  communicationIdentifier: SerializedCommunicationIdentifier;
  displayName?: string;
  shareHistoryTime?: string;
  metadata?: Record<string, string>;
}

/** `ChatThreadProperties`. */
export interface WireThread {
  id: string;
  topic: string;
  createdOn: string;
  createdByCommunicationIdentifier: SerializedCommunicationIdentifier;
  deletedOn?: string;
  metadata?: Record<string, string>;
  retentionPolicy?: RetentionPolicy;
}

/** `ChatThreadItem`. */
export interface WireThreadItem {
  id: string;
  topic: string;
  deletedOn?: string;
  lastMessageReceivedOn?: string;
}

/** `ChatMessageContent`. */
export interface WireMessageContent {
  message?: string;
  topic?: string;
  participants?: WireParticipant[];
  initiatorCommunicationIdentifier?: SerializedCommunicationIdentifier;
}

/** `ChatMessage`. */
export interface WireMessage {
  id: string;
  type: string;
  sequenceId: string;
  version: string;
  content?: WireMessageContent;
  senderDisplayName?: string;
  createdOn: string;
  senderCommunicationIdentifier?: SerializedCommunicationIdentifier;
  deletedOn?: string;
  editedOn?: string;
  metadata?: Record<string, string>;
}

/** `ChatMessageReadReceipt`. */
export interface WireReadReceipt {
  senderCommunicationIdentifier: SerializedCommunicationIdentifier;
  chatMessageId: string;
  readOn: string;
}

/**
 * An RFC 3339 UTC time.
 *
 * @example
 * ```ts
 * iso(0); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * `ChatThreadProperties` of a thread.
 *
 * @example
 * ```ts
 * wireThread(thread).createdByCommunicationIdentifier; // { rawId: '8:acs:…', communicationUser: { id: '8:acs:…' } }
 * ```
 */
export function wireThread(thread: ThreadRecord): WireThread {
  return {
    id: thread.id,
    topic: thread.topic,
    createdOn: iso(thread.createdOn),
    createdByCommunicationIdentifier: modelOfRawId(thread.createdBy),
    ...(thread.deletedOn === undefined ? {} : { deletedOn: iso(thread.deletedOn) }),
    ...(thread.metadata === undefined ? {} : { metadata: { ...thread.metadata } }),
    ...(thread.retentionPolicy === undefined ? {} : { retentionPolicy: { ...thread.retentionPolicy } }),
  };
}

/**
 * `ChatThreadItem` of a thread (the list view).
 *
 * @example
 * ```ts
 * wireThreadItem(thread); // { id, topic, lastMessageReceivedOn }
 * ```
 */
export function wireThreadItem(thread: ThreadRecord): WireThreadItem {
  return {
    id: thread.id,
    topic: thread.topic,
    ...(thread.deletedOn === undefined ? {} : { deletedOn: iso(thread.deletedOn) }),
    lastMessageReceivedOn: iso(thread.lastMessageReceivedOn),
  };
}

/**
 * `ChatParticipant` of a participant (or of a system message's snapshot of one).
 *
 * @example
 * ```ts
 * wireParticipant({ rawId: '8:acs:r_u', displayName: 'Ann' });
 * ```
 */
export function wireParticipant(participant: ParticipantSnapshot): WireParticipant {
  return {
    communicationIdentifier: modelOfRawId(participant.rawId),
    ...(participant.displayName === undefined ? {} : { displayName: participant.displayName }),
    ...(participant.shareHistoryTime === undefined ? {} : { shareHistoryTime: iso(participant.shareHistoryTime) }),
    ...(participant.metadata === undefined ? {} : { metadata: { ...participant.metadata } }),
  };
}

function wireContent(message: MessageRecord): WireMessageContent | undefined {
  if (message.deletedOn !== undefined) return undefined;
  if (message.type === 'text' || message.type === 'html') return { message: message.message ?? '' };
  return {
    ...(message.topic === undefined ? {} : { topic: message.topic }),
    ...(message.participants === undefined ? {} : { participants: message.participants.map(wireParticipant) }),
    ...(message.initiatorId === undefined
      ? {}
      : { initiatorCommunicationIdentifier: modelOfRawId(message.initiatorId) }),
  };
}

/**
 * `ChatMessage` of a message. A deleted message keeps its ids, type, sender and times, gains
 * `deletedOn` and loses its content and metadata.
 *
 * @example
 * ```ts
 * wireMessage(message); // { id: '1700000000000', type: 'text', sequenceId: '3', version: '1700000000000', … }
 * ```
 */
export function wireMessage(message: MessageRecord): WireMessage {
  const content = wireContent(message);
  const live = message.deletedOn === undefined;
  return {
    id: message.id,
    type: message.type,
    sequenceId: String(message.sequenceId),
    version: String(message.version),
    ...(content === undefined ? {} : { content }),
    ...(message.senderDisplayName === undefined ? {} : { senderDisplayName: message.senderDisplayName }),
    createdOn: iso(message.createdOn),
    ...(message.senderId === undefined ? {} : { senderCommunicationIdentifier: modelOfRawId(message.senderId) }),
    ...(message.deletedOn === undefined ? {} : { deletedOn: iso(message.deletedOn) }),
    ...(message.editedOn === undefined ? {} : { editedOn: iso(message.editedOn) }),
    ...(live && message.metadata !== undefined ? { metadata: { ...message.metadata } } : {}),
  };
}

/**
 * `ChatMessageReadReceipt` of a receipt.
 *
 * @example
 * ```ts
 * wireReadReceipt(receipt); // { senderCommunicationIdentifier, chatMessageId, readOn }
 * ```
 */
export function wireReadReceipt(receipt: ReadReceiptRecord): WireReadReceipt {
  return {
    senderCommunicationIdentifier: modelOfRawId(receipt.senderId),
    chatMessageId: receipt.chatMessageId,
    readOn: iso(receipt.readOn),
  };
}
