import { describe, expect, it } from 'vitest';
import { ChatFailure } from '../../../src/services/chat/failure.js';
import { listMessages, sendMessage } from '../../../src/services/chat/message-ops.js';
import { addParticipants, listParticipants, removeParticipant } from '../../../src/services/chat/participant-ops.js';
import { listReadReceipts, sendReadReceipt, sendTyping } from '../../../src/services/chat/signals.js';
import { createThread, listThreads } from '../../../src/services/chat/thread-ops.js';
import { ann, bob, cat, ghost, user, world } from './fixture.js';

function failure(run: () => unknown): ChatFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ChatFailure) return error;
    throw error;
  }
  throw new Error('expected a ChatFailure');
}

describe('participants', () => {
  it('adds new participants once (participantAdded message, one event each), reports refused ones', () => {
    const w = world();
    const { threadId } = createThread(w.state, { topic: 't' }, w.as(ann));
    w.events.length = 0;
    w.now += 1000;
    const invalid = addParticipants(
      w.state,
      threadId,
      [
        {
          communicationIdentifier: user(bob),
          displayName: 'Bob',
          shareHistoryTime: '2020-06-06T05:55:41Z',
          metadata: { r: 'x' },
        },
        { communicationIdentifier: user(ann) },
        { communicationIdentifier: user(ghost) },
      ],
      w.as(ann),
    );
    expect(invalid).toEqual([{ code: '404', message: 'Not found', target: ghost }]);
    expect(listParticipants(w.state, threadId, bob, { skip: 0, size: 10 }).value).toEqual([
      { communicationIdentifier: user(ann) },
      {
        communicationIdentifier: user(bob),
        displayName: 'Bob',
        shareHistoryTime: '2020-06-06T05:55:41.000Z',
        metadata: { r: 'x' },
      },
    ]);
    const newest = listMessages(w.state, threadId, ann, { size: 1 }).value[0];
    expect(newest?.type).toBe('participantAdded');
    expect(newest?.content?.participants?.map((p) => p.communicationIdentifier.rawId)).toEqual([bob]);
    expect(w.events.map((e) => e.type)).toEqual(['Microsoft.Communication.ChatThreadParticipantAdded']);
    expect(w.events[0]?.data).toMatchObject({
      addedByCommunicationIdentifier: user(ann),
      participantAdded: { displayName: 'Bob', participantCommunicationIdentifier: user(bob) },
    });
    // Adding them again changes nothing.
    addParticipants(w.state, threadId, [{ communicationIdentifier: user(bob), displayName: 'Robert' }], w.as(ann));
    expect(listMessages(w.state, threadId, ann, { size: 1 }).value[0]?.sequenceId).toBe(newest?.sequenceId);
    expect(listParticipants(w.state, threadId, bob, { skip: 1, size: 1 }).value[0]?.displayName).toBe('Bob');
  });

  it('pages participants with skip', () => {
    const w = world();
    const { threadId } = createThread(
      w.state,
      { topic: 't', participants: [{ communicationIdentifier: user(bob) }, { communicationIdentifier: user(cat) }] },
      w.as(ann),
    );
    const first = listParticipants(w.state, threadId, ann, { skip: 0, size: 2 });
    expect(first.value).toHaveLength(2);
    expect(first.next).toBe(2);
    expect(
      listParticipants(w.state, threadId, ann, { skip: 2, size: 2 }).value.map((p) => p.communicationIdentifier.rawId),
    ).toEqual([cat]);
  });

  it('removes (a participantRemoved message and event); the removed user loses the thread; removing again is a no-op', () => {
    const w = world();
    const { threadId } = createThread(
      w.state,
      { topic: 't', participants: [{ communicationIdentifier: user(bob) }] },
      w.as(ann),
    );
    w.events.length = 0;
    removeParticipant(w.state, threadId, { rawId: bob }, w.as(ann));
    expect(
      listParticipants(w.state, threadId, ann, { skip: 0, size: 10 }).value.map((p) => p.communicationIdentifier.rawId),
    ).toEqual([ann]);
    expect(listMessages(w.state, threadId, ann, { size: 1 }).value[0]).toMatchObject({
      type: 'participantRemoved',
      content: { participants: [{ communicationIdentifier: user(bob) }], initiatorCommunicationIdentifier: user(ann) },
    });
    expect(w.events.map((e) => e.type)).toEqual(['Microsoft.Communication.ChatThreadParticipantRemoved']);
    expect(listThreads(w.state, bob, { skip: 0, size: 10 }).value).toEqual([]);
    expect(failure(() => listParticipants(w.state, threadId, bob, { skip: 0, size: 10 })).status).toBe(403);
    removeParticipant(w.state, threadId, user(bob), w.as(ann));
    expect(w.events).toHaveLength(1);
    // A participant may leave.
    removeParticipant(w.state, threadId, user(ann), w.as(ann));
    expect(failure(() => listParticipants(w.state, threadId, ann, { skip: 0, size: 10 })).status).toBe(403);
  });
});

describe('read receipts and typing', () => {
  it('keeps the furthest message each participant has read', () => {
    const w = world();
    const { threadId } = createThread(
      w.state,
      { topic: 't', participants: [{ communicationIdentifier: user(bob) }] },
      w.as(ann),
    );
    const m1 = sendMessage(w.state, threadId, { content: '1' }, w.as(ann));
    const m2 = sendMessage(w.state, threadId, { content: '2' }, w.as(ann));
    w.now += 1000;
    sendReadReceipt(w.state, threadId, m2, w.as(bob));
    sendReadReceipt(w.state, threadId, m1, w.as(bob));
    sendReadReceipt(w.state, threadId, m1, w.as(ann));
    expect(listReadReceipts(w.state, threadId, ann, { skip: 0, size: 10 }).value).toEqual([
      { senderCommunicationIdentifier: user(ann), chatMessageId: m1, readOn: '2024-01-01T00:00:01.000Z' },
      { senderCommunicationIdentifier: user(bob), chatMessageId: m2, readOn: '2024-01-01T00:00:01.000Z' },
    ]);
    expect(listReadReceipts(w.state, threadId, ann, { skip: 0, size: 1 }).next).toBe(1);
    expect(failure(() => sendReadReceipt(w.state, threadId, '42', w.as(bob))).status).toBe(404);
    expect(failure(() => sendReadReceipt(w.state, threadId, m1, w.as(cat))).status).toBe(403);
  });

  it('accepts typing from participants only', () => {
    const w = world();
    const { threadId } = createThread(w.state, { topic: 't' }, w.as(ann));
    expect(() => sendTyping(w.state, threadId, ann)).not.toThrow();
    expect(failure(() => sendTyping(w.state, threadId, bob)).status).toBe(403);
  });
});
