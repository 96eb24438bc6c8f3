import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelinePolicy,
  type PipelineRequest,
} from '@azure/core-rest-pipeline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { createHmacHeaders } from '../../src/signing/hmac-headers.js';
import { oracleContentHash, oracleSignature, signatureOf } from './hmac-oracle.js';

// Pieces of URLs that real requests contain, including the ones 2.5.0's URLSearchParams
// re-encoding changes: spaces, %20, ~, key-only parameters, unicode.
const urlPiece = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '9',
      '-',
      '.',
      '_',
      '~',
      '*',
      '%20',
      '%2F',
      '%7E',
      '%C3%A9',
      ' ',
      'é',
      '😀',
      '+',
      "'",
      '!',
      '(',
      ':',
      '@',
      ',',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const queryParameter = fc
  .tuple(urlPiece, fc.option(urlPiece, { nil: undefined }))
  .map(([name, value]) => (value === undefined ? name : `${name}=${value}`));

/** Queries that URLSearchParams serialises unchanged (`name=value`, form-safe characters only). */
const formSafePiece = fc.stringMatching(/^[A-Za-z0-9*._-]{1,8}$/);
const formSafeParameter = fc.tuple(formSafePiece, formSafePiece).map(([name, value]) => `${name}=${value}`);

const urlWith = (parameter: fc.Arbitrary<string>) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      host: fc.constantFrom(
        'example.com',
        'EXAMPLE.com',
        'contoso.communication.azure.com',
        '127.0.0.1',
        '[::1]',
        'localhost',
      ),
      port: fc.option(fc.oneof(fc.constantFrom(80, 443, 8443), fc.integer({ min: 1, max: 65535 })), { nil: undefined }),
      segments: fc.array(urlPiece, { maxLength: 4 }),
      query: fc.option(fc.array(parameter, { minLength: 1, maxLength: 4 }), { nil: undefined }),
    })
    .map(
      ({ scheme, host, port, segments, query }) =>
        `${scheme}://${host}${port === undefined ? '' : `:${port}`}/${segments.join('/')}${query === undefined ? '' : `?${query.join('&')}`}`,
    );

const requestUrl = urlWith(queryParameter);

const method = fc.constantFrom('GET', 'get', 'POST', 'PUT', 'DELETE', 'PATCH', 'options', 'HEAD');

const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => bytes.slice().buffer),
);

const accessKey = fc.uint8Array({ minLength: 1, maxLength: 96 }).map((bytes) => Buffer.from(bytes).toString('base64'));

// 2000-01-01 .. 2100-01-01
const requestTimestamp = fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 });

function bytesOf(value: string | Uint8Array | ArrayBuffer | undefined): Uint8Array | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return value instanceof ArrayBuffer ? new Uint8Array(value) : value;
}

describe('HMAC signing, as a property', () => {
  it('equals an independent node:crypto computation over new URL(url).pathname + search, host and date', async () => {
    await fc.assert(
      fc.asyncProperty(method, requestUrl, body, accessKey, requestTimestamp, async (m, url, b, key, timestamp) => {
        const headers = await createHmacHeaders({ method: m, url, body: b, key, requestTimestamp: timestamp });
        const parsed = new URL(url);
        const date = new Date(timestamp).toUTCString();
        const hash = oracleContentHash(bytesOf(b));
        expect(headers['x-ms-date']).toBe(date);
        expect(headers['x-ms-content-sha256']).toBe(hash);
        expect(headers.host).toBe(parsed.host);
        expect(signatureOf(headers.authorization)).toBe(
          oracleSignature(key, m, parsed.pathname + parsed.search, date, parsed.host, hash),
        );
      }),
      { numRuns: 500 },
    );
  });

  describe('differential against @azure/communication-common 2.5.0', () => {
    beforeAll(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    async function headersOf(
      policy: PipelinePolicy,
      init: Parameters<typeof createPipelineRequest>[0],
    ): Promise<Record<string, string>> {
      const request = createPipelineRequest(init);
      let seen: Record<string, string> = {};
      await policy.sendRequest(request, async (sent: PipelineRequest) => {
        seen = sent.headers.toJSON();
        return { request: sent, status: 200, headers: createHttpHeaders() };
      });
      return seen;
    }

    it('sets identical headers wherever 2.5.0 signs what is sent (queries URLSearchParams leaves unchanged, string bodies)', async () => {
      let compared = 0;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          method,
          fc.oneof(requestUrl, urlWith(formSafeParameter)),
          fc.option(fc.string({ unit: 'grapheme', maxLength: 100 }), { nil: undefined }),
          accessKey,
          requestTimestamp,
          async (m, url, b, key, timestamp) => {
            runs++;
            vi.setSystemTime(timestamp);
            const init = { url, method: m as 'GET', ...(b === undefined ? {} : { body: b }) };
            const ours = await headersOf(createCommunicationAccessKeyCredentialPolicy({ key }), init);
            const official = await headersOf(officialPolicy({ key }), init);
            const parsed = new URL(url);
            const agreeByDesign = parsed.searchParams.toString() === parsed.search.slice(1);
            if (agreeByDesign) {
              compared++;
              expect(ours).toEqual(official);
            } else {
              // The query 2.5.0 signs is not the one sent: only the signature differs.
              expect({ ...ours, authorization: '' }).toEqual({ ...official, authorization: '' });
              expect(ours.authorization).not.toBe(official.authorization);
            }
          },
        ),
        { numRuns: 400 },
      );
      // The comparison must not be vacuous.
      expect(compared).toBeGreaterThan(runs / 4);
    });
  });
});
