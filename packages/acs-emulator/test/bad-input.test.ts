import { Agent } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { hmacHeaders, type RawRequest, type RawResponse, send, signed } from './helpers/client.js';

// A few thousand malformed requests, generated from a fixed seed, over loopback: every one must
// get a 4xx in the ACS error shape (never a 5xx, never a hang), and the emulator must still serve
// afterwards.

const SEED = 20_240_601;
const IDENTITY = 'api-version=2023-10-01';
let emulator: RunningEmulator;
let agent: Agent;
let userId: string;

beforeAll(async () => {
  emulator = await startEmulator({ http: true });
  agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const created = await signed(emulator, 'POST', `/identities?${IDENTITY}`);
  userId = (created.json as { identity: { id: string } }).identity.id;
});
afterAll(async () => {
  agent.destroy();
  await emulator.close();
});

/** A signed request with an arbitrary body and content type (signed correctly, so it gets past auth). */
function signedRaw(method: string, target: string, body: string, contentType: string | undefined): RawRequest {
  const headers = hmacHeaders(emulator.endpoint, emulator.accessKey, { method, target, body });
  return {
    method,
    target,
    body,
    headers: contentType === undefined ? headers : { ...headers, 'content-type': contentType },
  };
}

function cases(): Array<{ request: RawRequest; expected: number[] }> {
  const out: Array<{ request: RawRequest; expected: number[] }> = [];
  const issue = `/identities/${encodeURIComponent(userId)}/:issueAccessToken?${IDENTITY}`;
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number) => fc.sample(arbitrary, { seed: SEED, numRuns });

  // Broken JSON, signed: 400.
  const notJson = sample(fc.string({ minLength: 1, maxLength: 60 }), 400).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  for (const text of notJson)
    out.push({ request: signedRaw('POST', issue, text, 'application/json'), expected: [400] });

  // Valid JSON of the wrong shape, signed: 400.
  for (const value of sample(fc.jsonValue({ maxDepth: 3 }), 400)) {
    const text = JSON.stringify(value);
    if (text === undefined) continue;
    out.push({ request: signedRaw('POST', issue, text, 'application/json'), expected: [400] });
    out.push({ request: signedRaw('POST', `/identities?${IDENTITY}`, text, 'application/json'), expected: [400, 201] });
  }
  for (const scopes of sample(
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
    200,
  )) {
    out.push({ request: signedRaw('POST', issue, JSON.stringify({ scopes }), 'application/json'), expected: [400] });
  }
  for (const expiresInMinutes of sample(fc.oneof(fc.double(), fc.integer(), fc.string()), 200)) {
    const body = JSON.stringify({ scopes: ['chat'], expiresInMinutes });
    const valid =
      Number.isInteger(expiresInMinutes) && (expiresInMinutes as number) >= 60 && (expiresInMinutes as number) <= 1440;
    out.push({ request: signedRaw('POST', issue, body, 'application/json'), expected: valid ? [200] : [400] });
  }

  // Wrong content types, signed: 415.
  for (const contentType of [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'json',
    '',
    'application/jsonx',
  ]) {
    out.push({ request: signedRaw('POST', issue, '{"scopes":["chat"]}', contentType), expected: [415] });
  }
  out.push({ request: signedRaw('POST', issue, '{"scopes":["chat"]}', undefined), expected: [415] });

  // Oversized bodies: 413 (checked before authentication, so unsigned is fine).
  for (const size of [64 * 1024 + 1, 100_000, 1_000_000]) {
    for (const target of [issue, `/identities?${IDENTITY}`, '/emulator/entra/token']) {
      out.push({
        request: {
          method: 'POST',
          target,
          body: Buffer.alloc(size, 0x7b),
          headers: { 'content-type': 'application/json' },
        },
        expected: [413],
      });
    }
  }

  // Missing and garbled authentication: 401.
  const good = hmacHeaders(emulator.endpoint, emulator.accessKey, {
    method: 'POST',
    target: `/identities?${IDENTITY}`,
  });
  for (const authorization of sample(fc.string({ maxLength: 80 }), 200)) {
    const printable = authorization.replace(/[^\x20-\x7e]/g, 'x');
    out.push({
      request: { method: 'POST', target: `/identities?${IDENTITY}`, headers: { ...good, authorization: printable } },
      expected: [401],
    });
    out.push({
      request: {
        method: 'GET',
        target: '/chat/threads?api-version=2025-03-15',
        headers: { authorization: `Bearer ${printable}` },
      },
      expected: [401],
    });
    out.push({
      request: {
        method: 'POST',
        target: '/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview',
        headers: { authorization: `Bearer ${printable}` },
      },
      expected: [401],
    });
  }
  for (const drop of ['authorization', 'x-ms-date', 'x-ms-content-sha256']) {
    const headers: Record<string, string> = { ...good };
    delete headers[drop];
    out.push({ request: { method: 'POST', target: `/identities?${IDENTITY}`, headers }, expected: [401] });
  }

  // Skewed and malformed dates: 401.
  for (const minutes of sample(fc.integer({ min: 16, max: 60 * 24 * 365 }), 100)) {
    for (const sign of [1, -1]) {
      const date = new Date(Date.now() + sign * minutes * 60_000);
      out.push({
        request: {
          method: 'POST',
          target: `/identities?${IDENTITY}`,
          headers: hmacHeaders(emulator.endpoint, emulator.accessKey, {
            method: 'POST',
            target: `/identities?${IDENTITY}`,
            date,
          }),
        },
        expected: [401],
      });
    }
  }
  for (const date of sample(fc.string({ maxLength: 40 }), 100)) {
    out.push({
      request: {
        method: 'POST',
        target: `/identities?${IDENTITY}`,
        headers: { ...good, 'x-ms-date': date.replace(/[^\x20-\x7e]/g, '?') },
      },
      expected: [401],
    });
  }

  // Unknown routes, wrong methods, unknown or missing api-versions.
  for (const path of sample(fc.webPath(), 200)) {
    if (path === '/identities' || path === '/chat/threads') continue;
    out.push({ request: { method: 'GET', target: path || '/x' }, expected: [400, 404, 405] });
  }
  for (const method of ['PUT', 'PATCH', 'GET', 'OPTIONS']) {
    out.push({ request: { method, target: `/identities?${IDENTITY}` }, expected: [405] });
    out.push({ request: { method, target: `${issue}` }, expected: [405] });
  }
  for (const version of sample(fc.string({ maxLength: 30 }), 150)) {
    const target = `/identities?api-version=${encodeURIComponent(version)}`;
    out.push({
      request: {
        method: 'POST',
        target,
        headers: hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'POST', target }),
      },
      expected: [400],
    });
  }
  out.push({ request: { method: 'POST', target: '/identities' }, expected: [400] });
  out.push({
    request: { method: 'POST', target: '/identities?api-version=2023-10-01&api-version=2021-03-07' },
    expected: [400],
  });

  // Odd characters in ids (percent-encoded), signed: 400 (not an id of ours) or 404.
  for (const id of sample(fc.string({ unit: 'binary', maxLength: 50 }), 300)) {
    for (const segment of [encodeURIComponent(id), encodeURIComponent(`8:acs:${emulator.resourceId}_${id}`)]) {
      if (segment === '') continue;
      const target = `/identities/${segment}?${IDENTITY}`;
      out.push({
        request: {
          method: 'GET',
          target,
          headers: hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'GET', target }),
        },
        expected: [400, 404],
      });
    }
  }
  for (const segment of ['%', '%zz', '%E0%A4%A', '%00', '..', '.', '8:acs:%', '%2F%2F']) {
    const target = `/identities/${segment}/:revokeAccessTokens?${IDENTITY}`;
    out.push({
      request: {
        method: 'POST',
        target,
        headers: hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'POST', target }),
      },
      expected: [400, 404],
    });
  }
  return out;
}

async function runAll(
  list: Array<{ request: RawRequest; expected: number[] }>,
): Promise<Array<{ response: RawResponse; expected: number[]; request: RawRequest }>> {
  const results: Array<{ response: RawResponse; expected: number[]; request: RawRequest }> = [];
  const queue = [...list];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      results.push({ ...item, response: await send(emulator.endpoint, item.request, { agent }) });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return results;
}

/** A raw request over a socket, for what node:http refuses to send. Resolves with the status line. */
function rawExchange(payload: string): Promise<string> {
  const { port } = new URL(emulator.endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.end(payload);
  });
}

describe('malformed requests', () => {
  it('get the right 4xx, never a 5xx, in the ACS error shape', async () => {
    const list = cases();
    expect(list.length).toBeGreaterThan(2_000);
    const results = await runAll(list);
    const wrong = results.filter(({ response, expected }) => !expected.includes(response.status));
    expect(
      wrong.map(
        ({ request, response }) =>
          `${request.method} ${request.target} → ${response.status} ${response.text.slice(0, 120)}`,
      ),
    ).toEqual([]);
    for (const { response } of results) {
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(response.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    }
  }, 120_000);

  it('garbage on the socket gets a 4xx from the HTTP layer', async () => {
    const host = new URL(emulator.endpoint).host;
    const payloads = [
      'GARBAGE\r\n\r\n',
      'GET /identities/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET /chat/threads?api-version=2025-03-15 HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer \u0001\r\n\r\n`,
      `POST /identities?${IDENTITY} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: abc\r\n\r\n`,
      `POST /identities?${IDENTITY} HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `GET /identities/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      `POST /identities/%ZZ/:issueAccessToken?${IDENTITY} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 2\r\n\r\n{}`,
    ];
    for (const payload of payloads) {
      const statusLine = await rawExchange(payload);
      expect(statusLine, JSON.stringify(payload.slice(0, 60))).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
  });

  it('leave the emulator serving', async () => {
    const created = await signed(emulator, 'POST', `/identities?${IDENTITY}`, { createTokenWithScopes: ['chat'] });
    expect(created.status).toBe(201);
  });
});
