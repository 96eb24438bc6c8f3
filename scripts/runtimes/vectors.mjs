// The inputs of the smoke suite's cross-runtime checks, and their expected results computed in
// Node at matrix start: HMAC headers with plain node:crypto (independent of acs-common), identifier
// kinds written by hand, wire forms from acs-common's Node build. The result is a JSON-able object
// that every runtime receives unchanged (scripts/runtimes/suite/config.mjs, generated per run).
import { createHash, createHmac } from 'node:crypto';

// Raw ids from the upstream identifier tests (reference/js-common.md §6.1), one or more per kind.
const U = '207ffef6-9444-41fb-92ab-20eacaae2768';
const T = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const R = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';
const G = '01234567-89ab-cdef-0123-456789abcdef';
const RAW_IDS = [
  [`8:acs:${R}_${T}`, 'communicationUser'],
  [`8:spool:${R}_${T}`, 'communicationUser'],
  [`8:dod-acs:${R}_${T}`, 'communicationUser'],
  [`8:gcch-acs:${R}_${T}`, 'communicationUser'],
  ['8:acs:something', 'communicationUser'],
  [`8:orgid:${T}`, 'microsoftTeamsUser'],
  [`8:dod:${T}`, 'microsoftTeamsUser'],
  [`8:gcch:${T}`, 'microsoftTeamsUser'],
  [`8:teamsvisitor:${T}`, 'microsoftTeamsUser'],
  ['8:orgid:legacyFormat', 'microsoftTeamsUser'],
  ['4:112345556789', 'phoneNumber'],
  ['4:+112345556789', 'phoneNumber'],
  [`4:${U}_${U}`, 'phoneNumber'],
  [`4:+112345556789_${U}`, 'phoneNumber'],
  ['4:anonymous', 'phoneNumber'],
  [`28:orgid:${G}`, 'microsoftTeamsApp'],
  [`28:gcch:${G}`, 'microsoftTeamsApp'],
  [`28:dod:${G}`, 'microsoftTeamsApp'],
  [`8:gcch-acs:${R}_${T}_${U}`, 'teamsExtensionUser'],
  [`8:dod-acs:${R}_${T}_${U}`, 'teamsExtensionUser'],
  [`8:acs:${R}_${T}_${U}`, 'teamsExtensionUser'],
  [`28:${T}`, 'unknown'],
  [`28:gcch-global:${G}`, 'unknown'],
  [`48:${T}`, 'unknown'],
  ['', 'unknown'],
];

const KEY_PW = 'pw==';
const KEY_64 = 'qk2o2UtMQ7tbBlxbNQ1dO/6jRDdTMHeSmsSuRmJbqQ8zSpBrNYx2ixJVmWvz7xASt4ZK4kVjFr2W8zSmwf2Tgw==';
const VECTOR_TIME = Date.parse('2022-04-13T18:09:12.451Z');
// `bytes` stands for a Uint8Array body (`asArrayBuffer`: an ArrayBuffer body).
const REQUESTS = [
  { method: 'GET', url: 'https://example.com', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  { method: 'GET', url: 'https://example.com/testPath?testQuery=test', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  {
    method: 'GET',
    url: 'https://example.com:8443/p?api-version=2021-03-07',
    key: KEY_PW,
    requestTimestamp: VECTOR_TIME,
  },
  { method: 'post', url: 'https://example.com/p', body: '{"a":1}', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  { method: 'PUT', url: 'https://example.com/p', body: '😀 é', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  { method: 'GET', url: 'https://EXAMPLE.com/p/', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  // WHATWG URL normalisation (what is sent): the default port dropped, a space and é escaped.
  { method: 'GET', url: 'https://example.com:443/p?x=1', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  { method: 'GET', url: 'https://example.com/a b/c?x=a b&z=é', key: KEY_PW, requestTimestamp: VECTOR_TIME },
  {
    method: 'POST',
    url: 'https://contoso.communication.azure.com/identities?api-version=2023-10-01',
    body: JSON.stringify({ createTokenWithScopes: ['chat', 'voip'] }),
    key: KEY_64,
    requestTimestamp: Date.parse('2026-11-28T12:34:56.789Z'),
  },
  {
    method: 'PATCH',
    url: 'https://contoso.communication.azure.com:8443/chat/threads/19%3Aabc%40thread.v2?api-version=2024-03-07&x=%7E~',
    bytes: [0, 1, 2, 250, 251, 252, 253, 254, 255],
    key: KEY_64,
    requestTimestamp: Date.parse('2030-01-02T03:04:05.000Z'),
  },
  {
    method: 'PUT',
    url: 'https://contoso.communication.azure.com/p?q=1',
    bytes: [123, 34, 97, 34, 58, 49, 125],
    asArrayBuffer: true,
    key: KEY_64,
    requestTimestamp: Date.parse('2026-02-03T04:05:06.000Z'),
  },
];

/** The HMAC headers of `input` by node:crypto and WHATWG URL alone: the signing contract. */
function nodeCryptoHeaders(input) {
  const url = new URL(input.url);
  const date = new Date(input.requestTimestamp).toUTCString();
  const body = input.bytes !== undefined ? Buffer.from(input.bytes) : Buffer.from(input.body ?? '', 'utf8');
  const hash = createHash('sha256').update(body).digest('base64');
  const toSign = `${input.method.toUpperCase()}\n${url.pathname}${url.search}\n${date};${url.host};${hash}`;
  const signature = createHmac('sha256', Buffer.from(input.key, 'base64')).update(toSign).digest('base64');
  return {
    'x-ms-date': date,
    'x-ms-content-sha256': hash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

/**
 * The smoke suite's inputs and expectations. `identifiers` (acs-common/identifiers of the packed
 * package, loaded in Node) supplies the wire forms that every other runtime must reproduce.
 */
export function createVectors(identifiers) {
  return {
    identifiers: RAW_IDS.map(([rawId, kind]) => ({
      rawId,
      kind,
      wire: JSON.stringify(identifiers.serializeCommunicationIdentifier(identifiers.createIdentifierFromRawId(rawId))),
    })),
    signatures: REQUESTS.map((input) => ({ input, headers: nodeCryptoHeaders(input) })),
    accessKey: KEY_64,
  };
}
