import { describe, expect, it } from 'vitest';
import { ChatFailure } from '../../../src/services/chat/failure.js';
import { listMessages } from '../../../src/services/chat/message-ops.js';
import { listParticipants } from '../../../src/services/chat/participant-ops.js';
import {
  createThread,
  deleteThread,
  getThread,
  listThreads,
  mergeMetadata,
  updateThread,
} from '../../../src/services/chat/thread-ops.js';
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

describe('createThread', () => {
  it('makes the caller a participant, reports refused participants and writes participantAdded then topicUpdated', () => {
    const w = world();
    const { result, repeated } = createThread(
      w.state,
      {
        topic: 'Lunch',
        participants: [
          { communicationIdentifier: user(bob), displayName: 'Bob' },
          { communicationIdentifier: user(ghost) },
          { communicationIdentifier: { rawId: '4:+14255550123', phoneNumber: { value: '+14255550123' } } },
          { communicationIdentifier: user(bob), displayName: 'Bob again' },
        ],
        metadata: { team: 'blue' },
        retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
      },
      w.as(ann),
    );
    expect(repeated).toBe(false);
    expect(result.chatThread).toEqual({
      id: '19:thread1@thread.v2',
      topic: 'Lunch',
      createdOn: '2024-01-01T00:00:00.000Z',
      createdByCommunicationIdentifier: user(ann),
      metadata: { team: 'blue' },
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
    });
    expect(result.invalidParticipants).toEqual([
      { code: '404', message: 'Not found', target: ghost },
      { code: '403', message: 'Permissions check failed', target: '4:+14255550123' },
    ]);
    const participants = listParticipants(w.state, '19:thread1@thread.v2', ann, { skip: 0, size: 10 }).value;
    expect(participants).toEqual([
      { communicationIdentifier: user(ann) },
      { communicationIdentifier: user(bob), displayName: 'Bob' },
    ]);
    const messages = listMessages(w.state, '19:thread1@thread.v2', bob, { size: 10 }).value;
    expect(messages.map((m) => [m.sequenceId, m.type])).toEqual([
      ['2', 'topicUpdated'],
      ['1', 'participantAdded'],
    ]);
    expect(messages[0]?.content).toEqual({ topic: 'Lunch', initiatorCommunicationIdentifier: user(ann) });
    expect(messages[1]?.content?.participants?.map((p) => p.communicationIdentifier.rawId)).toEqual([ann, bob]);
    expect(Number(messages[0]?.id)).toBeGreaterThan(Number(messages[1]?.id));
    expect(w.events.map((e) => e.type)).toEqual(['Microsoft.Communication.ChatThreadCreated']);
    expect(w.events[0]?.data).toMatchObject({
      threadId: '19:thread1@thread.v2',
      properties: { topic: 'Lunch' },
      createdByCommunicationIdentifier: user(ann),
      participants: [
        { participantCommunicationIdentifier: user(ann), metadata: {} },
        { displayName: 'Bob', participantCommunicationIdentifier: user(bob), metadata: {} },
      ],
    });
  });

  it('keeps the display name the creator gave itself', () => {
    const w = world();
    createThread(
      w.state,
      { topic: 't', participants: [{ communicationIdentifier: user(ann), displayName: 'Ann' }] },
      w.as(ann),
    );
    expect(listParticipants(w.state, '19:thread1@thread.v2', ann, { skip: 0, size: 10 }).value).toEqual([
      { communicationIdentifier: user(ann), displayName: 'Ann' },
    ]);
  });

  it('answers a repeated repeatability-request-id with the first result and creates nothing', () => {
    const w = world();
    const first = createThread(w.state, { topic: 'Once', requestId: 'r-1' }, w.as(ann));
    w.now += 5000;
    const again = createThread(w.state, { topic: 'Twice?', requestId: 'r-1' }, w.as(ann));
    expect(again.repeated).toBe(true);
    expect(again.result).toEqual(first.result);
    expect(listThreads(w.state, ann, { skip: 0, size: 10 }).value.map((t) => t.topic)).toEqual(['Once']);
    expect(w.events).toHaveLength(1);
    // The same request id from another caller is another request.
    const other = createThread(w.state, { topic: 'Bob', requestId: 'r-1' }, w.as(bob));
    expect(other.repeated).toBe(false);
    expect(other.threadId).not.toBe(first.threadId);
  });

  it('refuses a blank topic, oversized metadata and malformed identifiers with the path of the input', () => {
    const w = world();
    expect(failure(() => createThread(w.state, { topic: '  ' }, w.as(ann)))).toMatchObject({
      status: 400,
      code: 'InvalidRequest',
      target: 'topic',
    });
    expect(
      failure(() => createThread(w.state, { topic: 't', metadata: { k: 'v'.repeat(1100) } }, w.as(ann))).target,
    ).toBe('metadata');
    const bad = failure(() =>
      createThread(w.state, { topic: 't', participants: [{ communicationIdentifier: 'bob' }] }, w.as(ann)),
    );
    expect(bad).toMatchObject({ status: 400, target: 'participants[0].communicationIdentifier' });
    const twoKinds = failure(() =>
      createThread(
        w.state,
        {
          topic: 't',
          participants: [
            { communicationIdentifier: { communicationUser: { id: bob }, phoneNumber: { value: '+1425' } } },
          ],
        },
        w.as(ann),
      ),
    );
    expect(twoKinds.message).toContain('Only one of the properties');
    expect(
      failure(() =>
        createThread(
          w.state,
          { topic: 't', participants: [{ communicationIdentifier: user(bob), shareHistoryTime: 'yesterday' }] },
          w.as(ann),
        ),
      ).target,
    ).toBe('participants[0].shareHistoryTime');
    expect(w.state.threads.scan('')).toEqual([]);
  });
});

describe('thread access, update, delete and list', () => {
  it('is refused (403) to non-participants and 404 for unknown threads', () => {
    const w = world();
    const { threadId } = createThread(w.state, { topic: 't' }, w.as(ann));
    expect(failure(() => getThread(w.state, threadId, bob))).toMatchObject({ status: 403, code: 'Forbidden' });
    expect(failure(() => getThread(w.state, '19:nope@thread.v2', ann))).toMatchObject({
      status: 404,
      code: 'NotFound',
    });
  });

  it('updates topic and metadata (merge patch); a new topic is a topicUpdated message and an event', () => {
    const w = world();
    const { threadId } = createThread(w.state, { topic: 'Lunch', metadata: { a: '1', b: '2' } }, w.as(ann));
    w.now += 1000;
    updateThread(w.state, threadId, { topic: 'Dinner', metadata: { b: null, c: '3' } }, w.as(ann));
    expect(getThread(w.state, threadId, ann)).toMatchObject({ topic: 'Dinner', metadata: { a: '1', c: '3' } });
    const newest = listMessages(w.state, threadId, ann, { size: 1 }).value[0];
    expect(newest).toMatchObject({ type: 'topicUpdated', sequenceId: '3', content: { topic: 'Dinner' } });
    expect(w.events.at(-1)).toMatchObject({
      type: 'Microsoft.Communication.ChatThreadPropertiesUpdated',
      data: { properties: { topic: 'Dinner' }, editedByCommunicationIdentifier: user(ann) },
    });
    // Same topic again: no new system message.
    updateThread(w.state, threadId, { topic: 'Dinner' }, w.as(ann));
    expect(listMessages(w.state, threadId, ann, { size: 1 }).value[0]?.sequenceId).toBe('3');
    updateThread(w.state, threadId, { retentionPolicy: { kind: 'none' } }, w.as(ann));
    expect(getThread(w.state, threadId, ann).retentionPolicy).toEqual({ kind: 'none' });
    updateThread(w.state, threadId, { retentionPolicy: null }, w.as(ann));
    expect(getThread(w.state, threadId, ann).retentionPolicy).toBeUndefined();
  });

  it('deletes for everyone: listed with deletedOn, 404 otherwise, a second delete is a no-op', () => {
    const w = world();
    const { threadId } = createThread(
      w.state,
      { topic: 't', participants: [{ communicationIdentifier: user(bob) }] },
      w.as(ann),
    );
    w.now += 60_000;
    deleteThread(w.state, threadId, w.as(bob));
    expect(failure(() => getThread(w.state, threadId, ann)).status).toBe(404);
    expect(listThreads(w.state, ann, { skip: 0, size: 5 }).value).toEqual([
      {
        id: threadId,
        topic: 't',
        deletedOn: '2024-01-01T00:01:00.000Z',
        lastMessageReceivedOn: '2024-01-01T00:00:00.000Z',
      },
    ]);
    deleteThread(w.state, threadId, w.as(ann));
    expect(w.events.filter((e) => e.type.endsWith('ChatThreadDeleted'))).toHaveLength(1);
    expect(failure(() => deleteThread(w.state, threadId, w.as(cat))).status).toBe(403);
  });

  it("lists the caller's threads by latest activity, paged, from startTime", () => {
    const w = world();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(createThread(w.state, { topic: `t${i}` }, w.as(ann)).threadId);
      w.now += 1000;
    }
    createThread(w.state, { topic: 'bob only' }, w.as(bob));
    const first = listThreads(w.state, ann, { skip: 0, size: 2 });
    expect(first.value.map((t) => t.topic)).toEqual(['t4', 't3']);
    expect(first.next).toBe(2);
    const last = listThreads(w.state, ann, { skip: 4, size: 2 });
    expect(last.value.map((t) => t.topic)).toEqual(['t0']);
    expect(last.next).toBeUndefined();
    const recent = listThreads(w.state, ann, { skip: 0, size: 10, startTime: Date.UTC(2024, 0, 1, 0, 0, 3) });
    expect(recent.value.map((t) => t.topic)).toEqual(['t4', 't3']);
  });

  it('mergeMetadata follows JSON merge patch', () => {
    expect(mergeMetadata(undefined, { a: '1' })).toEqual({ a: '1' });
    expect(mergeMetadata({ a: '1' }, { a: null })).toBeUndefined();
  });
});
