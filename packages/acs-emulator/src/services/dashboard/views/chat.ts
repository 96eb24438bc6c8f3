import type { ChatMessageView, ChatParticipantView, ChatThreadView, Section } from '../api-types.js';
import { count, fields, list, rawId, text, time } from './fields.js';
import type { DashboardSource } from './source.js';

/**
 * Chat threads (`chat.threads`) with their participants (`chat.participants`) and messages
 * (`chat.messages`, in sequence order). System messages get a readable content (the new topic,
 * who was added or removed).
 *
 * @example
 * ```ts
 * chatView(hostSource(ctx.host)).value[0]?.messages;
 * ```
 */
export function chatView(source: DashboardSource): Section<ChatThreadView> {
  const participants = new Map<string, ChatParticipantView[]>();
  for (const value of source.values('chat.participants')) {
    const record = fields(value);
    const threadId = text(record, 'threadId');
    const id = text(record, 'rawId') ?? rawId(record.communicationIdentifier);
    if (threadId === null || id === null) continue;
    const of = participants.get(threadId) ?? [];
    of.push({
      id,
      displayName: text(record, 'displayName'),
      shareHistoryTime: time(record, 'shareHistoryTime'),
    });
    participants.set(threadId, of);
  }
  const messages = new Map<string, { sequence: number; view: ChatMessageView }[]>();
  for (const value of source.values('chat.messages')) {
    const record = fields(value);
    const threadId = text(record, 'threadId');
    const id = text(record, 'id');
    if (threadId === null || id === null) continue;
    const sequence = count(record, 'sequenceId') ?? 0;
    const of = messages.get(threadId) ?? [];
    of.push({
      sequence,
      view: {
        id,
        type: text(record, 'type') ?? 'text',
        senderId: text(record, 'senderId') ?? rawId(record.senderCommunicationIdentifier),
        senderDisplayName: text(record, 'senderDisplayName'),
        content: contentOf(record),
        createdAt: time(record, 'createdOn', 'createdAt'),
        editedAt: time(record, 'editedOn', 'editedAt'),
        deletedAt: time(record, 'deletedOn', 'deletedAt'),
        sequenceId: sequence === 0 ? text(record, 'sequenceId') : String(sequence),
      },
    });
    messages.set(threadId, of);
  }
  const value = source.values('chat.threads').flatMap((raw): ChatThreadView[] => {
    const record = fields(raw);
    const id = text(record, 'id');
    if (id === null) return [];
    return [
      {
        id,
        topic: text(record, 'topic') ?? '',
        createdBy: text(record, 'createdBy') ?? rawId(record.createdByCommunicationIdentifier),
        createdAt: time(record, 'createdOn', 'createdAt'),
        deletedAt: time(record, 'deletedOn', 'deletedAt'),
        participants: participants.get(id) ?? [],
        messages: (messages.get(id) ?? []).sort((a, b) => a.sequence - b.sequence).map((entry) => entry.view),
      },
    ];
  });
  return { present: source.services.includes('chat'), service: 'chat', value };
}

function contentOf(record: Readonly<Record<string, unknown>>): string {
  const type = text(record, 'type') ?? 'text';
  if (type === 'topicUpdated') return `topic set to "${text(record, 'topic') ?? ''}"`;
  if (type === 'participantAdded' || type === 'participantRemoved') {
    const names = list(record, 'participants').map((participant) => {
      const entry = fields(participant);
      return text(entry, 'displayName') ?? rawId(entry) ?? '?';
    });
    return `${type === 'participantAdded' ? 'added' : 'removed'}: ${names.join(', ')}`;
  }
  return text(record, 'message', 'content') ?? text(fields(record.content), 'message') ?? '';
}
