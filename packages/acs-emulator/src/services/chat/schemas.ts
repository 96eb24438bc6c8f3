import * as s from '../../host/schema.js';
import type { RetentionPolicy } from './records.js';

/**
 * Request body shapes of Chat 2025-03-15 (the JSON structure; the chat core checks the rest).
 * Unknown members are ignored, as the service does.
 */

const metadata = s.record(s.string());
/** Merge-patch metadata: `null` removes a key. */
const metadataPatch = s.record(s.nullable(s.string()));

/**
 * `ChatRetentionPolicy` (`threadCreationDate` needs `deleteThreadAfterDays`).
 *
 * @example
 * ```ts
 * retentionPolicy.parse({ kind: 'threadCreationDate', deleteThreadAfterDays: 30 }, 'retentionPolicy');
 * ```
 */
export const retentionPolicy: s.Schema<RetentionPolicy> = {
  parse(value, path) {
    const parsed = s
      .object({
        kind: s.literal('threadCreationDate', 'none'),
        deleteThreadAfterDays: s.optional(s.integer({ min: 1 })),
      })
      .parse(value, path);
    if (parsed.kind === 'none') return { kind: 'none' };
    if (parsed.deleteThreadAfterDays === undefined) {
      throw new s.SchemaProblem(`${path}.deleteThreadAfterDays`, "is required when kind is 'threadCreationDate'");
    }
    return { kind: 'threadCreationDate', deleteThreadAfterDays: parsed.deleteThreadAfterDays };
  },
};

/**
 * `ChatParticipant` in a request.
 *
 * @example
 * ```ts
 * participant.parse({ communicationIdentifier: { communicationUser: { id } }, displayName: 'Ann' }, 'participants[0]');
 * ```
 */
export const participant = s.object({
  communicationIdentifier: s.unknown(),
  displayName: s.optional(s.string()),
  shareHistoryTime: s.optional(s.string()),
  metadata: s.optional(metadata),
});

/**
 * `CreateChatThreadRequest`.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'POST', path: '/chat/threads', body: createThreadBody, … });
 * ```
 */
export const createThreadBody = s.object({
  topic: s.string(),
  participants: s.optional(s.array(participant)),
  metadata: s.optional(metadata),
  retentionPolicy: s.optional(retentionPolicy),
});

/**
 * `UpdateChatThreadRequest`.
 *
 * @example
 * ```ts
 * updateThreadBody.parse({ topic: 'Dinner', metadata: { old: null } }, '');
 * ```
 */
export const updateThreadBody = s.object({
  topic: s.optional(s.string()),
  metadata: s.optional(metadataPatch),
  retentionPolicy: s.optional(s.nullable(retentionPolicy)),
});

/**
 * `SendChatMessageRequest`.
 *
 * @example
 * ```ts
 * sendMessageBody.parse({ content: 'Hi', type: 'html' }, '');
 * ```
 */
export const sendMessageBody = s.object({
  content: s.string(),
  senderDisplayName: s.optional(s.string()),
  type: s.optional(s.string()),
  metadata: s.optional(metadata),
});

/**
 * `UpdateChatMessageRequest`.
 *
 * @example
 * ```ts
 * updateMessageBody.parse({ content: 'Hi again' }, '');
 * ```
 */
export const updateMessageBody = s.object({
  content: s.optional(s.string()),
  metadata: s.optional(metadataPatch),
});

/**
 * `AddChatParticipantsRequest`.
 *
 * @example
 * ```ts
 * addParticipantsBody.parse({ participants: [{ communicationIdentifier: { rawId } }] }, '');
 * ```
 */
export const addParticipantsBody = s.object({ participants: s.array(participant) });

/**
 * `CommunicationIdentifierModel` (read by the chat core through acs-common).
 *
 * @example
 * ```ts
 * removeParticipant(state, threadId, identifierBody.parse(json, ''), env);
 * ```
 */
export const identifierBody = s.unknown();

/**
 * `SendReadReceiptRequest`.
 *
 * @example
 * ```ts
 * readReceiptBody.parse({ chatMessageId: '1700000000000' }, '');
 * ```
 */
export const readReceiptBody = s.object({ chatMessageId: s.string({ min: 1 }) });

/**
 * `SendTypingNotificationRequest` (the body itself is optional).
 *
 * @example
 * ```ts
 * typingBody.parse(undefined, ''); // an empty body is fine
 * ```
 */
export const typingBody = s.optional(s.object({ senderDisplayName: s.optional(s.string()) }));
