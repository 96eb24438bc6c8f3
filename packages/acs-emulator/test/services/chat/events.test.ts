import { describe, expect, it } from 'vitest';
import {
  messageEvents,
  participantAdded,
  participantRemoved,
  threadCreated,
  threadDeleted,
  threadPropertiesUpdated,
} from '../../../src/services/chat/events.js';
import type { MessageRecord, ThreadRecord } from '../../../src/services/chat/records.js';
import { ann, bob, user } from './fixture.js';

// The data members of each event, as the Event Grid examples in Azure/azure-rest-api-specs
// (specification/eventgrid/data-plane/Microsoft.Communication/stable/2018-01-01/examples/) have them.
const EXAMPLE_KEYS: Record<string, string[]> = {
  ChatThreadCreated: [
    'createdByCommunicationIdentifier',
    'properties',
    'participants',
    'metadata',
    'createTime',
    'version',
    'threadId',
    'transactionId',
  ],
  ChatThreadPropertiesUpdated: [
    'editedByCommunicationIdentifier',
    'editTime',
    'properties',
    'metadata',
    'createTime',
    'version',
    'threadId',
    'transactionId',
  ],
  ChatThreadDeleted: [
    'deletedByCommunicationIdentifier',
    'deleteTime',
    'createTime',
    'version',
    'threadId',
    'transactionId',
  ],
  ChatThreadParticipantAdded: [
    'time',
    'addedByCommunicationIdentifier',
    'participantAdded',
    'createTime',
    'version',
    'threadId',
    'transactionId',
  ],
  ChatThreadParticipantRemoved: [
    'time',
    'removedByCommunicationIdentifier',
    'participantRemoved',
    'createTime',
    'version',
    'threadId',
    'transactionId',
  ],
  ChatMessageReceivedInThread: [
    'messageBody',
    'messageId',
    'metadata',
    'type',
    'version',
    'senderDisplayName',
    'senderCommunicationIdentifier',
    'composeTime',
    'threadId',
    'transactionId',
  ],
  ChatMessageReceived: [
    'messageBody',
    'messageId',
    'metadata',
    'senderId',
    'senderCommunicationIdentifier',
    'senderDisplayName',
    'composeTime',
    'type',
    'version',
    'recipientId',
    'recipientCommunicationIdentifier',
    'transactionId',
    'threadId',
  ],
  ChatMessageEditedInThread: [
    'editTime',
    'messageBody',
    'messageId',
    'metadata',
    'type',
    'version',
    'senderDisplayName',
    'senderCommunicationIdentifier',
    'composeTime',
    'threadId',
    'transactionId',
  ],
  ChatMessageEdited: [
    'editTime',
    'messageBody',
    'messageId',
    'metadata',
    'senderId',
    'senderCommunicationIdentifier',
    'senderDisplayName',
    'composeTime',
    'type',
    'version',
    'recipientId',
    'recipientCommunicationIdentifier',
    'transactionId',
    'threadId',
  ],
  ChatMessageDeleted: [
    'deleteTime',
    'messageId',
    'senderId',
    'senderCommunicationIdentifier',
    'senderDisplayName',
    'composeTime',
    'type',
    'version',
    'recipientId',
    'recipientCommunicationIdentifier',
    'transactionId',
    'threadId',
  ],
  ChatMessageDeletedInThread: [
    'deleteTime',
    'messageId',
    'type',
    'version',
    'senderDisplayName',
    'senderCommunicationIdentifier',
    'composeTime',
    'threadId',
    'transactionId',
  ],
};

const thread: ThreadRecord = {
  id: '19:abc@thread.v2',
  topic: 'Lunch',
  createdOn: Date.UTC(2021, 1, 20),
  createdBy: ann,
  sequence: 3,
  lastMessageId: 1,
  lastMessageReceivedOn: Date.UTC(2021, 1, 20),
  version: 1613779241389,
};
const message: MessageRecord = {
  threadId: thread.id,
  id: '1613783230064',
  sequenceId: 3,
  type: 'text',
  version: 1613783230064,
  createdOn: 1613783230064,
  senderId: ann,
  senderDisplayName: 'Ann',
  message: 'Hi',
  editedOn: 1613783240064,
  deletedOn: 1613783250064,
};

describe('chat events', () => {
  it('carry the data members of the Event Grid examples', () => {
    const events = [
      threadCreated(thread, [{ rawId: ann, displayName: 'Ann' }]),
      threadPropertiesUpdated(thread, ann, thread.createdOn),
      threadDeleted(thread, ann, thread.createdOn),
      participantAdded(thread, ann, { rawId: bob }, thread.createdOn),
      participantRemoved(thread, ann, { rawId: bob }, thread.createdOn),
      ...messageEvents('Received', message, [ann, bob]),
      ...messageEvents('Edited', message, [ann, bob]),
      ...messageEvents('Deleted', message, [ann, bob]),
    ];
    const seen = new Set<string>();
    for (const event of events) {
      const name = event.type.replace('Microsoft.Communication.', '');
      seen.add(name);
      const expected = EXAMPLE_KEYS[name];
      if (expected === undefined) continue;
      expect(Object.keys(event.data).sort(), name).toEqual(expect.arrayContaining(expected));
      expect(event.dataVersion).toBe('1.0');
    }
    expect([...seen].sort()).toEqual([...Object.keys(EXAMPLE_KEYS)].sort());
  });

  it('fill them as the examples do', () => {
    const [inThread, perUser] = messageEvents('Received', message, [ann, bob]);
    expect(inThread?.subject).toBe(`thread/${thread.id}/sender/${ann}`);
    expect(inThread?.data).toMatchObject({
      version: '1613783230064',
      type: 'Text',
      composeTime: '2021-02-20T01:07:10.064Z',
    });
    expect(perUser?.data).toMatchObject({
      version: 1613783230064,
      senderId: ann,
      recipientId: bob,
      recipientCommunicationIdentifier: user(bob),
    });
    expect(threadCreated(thread, [{ rawId: ann, displayName: 'Ann' }]).data).toMatchObject({
      properties: { topic: 'Lunch' },
      participants: [{ displayName: 'Ann', participantCommunicationIdentifier: user(ann), metadata: {} }],
      createTime: '2021-02-20T00:00:00.000Z',
      version: 1613779241389,
      threadId: thread.id,
    });
    const a = messageEvents('Received', message, []).at(0)?.data.transactionId;
    const b = messageEvents('Received', message, []).at(0)?.data.transactionId;
    expect(a).not.toBe(b);
  });
});
