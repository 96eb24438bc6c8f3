import { Readable } from 'node:stream';
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
} from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { AcsError } from '../../src/lib/errors.js';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { contentHash } from '../../src/signing/content-hash.js';
import { createHmacHeaders } from '../../src/signing/hmac-headers.js';
import { EMPTY_HASH, oracleContentHash } from './hmac-oracle.js';

const KEY = 'pw==';
const url = 'https://example.com/p';

async function rejection(promise: Promise<unknown>): Promise<AcsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AcsError);
  return error as AcsError;
}

describe('body hashing covers exactly the bytes sent', () => {
  const text = 'héllo 😀 wörld';
  const bytes = new TextEncoder().encode(text);

  it.each([
    ['a UTF-8 string', text],
    ['a Uint8Array', bytes],
    ['a Buffer', Buffer.from(text)],
    ['an ArrayBuffer', bytes.slice().buffer],
  ])('hashes %s', async (_what, body) => {
    expect(await contentHash(body)).toBe(oracleContentHash(bytes));
  });

  it('hashes only the window of a view, for every ArrayBufferView kind', async () => {
    const backing = new Uint8Array(64).map((_, i) => i);
    const window = backing.subarray(8, 40);
    expect(await contentHash(window)).toBe(oracleContentHash(window));
    expect(await contentHash(new DataView(backing.buffer, 8, 32))).toBe(oracleContentHash(window));
    expect(await contentHash(new Uint32Array(backing.buffer, 8, 8))).toBe(oracleContentHash(window));
  });

  it.each([[undefined], [null], [''], [new Uint8Array(0)], [new ArrayBuffer(0)]])(
    'uses the empty-content hash for %j',
    async (body) => {
      expect(await contentHash(body)).toBe(EMPTY_HASH);
    },
  );

  const streamFactory = () => Readable.from(['x']);
  it.each([
    ['a web ReadableStream', new ReadableStream(), 'a ReadableStream'],
    ['a Node stream', Readable.from(['x']), 'a Readable'],
    ['a Blob', new Blob(['x']), 'a Blob'],
    ['FormData', new FormData(), 'a FormData'],
    ['a stream factory', streamFactory, 'a function'],
    ['a number', 42, 'a number'],
    ['a plain object', { a: 1 }, 'an object'],
  ])('refuses %s with ERR_UNSUPPORTED_BODY and says how to fix it', async (_what, body, described) => {
    const error = await rejection(
      createHmacHeaders({ method: 'POST', url, body: body as unknown as string, key: KEY }),
    );
    expect(error.code).toBe('ERR_UNSUPPORTED_BODY');
    expect(error.message).toContain(`body is ${described}`);
    expect(error.message).toContain('string, a Uint8Array');
    expect(error.message).toContain('Buffer the body');
    expect(error.message).not.toContain('[object');
  });

  it('refuses a stream body inside a core-rest-pipeline pipeline before anything is sent', async () => {
    let sent = 0;
    const client: HttpClient = {
      async sendRequest(request) {
        sent++;
        return { request, status: 200, headers: createHttpHeaders() };
      },
    };
    for (const extra of [
      { body: () => Readable.from(['x']) },
      { body: new Blob(['x']) },
      { formData: { a: 'b' } },
      { multipartBody: { parts: [] } },
    ]) {
      const pipeline = createEmptyPipeline();
      pipeline.addPolicy(createCommunicationAccessKeyCredentialPolicy({ key: KEY }));
      const request = createPipelineRequest({ url, method: 'POST' });
      Object.assign(request, extra);
      const error = await rejection(pipeline.sendRequest(client, request));
      expect(error.code).toBe('ERR_UNSUPPORTED_BODY');
    }
    expect(sent).toBe(0);
  });
});

describe('access keys must be valid base64 on every platform', () => {
  const secretish = [
    'not base64!',
    'pw=', // bad length
    'pw', // unpadded
    'pw==\n',
    ' pw==',
    'p-_w', // url-safe alphabet
    'px==', // non-canonical final bits
    'c2VjcmV0LWtleS12YWx1ZS13aXRoLWEtdHlwbw=====',
    'ÿÿÿÿ',
  ];

  it.each(secretish)('refuses %j with ERR_INVALID_ACCESS_KEY, never echoing the key', async (key) => {
    const error = await rejection(createHmacHeaders({ method: 'GET', url, key }));
    expect(error.code).toBe('ERR_INVALID_ACCESS_KEY');
    expect(error.message).toContain('not valid base64');
    expect(error.message).not.toContain(key.trim());
    expect(JSON.stringify(error)).not.toContain(key.trim());
  });

  it('refuses an empty key', async () => {
    const error = await rejection(createHmacHeaders({ method: 'GET', url, key: '' }));
    expect(error.code).toBe('ERR_INVALID_ACCESS_KEY');
  });

  it('fails the request through the policy without calling the next policy', async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createCommunicationAccessKeyCredentialPolicy({ key: 'not base64!' }));
    let sent = 0;
    const client: HttpClient = {
      async sendRequest(request) {
        sent++;
        return { request, status: 200, headers: createHttpHeaders() };
      },
    };
    const error = await rejection(pipeline.sendRequest(client, createPipelineRequest({ url })));
    expect(error.code).toBe('ERR_INVALID_ACCESS_KEY');
    expect(error.message).not.toContain('not base64!');
    expect(sent).toBe(0);
  });

  it('refuses a credential that is not a KeyCredential when the policy is created', () => {
    expect(() => createCommunicationAccessKeyCredentialPolicy(undefined as never)).toThrow(TypeError);
    expect(() => createCommunicationAccessKeyCredentialPolicy({} as never)).toThrow(TypeError);
  });

  it('refuses an empty method', async () => {
    await expect(createHmacHeaders({ method: '', url, key: KEY })).rejects.toThrow(TypeError);
  });
});
