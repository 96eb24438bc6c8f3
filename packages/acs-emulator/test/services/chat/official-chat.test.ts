import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient, type ChatClientOptions, type ChatMessage, type ChatThreadClient } from '@azure/communication-chat';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { AzureCommunicationTokenCredential, type CommunicationUserIdentifier } from 'acs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { startTestEmulator } from '../../helpers/emulator.js';

// Every ChatClient / ChatThreadClient operation of the OFFICIAL @azure/communication-chat 1.6.0,
// unmodified and in-process, on acs-common's credential, over HTTPS against the emulator (the
// test certificate is trusted through NODE_EXTRA_CA_CERTS, set by vitest's globalSetup).

interface Person {
  user: CommunicationUserIdentifier;
  chat: ChatClient;
}

let emulator: RunningEmulator;
let identity: CommunicationIdentityClient;
let ann: Person;
let bob: Person;
let cat: Person;
let outsider: Person;
const events: { type: string; subject: string; data: Record<string, unknown> }[] = [];

async function person(scopes: ('chat' | 'voip' | 'chat.join' | 'chat.join.limited')[] = ['chat']): Promise<Person> {
  const { user, token } = await identity.createUserAndToken(scopes);
  return { user, chat: new ChatClient(emulator.endpoint, new AzureCommunicationTokenCredential(token)) };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function pages<T>(iterable: { byPage(): AsyncIterableIterator<T[]> }): Promise<T[][]> {
  const result: T[][] = [];
  for await (const page of iterable.byPage()) result.push(page);
  return result;
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  emulator.host.events.on((event) => {
    events.push(event as never);
  });
  identity = new CommunicationIdentityClient(emulator.connectionString);
  [ann, bob, cat, outsider] = [await person(), await person(), await person(), await person()];
});
afterAll(() => emulator?.close());

describe('the official ChatClient and ChatThreadClient against the emulator', () => {
  let threadId: string;
  let annThread: ChatThreadClient;
  let bobThread: ChatThreadClient;

  it('createChatThread: participants, invalid participants, idempotency token', async () => {
    const ghost = { communicationUserId: `8:acs:${emulator.resourceId}_00000000-0000-0000-0000-000000000000` };
    const request = { topic: 'Lunch' };
    const options = {
      participants: [
        { id: ann.user, displayName: 'Ann' },
        { id: bob.user, displayName: 'Bob' },
        { id: ghost },
        { id: { phoneNumber: '+14255550123' } },
      ],
      metadata: { team: 'blue' },
      idempotencyToken: 'c0ffee00-0000-4000-8000-000000000001',
    };
    const created = await ann.chat.createChatThread(request, options);
    threadId = created.chatThread?.id as string;
    expect(threadId).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(created.chatThread).toMatchObject({ topic: 'Lunch', metadata: { team: 'blue' } });
    expect(created.chatThread?.createdBy).toEqual({
      kind: 'communicationUser',
      communicationUserId: ann.user.communicationUserId,
    });
    expect(created.chatThread?.createdOn).toBeInstanceOf(Date);
    expect(created.invalidParticipants).toEqual([
      { code: '404', message: 'Not found', target: ghost.communicationUserId },
      { code: '403', message: 'Permissions check failed', target: '4:+14255550123' },
    ]);

    const again = await ann.chat.createChatThread(request, options);
    expect(again.chatThread?.id).toBe(threadId);
    expect(events.filter((e) => e.type === 'Microsoft.Communication.ChatThreadCreated')).toHaveLength(1);

    annThread = ann.chat.getChatThreadClient(threadId);
    bobThread = bob.chat.getChatThreadClient(threadId);
  });

  it('getProperties, updateTopic, updateProperties', async () => {
    await annThread.updateTopic('Lunch at noon');
    await annThread.updateProperties({
      metadata: { team: 'blue', floor: '3' },
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
    });
    const properties = await bobThread.getProperties();
    expect(properties).toMatchObject({
      id: threadId,
      topic: 'Lunch at noon',
      metadata: { team: 'blue', floor: '3' },
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
    });
    expect(properties.createdBy).toMatchObject({ communicationUserId: ann.user.communicationUserId });
    expect(events.map((e) => e.type)).toContain('Microsoft.Communication.ChatThreadPropertiesUpdated');
  });

  it('sendMessage (text and html, senderDisplayName, metadata) and getMessage', async () => {
    const { id } = await annThread.sendMessage(
      { content: 'Pizza?' },
      { senderDisplayName: 'Ann', metadata: { k: 'v' } },
    );
    const { id: htmlId } = await bobThread.sendMessage(
      { content: '<b>Yes</b>' },
      { type: 'html', senderDisplayName: 'Bob' },
    );
    const message = await bobThread.getMessage(id);
    expect(message).toMatchObject({
      id,
      type: 'text',
      version: id,
      content: { message: 'Pizza?' },
      senderDisplayName: 'Ann',
      metadata: { k: 'v' },
      sender: { kind: 'communicationUser', communicationUserId: ann.user.communicationUserId },
    });
    expect(message.createdOn).toBeInstanceOf(Date);
    const html = await annThread.getMessage(htmlId);
    expect(html.type).toBe('html');
    expect(Number(html.sequenceId)).toBe(Number(message.sequenceId) + 1);
    const received = events.filter((e) => e.type === 'Microsoft.Communication.ChatMessageReceived');
    expect(received.map((e) => e.data.recipientId)).toEqual([
      bob.user.communicationUserId,
      ann.user.communicationUserId,
    ]);
  });

  it('listMessages: newest first, system messages as the service writes them, paged with maxPageSize, startTime', async () => {
    const listed = await all(annThread.listMessages());
    expect(listed.map((m) => m.type)).toEqual(['html', 'text', 'topicUpdated', 'topicUpdated', 'participantAdded']);
    expect(listed.map((m) => Number(m.sequenceId))).toEqual([5, 4, 3, 2, 1]);
    const added = listed[4] as ChatMessage;
    expect(added.content?.participants?.map((p) => p.displayName)).toEqual(['Ann', 'Bob']);
    expect(added.content?.initiator).toMatchObject({ communicationUserId: ann.user.communicationUserId });
    expect(listed[2]?.content?.topic).toBe('Lunch at noon');

    const paged = await pages(annThread.listMessages({ maxPageSize: 2 }));
    expect(paged.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(paged.flat().map((m) => m.id)).toEqual(listed.map((m) => m.id));

    const since = await all(annThread.listMessages({ startTime: listed[1]?.createdOn as Date }));
    expect(since.map((m) => m.id)).toEqual(listed.slice(0, 2).map((m) => m.id));
  });

  it('updateMessage (editedOn, version) and deleteMessage (deletedOn); only the sender may', async () => {
    const { id } = await annThread.sendMessage({ content: 'Typo' });
    await expect(bobThread.updateMessage(id, { content: 'Not mine' })).rejects.toMatchObject({ statusCode: 403 });
    await annThread.updateMessage(id, { content: 'Fixed', metadata: { edited: 'yes' } });
    const edited = await bobThread.getMessage(id);
    expect(edited).toMatchObject({ content: { message: 'Fixed' }, metadata: { edited: 'yes' } });
    expect(edited.editedOn).toBeInstanceOf(Date);
    expect(Number(edited.version)).toBeGreaterThan(Number(id));
    await expect(bobThread.deleteMessage(id)).rejects.toMatchObject({ statusCode: 403 });
    await annThread.deleteMessage(id);
    const [newest] = await all(bobThread.listMessages({ maxPageSize: 1 }));
    expect(newest?.id).toBe(id);
    expect(newest?.deletedOn).toBeInstanceOf(Date);
    expect(newest?.content).toBeUndefined();
    const types = events.map((e) => e.type);
    expect(types).toContain('Microsoft.Communication.ChatMessageEditedInThread');
    expect(types).toContain('Microsoft.Communication.ChatMessageDeleted');
  });

  it('listParticipants (paged), addParticipants (shareHistoryTime), removeParticipant: the removed user loses access', async () => {
    const shareHistoryTime = new Date();
    const added = await annThread.addParticipants({
      participants: [{ id: cat.user, displayName: 'Cat', shareHistoryTime }],
    });
    expect(added.invalidParticipants).toBeUndefined();
    const participants = await all(annThread.listParticipants());
    expect(participants.map((p) => p.displayName)).toEqual(['Ann', 'Bob', 'Cat']);
    expect(participants[2]?.shareHistoryTime?.getTime()).toBe(shareHistoryTime.getTime());
    expect((await pages(annThread.listParticipants({ maxPageSize: 2 }))).map((page) => page.length)).toEqual([2, 1]);

    const catThread = cat.chat.getChatThreadClient(threadId);
    const seen = await all(catThread.listMessages());
    expect(seen.every((m) => (m.createdOn as Date).getTime() >= shareHistoryTime.getTime())).toBe(true);
    expect(seen[0]?.type).toBe('participantAdded');

    await annThread.removeParticipant(bob.user);
    await expect(bobThread.getProperties()).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    await expect(bobThread.sendMessage({ content: 'still here?' })).rejects.toMatchObject({ statusCode: 403 });
    const [removal] = await all(annThread.listMessages({ maxPageSize: 1 }));
    expect(removal?.type).toBe('participantRemoved');
    expect(removal?.content?.participants?.[0]?.id).toMatchObject({
      communicationUserId: bob.user.communicationUserId,
    });
    expect(events.map((e) => e.type)).toContain('Microsoft.Communication.ChatThreadParticipantRemoved');
  });

  it('sendReadReceipt / listReadReceipts and sendTypingNotification', async () => {
    const { id } = await annThread.sendMessage({ content: 'Read me' });
    await cat.chat.getChatThreadClient(threadId).sendReadReceipt({ chatMessageId: id });
    const receipts = await all(annThread.listReadReceipts());
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({
      chatMessageId: id,
      sender: { communicationUserId: cat.user.communicationUserId },
    });
    expect(receipts[0]?.readOn).toBeInstanceOf(Date);
    expect(await annThread.sendTypingNotification({ senderDisplayName: 'Ann' })).toBe(true);
  });

  it('refuses a second user who is not a participant, in the service error shape', async () => {
    const theirs = outsider.chat.getChatThreadClient(threadId);
    for (const call of [
      () => theirs.getProperties(),
      () => theirs.sendMessage({ content: 'hi' }),
      () => all(theirs.listMessages()),
      () => all(theirs.listParticipants()),
      () => theirs.sendTypingNotification(),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 403, code: 'Forbidden' });
    }
    expect(await all(outsider.chat.listChatThreads())).toEqual([]);
  });

  it('refuses tokens without a chat scope; chat.join may not create threads', async () => {
    const voip = await person(['voip']);
    await expect(voip.chat.createChatThread({ topic: 'x' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(all(voip.chat.listChatThreads())).rejects.toMatchObject({ statusCode: 403 });
    const joiner = await person(['chat.join']);
    await expect(joiner.chat.createChatThread({ topic: 'x' })).rejects.toMatchObject({ statusCode: 403 });
    await annThread.addParticipants({ participants: [{ id: joiner.user }] });
    const { id } = await joiner.chat.getChatThreadClient(threadId).sendMessage({ content: 'joined' });
    expect((await annThread.getMessage(id)).content?.message).toBe('joined');
  });

  it("listChatThreads: the caller's threads, paged with maxPageSize; deleteChatThread", async () => {
    const topics = ['one', 'two', 'three'];
    for (const topic of topics) await ann.chat.createChatThread({ topic });
    const paged = await pages(ann.chat.listChatThreads({ maxPageSize: 2 }));
    expect(paged.map((page) => page.length)).toEqual([2, 2]);
    expect(paged.flat().map((t) => t.topic)).toEqual(['three', 'two', 'one', 'Lunch at noon']);
    expect(await all(cat.chat.listChatThreads())).toHaveLength(1);

    const doomed = paged[0]?.[0]?.id as string;
    await ann.chat.deleteChatThread(doomed);
    await expect(ann.chat.getChatThreadClient(doomed).getProperties()).rejects.toMatchObject({ statusCode: 404 });
    const listed = await all(ann.chat.listChatThreads());
    expect(listed.find((t) => t.id === doomed)?.deletedOn).toBeInstanceOf(Date);
    expect(events.map((e) => e.type)).toContain('Microsoft.Communication.ChatThreadDeleted');
  });

  it('accepts every chat api-version the official clients send', async () => {
    const token = (await identity.getToken(ann.user, ['chat'])).token;
    // `apiVersion` is not in ChatClientOptions' type, but ChatApiClient honours it (a pipeline policy).
    const withVersion = (apiVersion: string) => ({ apiVersion }) as ChatClientOptions;
    for (const apiVersion of ['2021-03-07', '2021-09-07', '2023-11-07', '2024-03-07', '2025-03-15']) {
      const client = new ChatClient(
        emulator.endpoint,
        new AzureCommunicationTokenCredential(token),
        withVersion(apiVersion),
      );
      const thread = client.getChatThreadClient(threadId);
      expect((await thread.getProperties()).id, apiVersion).toBe(threadId);
    }
    const future = new ChatClient(
      emulator.endpoint,
      new AzureCommunicationTokenCredential(token),
      withVersion('2099-01-01'),
    );
    await expect(future.getChatThreadClient(threadId).getProperties()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('does not offer real-time notifications (signalling, not REST)', async () => {
    await expect(ann.chat.startRealtimeNotifications()).rejects.toThrow(/not supported in node/i);
  });
});

describe('restart with a data file', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'acs-chat-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('keeps threads, messages, participants, receipts and repeatable requests', async () => {
    const dataFile = join(directory, 'state.json');
    const first = await startTestEmulator({ dataFile });
    const admin = new CommunicationIdentityClient(first.connectionString);
    const a = await admin.createUserAndToken(['chat']);
    const b = await admin.createUser();
    const chat = new ChatClient(first.endpoint, new AzureCommunicationTokenCredential(a.token));
    const options = { participants: [{ id: b, displayName: 'B' }], idempotencyToken: 'restart-1' };
    const created = await chat.createChatThread({ topic: 'Survives' }, options);
    const threadId = created.chatThread?.id as string;
    const thread = chat.getChatThreadClient(threadId);
    const { id } = await thread.sendMessage({ content: 'before restart' }, { senderDisplayName: 'A' });
    await thread.sendReadReceipt({ chatMessageId: id });
    const before = await all(thread.listMessages());
    await first.close();

    const second = await startTestEmulator({ dataFile, accessKey: first.accessKey });
    try {
      const again = new ChatClient(second.endpoint, new AzureCommunicationTokenCredential(a.token));
      const after = again.getChatThreadClient(threadId);
      expect(await all(after.listMessages())).toEqual(before);
      expect((await all(after.listParticipants())).map((p) => p.displayName)).toEqual([undefined, 'B']);
      expect((await all(after.listReadReceipts())).map((r) => r.chatMessageId)).toEqual([id]);
      expect((await again.createChatThread({ topic: 'Survives' }, options)).chatThread?.id).toBe(threadId);
      const next = await after.sendMessage({ content: 'after restart' });
      expect(Number((await after.getMessage(next.id)).sequenceId)).toBe(Number(before[0]?.sequenceId) + 1);
    } finally {
      await second.close();
    }
  });
});
