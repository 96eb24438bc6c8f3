import { describe, expect, it } from 'vitest';
import { callsView } from '../../src/services/dashboard/views/calls.js';
import { chatView } from '../../src/services/dashboard/views/chat.js';
import { deliveriesView } from '../../src/services/dashboard/views/deliveries.js';
import { identitiesView } from '../../src/services/dashboard/views/identities.js';
import { attachmentOf, findEmail, outboxView } from '../../src/services/dashboard/views/outbox.js';
import { entryView } from '../../src/services/dashboard/views/request-log.js';
import { roomsView } from '../../src/services/dashboard/views/rooms.js';
import { fakeSource, logEntry } from './fake-source.js';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);
const ISO0 = new Date(T0).toISOString();
const ALICE = '8:acs:res_alice';
const BOB = '8:acs:res_bob';

describe('identities view', () => {
  const at = (ms: number) => new Date(T0 + ms).toISOString();
  const issuedEntry = (id: number, identityId: string, route: string, scopes: string[], extra = {}) =>
    logEntry({
      id,
      method: 'POST',
      route,
      target:
        route === '/identities'
          ? '/identities?api-version=2023-10-01'
          : `/identities/${encodeURIComponent(identityId)}/:issueAccessToken`,
      service: 'identity',
      status: route === '/identities' ? 201 : 200,
      timestamp: T0 + id,
      details: { identityId, tokenIssued: { scopes, issuedAt: at(id), expiresOn: at(id + 3_600_000), ...extra } },
    });

  it("tokens from the handlers' annotations (claims only), revoked by a later revoke, with the history", () => {
    const source = fakeSource({
      services: ['identity'],
      collections: { 'identity.identities': { [ALICE]: { id: ALICE, createdAtTimestamp: T0, minRevision: 3 } } },
      requests: [
        issuedEntry(1, ALICE, '/identities', ['chat']),
        logEntry({
          id: 2,
          method: 'POST',
          route: '/identities/{id}/:revokeAccessTokens',
          target: `/identities/${encodeURIComponent(ALICE)}/:revokeAccessTokens?api-version=2023-10-01`,
          service: 'identity',
          status: 204,
          timestamp: T0 + 2,
          details: { identityId: ALICE, revoked: true },
        }),
        issuedEntry(3, ALICE, '/identities/{id}/:issueAccessToken', ['voip']),
        issuedEntry(4, ALICE, '/access/entra/:exchangeAccessToken', ['chat'], { exchange: 'entra' }),
      ],
    });
    const [alice] = identitiesView(source).value;
    expect(alice?.deleted).toBe(false);
    expect(alice?.tokens).toEqual([
      {
        issuedAt: at(1),
        expiresAt: at(3_600_001),
        scopes: ['chat'],
        revision: null,
        via: 'identity',
        requestId: 1,
        revoked: true,
      },
      {
        issuedAt: at(3),
        expiresAt: at(3_600_003),
        scopes: ['voip'],
        revision: null,
        via: 'identity',
        requestId: 3,
        revoked: false,
      },
      {
        issuedAt: at(4),
        expiresAt: at(3_600_004),
        scopes: ['chat'],
        revision: null,
        via: 'entra',
        requestId: 4,
        revoked: false,
      },
    ]);
    expect(alice?.history.map((step) => [step.kind, step.status])).toEqual([
      ['create', 201],
      ['revoke', 204],
      ['issue', 200],
      ['exchange', 200],
    ]);
    expect(JSON.stringify(alice)).not.toMatch(/eyJ/); // no JWT anywhere
  });

  it('an identity deleted since is listed as deleted, its tokens revoked; refused probes of unknown ids invent nothing', () => {
    const source = fakeSource({
      services: ['identity'],
      requests: [
        issuedEntry(10, BOB, '/identities', ['chat']),
        logEntry({
          id: 11,
          method: 'DELETE',
          route: '/identities/{id}',
          target: `/identities/${encodeURIComponent(BOB)}?api-version=2023-10-01`,
          service: 'identity',
          status: 204,
          details: { identityId: BOB, deleted: true },
        }),
        logEntry({
          id: 12,
          method: 'GET',
          route: '/identities/{id}',
          target: '/identities/nobody',
          service: 'identity',
          status: 401,
        }),
        logEntry({
          id: 13,
          method: 'DELETE',
          route: '/identities/{id}',
          target: '/identities/probe',
          service: 'identity',
          status: 404,
        }),
      ],
    });
    const view = identitiesView(source);
    expect(
      view.value.map((identity) => [identity.id, identity.deleted, identity.tokens.map((t) => t.revoked)]),
    ).toEqual([[BOB, true, [true]]]);
    expect(view.value[0]?.history.map((step) => step.kind)).toEqual(['create', 'delete']);
  });

  it('says the identity service is absent when it is not registered', () => {
    expect(identitiesView(fakeSource({})).present).toBe(false);
  });
});

describe('chat view', () => {
  it('joins threads, participants and messages, messages in sequence order, system messages readable', () => {
    const thread = '19:abc@thread.v2';
    const source = fakeSource({
      services: ['chat'],
      collections: {
        'chat.threads': { [thread]: { id: thread, topic: 'Launch', createdOn: T0, createdBy: ALICE, sequence: 3 } },
        'chat.participants': {
          [`${thread}\n${ALICE}`]: { threadId: thread, rawId: ALICE, displayName: 'Alice', addedOn: T0 },
          [`${thread}\n${BOB}`]: { threadId: thread, rawId: BOB, addedOn: T0, shareHistoryTime: T0 },
        },
        'chat.messages': {
          m3: {
            threadId: thread,
            id: '3',
            sequenceId: 3,
            type: 'text',
            message: '<b>hi</b>',
            senderId: ALICE,
            createdOn: T0 + 3,
          },
          m1: {
            threadId: thread,
            id: '1',
            sequenceId: 1,
            type: 'participantAdded',
            participants: [{ rawId: BOB, displayName: 'Bob' }],
            createdOn: T0 + 1,
          },
          m2: {
            threadId: thread,
            id: '2',
            sequenceId: 2,
            type: 'topicUpdated',
            topic: 'Launch',
            createdOn: T0 + 2,
            editedOn: T0 + 9,
          },
        },
      },
    });
    const [view] = chatView(source).value;
    expect(view?.topic).toBe('Launch');
    expect(view?.createdAt).toBe(ISO0);
    expect(view?.participants).toEqual([
      { id: ALICE, displayName: 'Alice', shareHistoryTime: null },
      { id: BOB, displayName: null, shareHistoryTime: ISO0 },
    ]);
    expect(view?.messages.map((m) => [m.sequenceId, m.type, m.content])).toEqual([
      ['1', 'participantAdded', 'added: Bob'],
      ['2', 'topicUpdated', 'topic set to "Launch"'],
      ['3', 'text', '<b>hi</b>'], // as text: the page renders it escaped
    ]);
    expect(view?.messages[1]?.editedAt).toBe(new Date(T0 + 9).toISOString());
  });
});

describe('outbox view', () => {
  const email = {
    id: 'op-1',
    senderAddress: 'donotreply@contoso.com',
    to: [{ address: 'a@contoso.com', displayName: 'A' }],
    cc: [],
    bcc: [{ address: 'b@contoso.com' }],
    subject: 'Report',
    plainText: 'see html',
    html: '<h1>Hi</h1><script>alert(1)</script>',
    attachments: [
      { name: 'r.txt', contentType: 'text/plain', contentInBase64: Buffer.from('hello').toString('base64') },
    ],
    acceptedAt: ISO0,
  };
  const source = fakeSource({
    services: ['sms', 'email', 'messages'],
    collections: {
      'sms.outbox': {
        o1: {
          messageId: 'Outgoing_1',
          from: '+18005550100',
          to: '+14255550123',
          message: 'sent',
          sentAt: new Date(T0 + 5).toISOString(),
        },
      },
      'sms.inbox': {
        i1: {
          messageId: 'Incoming_1',
          from: '+14255550123',
          to: '+18005550100',
          message: 'reply',
          receivedAt: new Date(T0 + 9).toISOString(),
        },
      },
      'sms.requests': { r: { result: {} } },
      'email.outbox': { 'op-1': email },
      'messages.outbox': {
        m1: {
          messageId: 'm1',
          channelRegistrationId: 'c1',
          to: '+14255550123',
          kind: 'template',
          content: { template: { name: 'welcome', language: 'en' } },
          sentAt: new Date(T0 + 1).toISOString(),
          status: 'delivered',
        },
        m2: {
          messageId: 'm2',
          channelRegistrationId: 'c1',
          to: '+14255550123',
          kind: 'text',
          content: { content: 'hello' },
          renderedText: 'hello',
          sentAt: new Date(T0 + 2).toISOString(),
          status: 'delivered',
        },
      },
      'email.operations': { 'op-1': { id: 'op-1', status: 'Succeeded' } },
    },
  });

  it('recognises SMS by shape, both directions, oldest first; email with status, sizes, no html or base64', () => {
    const outbox = outboxView(source);
    expect(outbox.sms.value.map((s) => [s.direction, s.message])).toEqual([
      ['outbound', 'sent'],
      ['inbound', 'reply'],
    ]);
    const [mail] = outbox.email.value;
    expect(mail).toMatchObject({
      id: 'op-1',
      to: ['a@contoso.com'],
      bcc: ['b@contoso.com'],
      hasHtml: true,
      status: 'Succeeded',
      attachments: [{ index: 0, name: 'r.txt', contentType: 'text/plain', sizeInBytes: 5 }],
    });
    expect(JSON.stringify(outbox)).not.toContain('<script>');
    expect(JSON.stringify(outbox)).not.toContain(email.attachments[0]?.contentInBase64);
    expect(outbox.messages.value.map((m) => [m.kind, m.summary, m.to.join()])).toEqual([
      ['template', 'template welcome (en)', '+14255550123'],
      ['text', 'hello', '+14255550123'],
    ]);
  });

  it('finds an email and decodes its attachment', () => {
    const found = findEmail(source, 'op-1');
    expect(found?.html).toBe(email.html);
    expect(attachmentOf(found ?? {}, 0)?.bytes.toString()).toBe('hello');
    expect(attachmentOf(found ?? {}, 1)).toBeUndefined();
    expect(findEmail(source, 'nope')).toBeUndefined();
  });
});

describe('rooms, calls and deliveries views', () => {
  const delivery = (id: number, group: string | undefined, status: 'delivered' | 'dead', statusCode: number) => ({
    id,
    url: 'http://127.0.0.1:9/cb',
    label: `Microsoft.Communication.CallConnected → http://127.0.0.1:9/cb`,
    kind: 'callback',
    group,
    createdAtTimestamp: T0 + id,
    status,
    attempts: [{ timestamp: T0 + id, statusCode, durationInMs: 1 }],
    ...(status === 'dead' ? { reason: 'no success after 1 attempts' } : {}),
  });

  it('rooms with participants from their collection', () => {
    const source = fakeSource({
      services: ['rooms'],
      collections: {
        'rooms.rooms': {
          r1: { id: 'r1', createdAt: T0, validFrom: T0, validUntil: T0 + 1, pstnDialOutEnabled: false },
        },
        'rooms.participants': { p: { roomId: 'r1', rawId: ALICE, role: 'Presenter' } },
      },
    });
    expect(roomsView(source).value).toEqual([
      {
        id: 'r1',
        createdAt: ISO0,
        validFrom: ISO0,
        validUntil: new Date(T0 + 1).toISOString(),
        pstnDialOutEnabled: false,
        participants: [{ id: ALICE, role: 'Presenter' }],
      },
    ]);
  });

  it('a call timeline from its record and the callbacks grouped by its id', () => {
    const source = fakeSource({
      services: ['call-automation'],
      collections: {
        'call-automation.calls': {
          c1: {
            callConnectionId: 'c1',
            direction: 'outbound',
            state: 'connected',
            callbackUri: 'http://127.0.0.1:9/cb',
            targets: [{ rawId: '4:+14255550123', kind: 'phoneNumber' }],
            createdAt: T0,
          },
        },
      },
      deliveries: [delivery(1, 'c1', 'delivered', 200), delivery(2, 'other', 'delivered', 200)],
    });
    const [call] = callsView(source).value;
    expect(call?.targets).toEqual(['4:+14255550123']);
    expect(call?.events.map((e) => [e.type, e.detail])).toEqual([
      ['created', 'outbound'],
      ['Microsoft.Communication.CallConnected', 'delivered (HTTP 200)'],
    ]);
  });

  it('deliveries with attempts and the last answer', () => {
    const view = deliveriesView(fakeSource({ deliveries: [delivery(3, undefined, 'dead', 500)] }));
    expect(view.value).toEqual([
      expect.objectContaining({ id: '3', status: 'dead', attempts: 1, lastStatusCode: 500 }),
    ]);
  });
});

describe('request-log entry view', () => {
  it('copies the shown fields only, names the error code in the reason, maps HMAC diagnostics', () => {
    const entry = logEntry({
      method: 'POST',
      target: '/identities?api-version=2023-10-01',
      route: '/identities',
      service: 'identity',
      status: 401,
      outcome: 'auth',
      errorCode: 'Denied',
      reason: 'The signature does not match.',
      hmac: {
        stringToSign: 'POST\n/identities?api-version=2023-10-01\nMon, 01 Jan 2026 10:00:00 GMT;127.0.0.1:1;47DEQ',
        computedContentHash: '47DEQ',
        received: {
          xMsDate: 'Mon, 01 Jan 2026 10:00:00 GMT',
          host: '127.0.0.1:1',
          contentSha256: 'XXXX',
          signedHeaders: 'x-ms-date;host;x-ms-content-sha256',
        },
      },
      details: { secret: 'should-not-pass' },
    });
    const view = entryView(entry);
    expect(view.reason).toBe('Denied: The signature does not match.');
    expect(view.caller).toEqual({ kind: 'anonymous' });
    expect(view.hmac).toEqual({
      stringToSign: entry.hmac?.stringToSign,
      computedContentHash: '47DEQ',
      received: {
        'x-ms-date': 'Mon, 01 Jan 2026 10:00:00 GMT',
        host: '127.0.0.1:1',
        'x-ms-content-sha256': 'XXXX',
        SignedHeaders: 'x-ms-date;host;x-ms-content-sha256',
      },
    });
    expect(JSON.stringify(view)).not.toContain('should-not-pass');
    expect(view.timestamp).toBe(ISO0);
  });
});
