import { describe, expect, it } from 'vitest';
import { ChatFailure } from '../../../src/services/chat/failure.js';
import {
  deleteMessage,
  getMessage,
  listMessages,
  sendMessage,
  updateMessage,
} from '../../../src/services/chat/message-ops.js';
import { addParticipants, removeParticipant } from '../../../src/services/chat/participant-ops.js';
import { createThread } from '../../../src/services/chat/thread-ops.js';
import { ann, bob, cat, user, world } from './fixture.js';

function failure(run: () => unknown): ChatFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ChatFailure) return error;
    throw error;
  }
  throw new Error('expected a ChatFailure');
}

function threadOfAnnAndBob() {
  const w = world();
  const { threadId } = createThread(
    w.state,
    { topic: 'Lunch', participants: [{ communicationIdentifier: user(bob), displayName: 'Bob' }] },
    w.as(ann),
  );
  w.events.length = 0;
  return { w, threadId };
}

describe('messages', () => {
  it('sends text and html with sender, display name, metadata, sequenceId and version', () => {
    const { w, threadId } = threadOfAnnAndBob();
    w.now += 1000;
    const id = sendMessage(
      w.state,
      threadId,
      { content: 'Hi', senderDisplayName: 'Ann', metadata: { k: 'v' } },
      w.as(ann),
    );
    const html = sendMessage(w.state, threadId, { content: '<b>Hi</b>', type: 'html' }, w.as(bob));
    expect(id).toBe(String(Date.UTC(2024, 0, 1, 0, 0, 1)));
    expect(Number(html)).toBe(Number(id) + 1); // same millisecond: still unique and increasing
    expect(getMessage(w.state, threadId, id, bob)).toEqual({
      id,
      type: 'text',
      sequenceId: '3',
      version: id,
      content: { message: 'Hi' },
      senderDisplayName: 'Ann',
      createdOn: '2024-01-01T00:00:01.000Z',
      senderCommunicationIdentifier: user(ann),
      metadata: { k: 'v' },
    });
    expect(getMessage(w.state, threadId, html, ann)).toMatchObject({ type: 'html', sequenceId: '4' });
  });

  it('emits ChatMessageReceivedInThread and one ChatMessageReceived per recipient', () => {
    const { w, threadId } = threadOfAnnAndBob();
    const id = sendMessage(w.state, threadId, { content: 'Hi', senderDisplayName: 'Ann' }, w.as(ann));
    expect(w.events.map((e) => [e.type, e.subject])).toEqual([
      ['Microsoft.Communication.ChatMessageReceivedInThread', `thread/${threadId}/sender/${ann}`],
      ['Microsoft.Communication.ChatMessageReceived', `thread/${threadId}/sender/${ann}/recipient/${bob}`],
    ]);
    expect(w.events[1]?.data).toMatchObject({
      messageBody: 'Hi',
      messageId: id,
      type: 'Text',
      senderId: ann,
      recipientId: bob,
      recipientCommunicationIdentifier: user(bob),
      senderDisplayName: 'Ann',
      threadId,
      version: Number(id),
    });
    expect(w.events[0]?.data).toMatchObject({ version: id });
  });

  it('refuses bad messages: unknown type, empty or over 28 KB content, non-participants', () => {
    const { w, threadId } = threadOfAnnAndBob();
    expect(
      failure(() => sendMessage(w.state, threadId, { content: 'x', type: 'topicUpdated' }, w.as(ann))),
    ).toMatchObject({
      status: 400,
      target: 'type',
    });
    expect(failure(() => sendMessage(w.state, threadId, { content: '' }, w.as(ann))).target).toBe('content');
    expect(failure(() => sendMessage(w.state, threadId, { content: 'é'.repeat(15_000) }, w.as(ann))).status).toBe(400);
    expect(failure(() => sendMessage(w.state, threadId, { content: 'hi' }, w.as(cat)))).toMatchObject({
      status: 403,
      code: 'Forbidden',
    });
    expect(failure(() => getMessage(w.state, threadId, '1', ann)).status).toBe(404);
  });

  it('lists newest first in pages that do not shift when messages arrive in between', () => {
    const { w, threadId } = threadOfAnnAndBob();
    for (let i = 1; i <= 5; i++) {
      w.now += 1000;
      sendMessage(w.state, threadId, { content: `m${i}` }, w.as(ann));
    }
    const first = listMessages(w.state, threadId, bob, { size: 3 });
    expect(first.value.map((m) => m.content?.message ?? m.type)).toEqual(['m5', 'm4', 'm3']);
    sendMessage(w.state, threadId, { content: 'late' }, w.as(ann));
    const second = listMessages(w.state, threadId, bob, { size: 3, before: first.next });
    expect(second.value.map((m) => m.content?.message ?? m.type)).toEqual(['m2', 'm1', 'topicUpdated']);
    const third = listMessages(w.state, threadId, bob, { size: 3, before: second.next });
    expect(third.value.map((m) => m.type)).toEqual(['participantAdded']);
    expect(third.next).toBeUndefined();
    const since = listMessages(w.state, threadId, bob, { size: 10, startTime: Date.UTC(2024, 0, 1, 0, 0, 4) });
    expect(since.value.map((m) => m.content?.message)).toEqual(['late', 'm5', 'm4']);
  });

  it('lets only the sender edit (editedOn, new version, metadata merge) and delete (a tombstone)', () => {
    const { w, threadId } = threadOfAnnAndBob();
    const id = sendMessage(w.state, threadId, { content: 'Hi', metadata: { a: '1', b: '2' } }, w.as(ann));
    expect(failure(() => updateMessage(w.state, threadId, id, { content: 'x' }, w.as(bob)))).toMatchObject({
      status: 403,
    });
    w.now += 2000;
    w.events.length = 0;
    updateMessage(w.state, threadId, id, { content: 'Hello', metadata: { b: null } }, w.as(ann));
    const edited = getMessage(w.state, threadId, id, bob);
    expect(edited).toMatchObject({
      content: { message: 'Hello' },
      metadata: { a: '1' },
      editedOn: '2024-01-01T00:00:02.000Z',
      version: String(Date.UTC(2024, 0, 1, 0, 0, 2)),
    });
    expect(w.events.map((e) => e.type)).toEqual([
      'Microsoft.Communication.ChatMessageEditedInThread',
      'Microsoft.Communication.ChatMessageEdited',
    ]);
    expect(failure(() => deleteMessage(w.state, threadId, id, w.as(bob))).status).toBe(403);
    w.now += 1000;
    deleteMessage(w.state, threadId, id, w.as(ann));
    const tombstone = getMessage(w.state, threadId, id, bob);
    expect(tombstone.deletedOn).toBe('2024-01-01T00:00:03.000Z');
    expect(tombstone.content).toBeUndefined();
    expect(tombstone.metadata).toBeUndefined();
    expect(listMessages(w.state, threadId, bob, { size: 1 }).value[0]?.deletedOn).toBeDefined();
    expect(failure(() => updateMessage(w.state, threadId, id, { content: 'again' }, w.as(ann))).status).toBe(404);
    expect(failure(() => deleteMessage(w.state, threadId, id, w.as(ann))).status).toBe(404);
    // System messages have no sender: nobody edits them.
    const system = listMessages(w.state, threadId, ann, { size: 10 }).value.find((m) => m.type === 'topicUpdated');
    expect(failure(() => updateMessage(w.state, threadId, system?.id ?? '', { content: 'x' }, w.as(ann))).status).toBe(
      403,
    );
  });

  it('hides history before shareHistoryTime and closes the thread to a removed participant', () => {
    const { w, threadId } = threadOfAnnAndBob();
    w.now += 1000;
    sendMessage(w.state, threadId, { content: 'before' }, w.as(ann));
    w.now += 1000;
    addParticipants(
      w.state,
      threadId,
      [{ communicationIdentifier: user(cat), shareHistoryTime: new Date(w.now).toISOString() }],
      w.as(ann),
    );
    const early = listMessages(w.state, threadId, cat, { size: 10 }).value;
    expect(early.map((m) => m.type)).toEqual(['participantAdded']);
    removeParticipant(w.state, threadId, user(cat), w.as(ann));
    expect(failure(() => listMessages(w.state, threadId, cat, { size: 10 })).status).toBe(403);
    expect(failure(() => sendMessage(w.state, threadId, { content: 'hi' }, w.as(cat))).status).toBe(403);
  });
});
