import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import {
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { createHmacHeaders } from '../../src/signing/hmac-headers.js';
import { EMPTY_HASH, oracleSignature } from './hmac-oracle.js';

// js-common.md §5.2: key `pw==`, date 2022-04-13T18:09:12.451Z, GET with an empty body unless noted.
const NOW = Date.parse('2022-04-13T18:09:12.451Z');
const DATE = 'Wed, 13 Apr 2022 18:09:12 GMT';
const KEY = 'pw==';

interface Vector {
  method: string;
  url: string;
  body?: string;
  signature: string;
}

/** Vectors where 2.5.0 signs exactly what is sent, so our signature must be identical. */
const EXACT: Vector[] = [
  { method: 'GET', url: 'https://example.com', signature: 'X2lD3c1+T+BNWQrZHoVV5SSECO9sAokjs10ATeB5qm4=' },
  {
    method: 'GET',
    url: 'https://example.com/testPath?testQuery=test',
    signature: 'DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
  },
  { method: 'GET', url: 'https://example.com/testPath', signature: '+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=' },
  {
    method: 'GET',
    url: 'https://example.com/testPath?testQuery=',
    signature: 'lvqi5NuAln1qCSeowuRLxafUVvUzHLrzQ4pN/Kq/MaA=',
  },
  {
    method: 'GET',
    url: 'https://example.com:8443/p?api-version=2021-03-07',
    signature: 'WCneBlresaoyOZUoV31IsKo0cBjwOrRsVRbjojXs5vk=',
  },
  {
    method: 'post',
    url: 'https://example.com/p',
    body: '{"a":1}',
    signature: 'huD2hEMLotOXDzvsOJ10ih2tiqL8BYSiNToWhH4+ubg=',
  },
  {
    method: 'PUT',
    url: 'https://example.com/p',
    body: '😀',
    signature: 'fW4icl1mZq2p3vzaFc5yF52NSoLmSiUpH94R2+PbhLI=',
  },
  { method: 'GET', url: 'https://EXAMPLE.com/p/', signature: 'W6tzQnjUaEkEHt4CmbMr5gV0uLYgl4wUhFmpQ6HiNoQ=' },
];

const BODY_HASHES: Record<string, string> = {
  '{"a":1}': 'AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=',
  '😀': '8EQ6NCxe9UeDoRG1G6Vsk45HTDIyTZDDpgycjjo34tk=',
};

/** Runs a policy in a real core-rest-pipeline pipeline and returns the headers it set. */
async function headersSetBy(policy: PipelinePolicy, method: string, url: string, body?: string) {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(policy);
  let seen: Record<string, string> = {};
  const client: HttpClient = {
    async sendRequest(request) {
      seen = request.headers.toJSON();
      return { request, status: 200, headers: createHttpHeaders() };
    },
  };
  const request = createPipelineRequest({ url, method: method as 'GET', ...(body === undefined ? {} : { body }) });
  await pipeline.sendRequest(client, request);
  return seen;
}

describe('HMAC vectors (js-common.md §5.2)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(EXACT)('$method $url → $signature', async ({ method, url, body, signature }) => {
    const headers = await createHmacHeaders({ method, url, body, key: KEY });
    expect(headers['x-ms-date']).toBe(DATE);
    expect(headers['x-ms-content-sha256']).toBe(body === undefined ? EMPTY_HASH : BODY_HASHES[body]);
    expect(headers.authorization).toBe(
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    );

    // The same through the policy in a core-rest-pipeline pipeline, like the upstream test.
    const set = await headersSetBy(createCommunicationAccessKeyCredentialPolicy({ key: KEY }), method, url, body);
    expect(set).toMatchObject({
      'x-ms-date': DATE,
      'x-ms-content-sha256': headers['x-ms-content-sha256'],
      authorization: headers.authorization,
      host: new URL(url).host,
    });
    // And 2.5.0 agrees on these inputs (the differential oracle).
    expect(await headersSetBy(officialPolicy({ key: KEY }), method, url, body)).toEqual(set);
  });

  it('signs the host with a non-default port, lower-case, and without a default port', async () => {
    expect((await createHmacHeaders({ method: 'GET', url: 'https://example.com:8443/p', key: KEY })).host).toBe(
      'example.com:8443',
    );
    expect((await createHmacHeaders({ method: 'GET', url: 'https://EXAMPLE.com:443/p', key: KEY })).host).toBe(
      'example.com',
    );
    expect((await createHmacHeaders({ method: 'GET', url: 'http://127.0.0.1:80/', key: KEY })).host).toBe('127.0.0.1');
  });

  // These two vectors were produced by 2.5.0's URLSearchParams re-encoding of the query
  // (`a b` → `a+b`, `é` → `%C3%A9`, key-only `testQuery` → `testQuery=`), which is not what goes on
  // the wire. We sign `pathname + search` as sent, so our signature is the oracle's over that string,
  // and deliberately not 2.5.0's.
  it.each([
    {
      url: 'https://example.com/a%20b/c?x=a b&y=%2F&z=é',
      sent: '/a%20b/c?x=a%20b&y=%2F&z=%C3%A9',
      official: 'cue1W7KIikIS80jYQmDHuVjeBnDWVM1dDzj3Z5EggOQ=',
    },
    {
      url: 'https://example.com/testPath?testQuery',
      sent: '/testPath?testQuery',
      official: 'lvqi5NuAln1qCSeowuRLxafUVvUzHLrzQ4pN/Kq/MaA=',
    },
  ])('signs $url over what is sent ($sent), not over the re-encoded query', async ({ url, sent, official }) => {
    const { pathname, search } = new URL(url);
    expect(pathname + search).toBe(sent);
    const headers = await createHmacHeaders({ method: 'GET', url, key: KEY });
    const ours = oracleSignature(KEY, 'GET', sent, DATE, 'example.com', EMPTY_HASH);
    expect(headers.authorization).toMatch(new RegExp(`&Signature=${ours.replace(/[+/]/g, '\\$&')}$`));
    expect(ours).not.toBe(official);
  });

  it('computes the .NET reference vectors (dotnet-common.md §4.2)', async () => {
    const key = '68810419818922fb0263dd6ee4b9c56537dbad914aa7324a119fce26778a286e';
    const requestTimestamp = Date.parse('2024-01-01T00:00:00Z');
    const get = await createHmacHeaders({ method: 'GET', url: 'http://example.com/', key, requestTimestamp });
    expect(get).toEqual({
      'x-ms-date': 'Mon, 01 Jan 2024 00:00:00 GMT',
      'x-ms-content-sha256': EMPTY_HASH,
      authorization:
        'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=TNiu6ymXRtojQUtiEosdtvaS/jwOvRdZtZY1ztYpYlE=',
      host: 'example.com',
    });
    const post = await createHmacHeaders({
      method: 'POST',
      url: 'https://myresource.communication.azure.com/identities?api-version=2023-10-01',
      body: '{"hello":"world"}',
      key,
      requestTimestamp,
    });
    expect(post['x-ms-content-sha256']).toBe('k6I5cakU5erL8KjSUVTNownDwccvu5kU1Hxg88toFYg=');
    expect(post.authorization).toBe(
      'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=ZrQEj62/tC+sbXGAQ/uDcv1twmYDrHKEuCQ6rqx++w8=',
    );
  });

  it('drops the sub-second part of the date and uses requestTimestamp when given', async () => {
    const at = (requestTimestamp: number) =>
      createHmacHeaders({ method: 'GET', url: 'https://example.com', key: KEY, requestTimestamp });
    expect((await at(Date.parse('2022-04-13T18:09:12.999Z')))['x-ms-date']).toBe(DATE);
    expect((await at(Date.parse('2022-04-13T18:09:13.000Z')))['x-ms-date']).toBe('Wed, 13 Apr 2022 18:09:13 GMT');
    expect((await at(Date.parse('1999-12-31T23:59:59.5Z')))['x-ms-date']).toBe('Fri, 31 Dec 1999 23:59:59 GMT');
    await expect(at(Number.NaN)).rejects.toThrow(TypeError);
  });
});
