import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../src/index.js';
import { type RawResponse, send, signed } from '../../helpers/client.js';

// The request bodies of the Chat 2025-03-15 examples (Azure/azure-rest-api-specs,
// specification/communication/data-plane/Chat/stable/2025-03-15/examples/), with the examples'
// users replaced by users of this emulator, and the answers checked against the examples'
// status codes, headers and members.

const V = 'api-version=2025-03-15';
let emulator: RunningEmulator;
let token: string;
let jane: string;
let alex: string;
const foreign = '8:acs:8540c0de-899f-5cce-acb5-3ec493af3800_f6762773-e33a-4727-985f-50bd1d197c7b';

const model = (rawId: string) => ({ rawId, communicationUser: { id: rawId } });

function call(method: string, target: string, json?: unknown, contentType = 'application/json'): Promise<RawResponse> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  return send(emulator.endpoint, {
    method,
    target,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body }),
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ http: true });
  const created = await signed(emulator, 'POST', '/identities?api-version=2023-10-01', {
    createTokenWithScopes: ['chat'],
  });
  const answer = created.json as { identity: { id: string }; accessToken: { token: string } };
  token = answer.accessToken.token;
  jane = answer.identity.id;
  alex = ((await signed(emulator, 'POST', '/identities?api-version=2023-10-01')).json as { identity: { id: string } })
    .identity.id;
});
afterAll(() => emulator.close());

describe('Chat 2025-03-15 examples', () => {
  let threadId: string;

  it('Threads_CreateChatThread: 201, Location, chatThread and invalidParticipants', async () => {
    const response = await call('POST', `/chat/threads?${V}`, {
      topic: 'Lunch',
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
      participants: [
        { communicationIdentifier: model(jane), displayName: 'Jane' },
        { communicationIdentifier: model(alex), displayName: 'Alex' },
        { communicationIdentifier: model(foreign), displayName: 'Peter' },
      ],
    });
    expect(response.status).toBe(201);
    const body = response.json as { chatThread: Record<string, unknown>; invalidParticipants: unknown[] };
    threadId = body.chatThread.id as string;
    expect(response.headers.location).toBe(`${emulator.endpoint}chat/threads/${encodeURIComponent(threadId)}`);
    expect(Object.keys(body.chatThread).sort()).toEqual(
      ['createdByCommunicationIdentifier', 'createdOn', 'id', 'retentionPolicy', 'topic'].sort(),
    );
    expect(body.chatThread).toMatchObject({
      topic: 'Lunch',
      createdByCommunicationIdentifier: model(jane),
      retentionPolicy: { kind: 'threadCreationDate', deleteThreadAfterDays: 30 },
    });
    expect(body.invalidParticipants).toEqual([{ target: foreign, code: '403', message: 'Permissions check failed' }]);
  });

  it('Threads_CreateChatThreadWithIdempotencyToken: the same answer again', async () => {
    const request = { topic: 'Lunch', participants: [{ communicationIdentifier: model(alex), displayName: 'Alex' }] };
    const first = await send(emulator.endpoint, {
      method: 'POST',
      target: `/chat/threads?${V}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'repeatability-request-id': '35dd6e71-251b-5e29-8376-ba93d09c3fbf',
        'repeatability-first-sent': new Date().toUTCString(),
      },
      body: JSON.stringify(request),
    });
    const again = await send(emulator.endpoint, {
      method: 'POST',
      target: `/chat/threads?${V}`,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'repeatability-request-id': '35dd6e71-251b-5e29-8376-ba93d09c3fbf',
      },
      body: JSON.stringify(request),
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json).toEqual(first.json);
    expect(again.headers['repeatability-result']).toBe('accepted');
  });

  it('Messages_SendChatMessage, Messages_GetChatMessage, Messages_UpdateChatMessage', async () => {
    const sent = await call('POST', `/chat/threads/${encodeURIComponent(threadId)}/messages?${V}`, {
      content: "Let's head out for lunch in 15 minutes.",
      senderDisplayName: 'Jane',
      metadata: { someKey1: 'someValue1', someKey2: 'someValue2' },
    });
    expect(sent.status).toBe(201);
    const { id } = sent.json as { id: string };
    expect(id).toMatch(/^\d{13}$/);
    expect(sent.headers.location).toBe(
      `${emulator.endpoint}chat/threads/${encodeURIComponent(threadId)}/messages/${id}`,
    );
    const got = await call('GET', `/chat/threads/${encodeURIComponent(threadId)}/messages/${id}?${V}`);
    expect(got.status).toBe(200);
    expect(Object.keys(got.json as object).sort()).toEqual(
      [
        'content',
        'createdOn',
        'id',
        'metadata',
        'senderCommunicationIdentifier',
        'senderDisplayName',
        'sequenceId',
        'type',
        'version',
      ].sort(),
    );
    const patched = await call(
      'PATCH',
      `/chat/threads/${encodeURIComponent(threadId)}/messages/${id}?${V}`,
      { content: 'Updated message content', metadata: { someKey1: 'someValue1', someKey2: 'someValue2' } },
      'application/merge-patch+json',
    );
    expect(patched.status).toBe(204);
    expect(patched.text).toBe('');
  });

  it('Messages_ListChatMessagesWithPageSize: newest first, a nextLink that keeps maxPageSize and api-version', async () => {
    const page = await call('GET', `/chat/threads/${encodeURIComponent(threadId)}/messages?maxPageSize=2&${V}`);
    const body = page.json as { value: { sequenceId: string; type: string }[]; nextLink: string };
    expect(body.value.map((m) => m.sequenceId)).toEqual(['3', '2']);
    const next = new URL(body.nextLink);
    expect(next.searchParams.get('maxPageSize')).toBe('2');
    expect(next.searchParams.get('api-version')).toBe('2025-03-15');
    const rest = await call('GET', `${next.pathname}${next.search}`);
    expect((rest.json as { value: { type: string }[]; nextLink?: string }).value.map((m) => m.type)).toEqual([
      'participantAdded',
    ]);
    expect((rest.json as { nextLink?: string }).nextLink).toBeUndefined();
  });

  it('Participants_ListChatParticipantsWithPageSize and Conversations_ListChatReadReceiptsWithPageSize: skip links', async () => {
    const page = await call('GET', `/chat/threads/${encodeURIComponent(threadId)}/participants?maxPageSize=1&${V}`);
    const body = page.json as { value: { displayName: string }[]; nextLink: string };
    expect(body.value).toEqual([{ communicationIdentifier: model(jane), displayName: 'Jane' }]);
    expect(new URL(body.nextLink).searchParams.get('skip')).toBe('1');
    const receipts = await call('GET', `/chat/threads/${encodeURIComponent(threadId)}/readReceipts?maxPageSize=2&${V}`);
    expect(receipts.json).toEqual({ value: [] });
  });

  it('Messages_SendTypingNotification and Conversations_SendChatReadReceipt: 200 without a body', async () => {
    const typing = await call('POST', `/chat/threads/${encodeURIComponent(threadId)}/typing?${V}`, {
      senderDisplayName: 'Jane',
    });
    expect([typing.status, typing.text]).toEqual([200, '']);
    const messages = await call('GET', `/chat/threads/${encodeURIComponent(threadId)}/messages?${V}`);
    const newest = (messages.json as { value: { id: string }[] }).value[0]?.id;
    const receipt = await call('POST', `/chat/threads/${encodeURIComponent(threadId)}/readReceipts?${V}`, {
      chatMessageId: newest,
    });
    expect([receipt.status, receipt.text]).toEqual([200, '']);
  });

  it('Participants_RemoveChatParticipant, Threads_UpdateChatThreadTopic, Threads_DeleteChatThread: 204', async () => {
    const path = `/chat/threads/${encodeURIComponent(threadId)}`;
    expect((await call('POST', `${path}/participants/:remove?${V}`, model(alex))).status).toBe(204);
    expect(
      (await call('PATCH', `${path}?${V}`, { topic: 'Lunch Thread' }, 'application/merge-patch+json')).status,
    ).toBe(204);
    expect((await call('GET', `${path}?${V}`)).json).toMatchObject({ topic: 'Lunch Thread' });
    expect((await call('DELETE', `${path}?${V}`)).status).toBe(204);
    const gone = await call('GET', `${path}?${V}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ error: { code: 'NotFound' } });
  });
});
