import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';
import { type ReceivedRequest, verifyReceived } from './hmac-oracle.js';

// A loopback server that verifies the HMAC the way ACS does, from the raw request: method,
// request target as received, Host header, x-ms-date, and the body bytes.
const KEY_1 = Buffer.from('first access key, 64 bytes long..................................').toString('base64');
const KEY_2 = Buffer.from('second access key, rotated.').toString('base64');

let server: Server;
let origin: string;
let serverKey = KEY_1;
const received: ReceivedRequest[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      const failure = verifyReceived(serverKey, request);
      res.writeHead(failure === undefined ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(failure === undefined ? { ok: true } : { error: { code: 'Denied', message: failure } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function send(policy: PipelinePolicy, path: string, method: 'GET' | 'POST' = 'GET', body?: unknown) {
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
  pipeline.addPolicy(policy);
  const request = createPipelineRequest({ url: `${origin}${path}`, method, allowInsecureConnection: true });
  if (body !== undefined) request.body = body as string;
  const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  return { status: response.status, body: response.bodyAsText, received: received.at(-1) };
}

const TRICKY_PATH = '/a%20b/~c/%C3%A9?x=a%20b&tilde=~&flag&api-version=2023-10-01';

describe('the HMAC policy in a real core-rest-pipeline pipeline, verified by a server', () => {
  it('is accepted for a query with %20, ~ and a key-only parameter', async () => {
    const { status, received: sent } = await send(
      createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(KEY_1)),
      TRICKY_PATH,
    );
    expect(sent?.target).toBe(TRICKY_PATH);
    expect(sent?.headers.host).toBe(new URL(origin).host); // includes the non-default port
    expect(status).toBe(200);
  });

  it('shows why: 2.5.0 signs a re-encoded query, so the server rejects its request', async () => {
    const { status, body } = await send(officialPolicy(new AzureKeyCredential(KEY_1)), TRICKY_PATH);
    expect(status).toBe(401);
    expect(body).toContain('signature differs');
    // …while a plain query works for both.
    expect((await send(officialPolicy({ key: KEY_1 }), '/identities?api-version=2023-10-01')).status).toBe(200);
  });

  it.each([
    ['a unicode string', '{"name":"Zoë 😀"}'],
    ['a Uint8Array', new Uint8Array([0, 1, 2, 255, 254, 10, 13])],
    ['an ArrayBuffer', new Uint8Array([104, 105]).buffer],
    ['a Buffer view into a larger buffer', Buffer.from('xxpayloadxx').subarray(2, 9)],
  ])('is accepted with %s as the body (hash over the bytes sent)', async (_what, body) => {
    const { status } = await send(
      createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(KEY_1)),
      '/identities?api-version=2023-10-01',
      'POST',
      body,
    );
    expect(status).toBe(200);
  });

  it('2.5.0 hashes "[object …]" for binary bodies and is rejected', async () => {
    const { status, body } = await send(
      officialPolicy({ key: KEY_1 }),
      '/identities?api-version=2023-10-01',
      'POST',
      new Uint8Array([104, 105]).buffer,
    );
    expect(status).toBe(401);
    expect(body).toContain('content hash differs');
  });

  it('is accepted when signed with a supplied crypto option (runtimes without WebCrypto)', async () => {
    const crypto = {
      sha256: async (data: Uint8Array) => createHash('sha256').update(data).digest(),
      hmacSha256: (key: Uint8Array, data: Uint8Array) => createHmac('sha256', key).update(data).digest(),
    };
    const policy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(KEY_1), { crypto });
    expect((await send(policy, TRICKY_PATH, 'POST', '{"name":"Zoë 😀"}')).status).toBe(200);
  });

  it('uses a rotated key from the next request on (AzureKeyCredential.update)', async () => {
    const credential = new AzureKeyCredential(KEY_1);
    const policy = createCommunicationAccessKeyCredentialPolicy(credential);
    expect((await send(policy, '/one')).status).toBe(200);

    serverKey = KEY_2; // the resource's key was regenerated
    expect((await send(policy, '/two')).status).toBe(401);
    credential.update(KEY_2);
    expect((await send(policy, '/three')).status).toBe(200);
    credential.update(KEY_1);
    expect((await send(policy, '/four')).status).toBe(401);
    serverKey = KEY_1;
  });
});
