import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import { send, signed } from '../helpers/client.js';

// The host's pipeline seen from outside: bodies that never finish get a 408 (and a log line that
// says so, not an internal error), every request lands in the bounded request log with its
// outcome, and a signature with a non-ASCII byte is a 401, not a 500.

const IDENTITY = 'api-version=2023-10-01';
let emulator: RunningEmulator;
const logLines: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    http: true,
    bodyTimeoutInMs: 300,
    requestLogSize: 50,
    log: (line) => logLines.push(line),
  });
});
afterAll(() => emulator.close());

/** Writes raw bytes and resolves with what came back before the socket closed (or after `waitInMs`). */
function raw(bytes: string, waitInMs = 3000): Promise<string> {
  const { port } = new URL(emulator.endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, waitInMs);
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
}

describe('the request pipeline', () => {
  it.each([
    ['a chunked body without its last chunk', 'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'],
    ['a body shorter than its Content-Length', 'Content-Length: 100\r\n\r\n{"a":'],
  ])('answers 408 to %s and logs it as a timeout', async (_name, rest) => {
    const before = logLines.length;
    const answer = await raw(
      `POST /identities?${IDENTITY} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${rest}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"RequestTimeout"');
    expect(logLines.slice(before).join('\n')).not.toMatch(/internal error|aborted/);
    expect(emulator.host.requestLog.entries().at(-1)).toMatchObject({ status: 408, outcome: 'body' });
  });

  it('answers 401, not 500, to a signature holding a non-ASCII byte', async () => {
    const response = await send(emulator.endpoint, {
      method: 'GET',
      target: `/identities/x?${IDENTITY}`,
      headers: {
        authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\u00e9${'A'.repeat(42)}=`,
        'x-ms-date': new Date().toUTCString(),
        'x-ms-content-sha256': '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      },
    });
    expect(response.status).toBe(401);
  });

  it('logs every request with its route, caller, outcome and reason, and keeps only the newest entries', async () => {
    await signed(emulator, 'POST', `/identities?${IDENTITY}`);
    await send(emulator.endpoint, { method: 'GET', target: '/chat/threads?api-version=2025-03-15' });
    await send(emulator.endpoint, { method: 'GET', target: '/nowhere' });
    const [created, refused, missing] = emulator.host.requestLog.entries().slice(-3);
    expect(created).toMatchObject({ route: '/identities', service: 'identity', status: 201, caller: { kind: 'hmac' } });
    expect(created?.details).toMatchObject({ identityId: expect.stringMatching(/^8:acs:/) });
    expect(refused).toMatchObject({
      route: '/chat/threads',
      status: 401,
      outcome: 'auth',
      errorCode: 'Denied',
      reason: 'The request has no Authorization header.',
    });
    expect(missing).toMatchObject({ route: null, status: 404, outcome: 'routing' });
    for (let index = 0; index < 60; index++) await send(emulator.endpoint, { method: 'GET', target: '/nowhere' });
    const entries = emulator.host.requestLog.entries();
    expect(entries).toHaveLength(50);
    expect(entries.at(-1)?.id).toBe((entries[0]?.id ?? 0) + 49);
  });

  it('answers 405 with an Allow header and 400 for a missing or unknown api-version', async () => {
    const put = await send(emulator.endpoint, { method: 'PUT', target: `/identities?${IDENTITY}` });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    const none = await send(emulator.endpoint, { method: 'POST', target: '/identities' });
    expect(none.status).toBe(400);
    expect((none.json as { error: { code: string } }).error.code).toBe('MissingApiVersionParameter');
    const unknown = await send(emulator.endpoint, { method: 'POST', target: '/identities?api-version=1999-01-01' });
    expect((unknown.json as { error: { code: string } }).error.code).toBe('UnsupportedApiVersion');
  });
});
