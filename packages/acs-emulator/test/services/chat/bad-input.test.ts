import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../src/index.js';
import { type RawResponse, send, signed } from '../../helpers/client.js';

// Malformed input on every chat route, from a participant with a valid token: every answer is a
// 2xx or a 4xx in the ACS error shape, never a 5xx, and the thread still works afterwards.

const V = 'api-version=2025-03-15';
let emulator: RunningEmulator;
let token: string;
let threadPath: string;
let messageId: string;

function call(method: string, target: string, body?: string, contentType = 'application/json'): Promise<RawResponse> {
  return send(emulator.endpoint, {
    method,
    target,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    ...(body === undefined ? {} : { body }),
  });
}

function expectClean(response: RawResponse, what: string): void {
  expect(response.status, `${what} → ${response.status} ${response.text}`).toBeLessThan(500);
  if (response.status >= 400) {
    const error = (response.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    expect(typeof error?.code, what).toBe('string');
    expect(typeof error?.message, what).toBe('string');
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ http: true });
  const created = await signed(emulator, 'POST', '/identities?api-version=2023-10-01', {
    createTokenWithScopes: ['chat'],
  });
  token = (created.json as { accessToken: { token: string } }).accessToken.token;
  const thread = await call('POST', `/chat/threads?${V}`, JSON.stringify({ topic: 'fuzz' }));
  threadPath = `/chat/threads/${encodeURIComponent((thread.json as { chatThread: { id: string } }).chatThread.id)}`;
  const message = await call('POST', `${threadPath}/messages?${V}`, JSON.stringify({ content: 'hi' }));
  messageId = (message.json as { id: string }).id;
});
afterAll(() => emulator.close());

describe('chat routes under malformed input', () => {
  const bodyRoutes = () => [
    ['POST', `/chat/threads?${V}`],
    ['PATCH', `${threadPath}?${V}`],
    ['POST', `${threadPath}/messages?${V}`],
    ['PATCH', `${threadPath}/messages/${messageId}?${V}`],
    ['POST', `${threadPath}/participants/:add?${V}`],
    ['POST', `${threadPath}/participants/:remove?${V}`],
    ['POST', `${threadPath}/readReceipts?${V}`],
    ['POST', `${threadPath}/typing?${V}`],
  ];

  it('answers arbitrary JSON bodies with 2xx or a 4xx envelope', async () => {
    const identifierish = fc.oneof(
      fc.anything(),
      fc.record({ rawId: fc.string() }, { requiredKeys: [] }),
      fc.record(
        { communicationUser: fc.anything(), phoneNumber: fc.anything(), kind: fc.string() },
        { requiredKeys: [] },
      ),
    );
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          topic: fc.oneof(fc.string(), fc.anything()),
          content: fc.oneof(fc.string(), fc.anything()),
          type: fc.oneof(fc.constantFrom('text', 'html', 'topicUpdated', ''), fc.anything()),
          metadata: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant(null))), fc.anything()),
          retentionPolicy: fc.oneof(
            fc.record({
              kind: fc.constantFrom('threadCreationDate', 'none', 'x'),
              deleteThreadAfterDays: fc.anything(),
            }),
            fc.anything(),
          ),
          participants: fc.oneof(
            fc.array(
              fc.record(
                {
                  communicationIdentifier: identifierish,
                  displayName: fc.anything(),
                  shareHistoryTime: fc.oneof(
                    fc.string(),
                    fc.date().map((d) => d.toString()),
                  ),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
            fc.anything(),
          ),
          chatMessageId: fc.oneof(fc.string(), fc.anything()),
          senderDisplayName: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      identifierish,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes()), bodies, async ([method, target], body) => {
        const text = JSON.stringify(body) ?? 'null';
        expectClean(await call(method as string, target as string, text), `${method} ${target} ${text.slice(0, 200)}`);
      }),
      { seed: 20_261_201, numRuns: 300 },
    );
  });

  it('answers broken bodies, odd ids and odd query parameters with a 4xx envelope', async () => {
    const cases: Array<[string, string, string | undefined, number]> = [
      ['POST', `${threadPath}/messages?${V}`, '{"content":', 400],
      ['POST', `${threadPath}/messages?${V}`, '', 400],
      ['POST', `${threadPath}/messages?${V}`, '{"content":5}', 400],
      ['POST', `${threadPath}/messages?${V}`, JSON.stringify({ content: 'x'.repeat(30_000) }), 400],
      ['POST', `${threadPath}/participants/:remove?${V}`, '{}', 400],
      [
        'POST',
        `${threadPath}/participants/:remove?${V}`,
        '{"communicationUser":{"id":"8:acs:x"},"phoneNumber":{"value":"+1"}}',
        400,
      ],
      ['GET', `${threadPath}/messages?${V}&maxPageSize=abc`, undefined, 400],
      ['GET', `${threadPath}/messages?${V}&maxPageSize=0`, undefined, 400],
      ['GET', `${threadPath}/messages?${V}&startTime=yesterday`, undefined, 400],
      ['GET', `${threadPath}/messages?${V}&syncState=-1`, undefined, 400],
      ['GET', `${threadPath}/participants?${V}&skip=x`, undefined, 400],
      ['GET', `/chat/threads?${V}&startTime=2024-13-45T99:00:00Z`, undefined, 400],
      ['GET', `/chat/threads/19%3Anope%40thread.v2?${V}`, undefined, 404],
      ['GET', `/chat/threads/${'x'.repeat(3000)}?${V}`, undefined, 404],
      ['GET', `/chat/threads/%00?${V}`, undefined, 404],
      ['GET', `${threadPath}/messages/${'9'.repeat(400)}?${V}`, undefined, 404],
      ['DELETE', `${threadPath}/messages/..?${V}`, undefined, 404],
      ['POST', `${threadPath}/readReceipts?${V}`, '{"chatMessageId":"nope"}', 404],
    ];
    for (const [method, target, body, status] of cases) {
      const response = await call(method, target, body);
      expectClean(response, `${method} ${target.slice(0, 80)}`);
      expect(response.status, `${method} ${target.slice(0, 80)} ${body?.slice(0, 60)}: ${response.text}`).toBe(status);
    }
  });

  it('still serves the thread afterwards', async () => {
    const sent = await call('POST', `${threadPath}/messages?${V}`, JSON.stringify({ content: 'still here' }));
    expect(sent.status).toBe(201);
    const listed = await call('GET', `${threadPath}/messages?${V}&maxPageSize=1`);
    expect((listed.json as { value: { content: { message: string } }[] }).value[0]?.content.message).toBe('still here');
  });
});
