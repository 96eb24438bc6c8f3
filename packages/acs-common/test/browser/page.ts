// Runs inside headless Chromium (scripts/browser-test.mjs bundles it with esbuild for the browser,
// from the BUILT package). Node's globals are deleted before this module loads, so everything here
// proves that the browser build needs none of them. Results go back to Node, which also recomputes
// every identifier and signature with the Node build (node:crypto) and compares.
import * as root from 'acs-common';
import { AzureCommunicationTokenCredential } from 'acs-common/credential';
import { AzureCommunicationTokenCredential as FullCredential } from 'acs-common/entra';
import {
  createIdentifierFromRawId,
  deserializeCommunicationIdentifier,
  getIdentifierKind,
  getIdentifierRawId,
  isIdentifierEqual,
  serializeCommunicationIdentifier,
} from 'acs-common/identifiers';
import {
  AzureKeyCredential,
  createCommunicationAccessKeyCredentialPolicy,
  createHmacHeaders,
  type PipelineRequest,
  parseConnectionString,
} from 'acs-common/signing';
import { createTestToken, FakeTokenCredential, ManualClock } from 'acs-common/testing';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

/** A request to sign; `bytes` stands for a Uint8Array body (`asArrayBuffer`: an ArrayBuffer body). */
export interface SignInput {
  method: string;
  url: string;
  key: string;
  requestTimestamp: number;
  body?: string;
  bytes?: number[];
  asArrayBuffer?: boolean;
}

export interface PageReport {
  checks: CheckResult[];
  identifiers: { rawId: string; identifier: string; kind: string; rawIdBack: string | undefined; wire: string }[];
  signatures: { input: SignInput; headers: Record<string, string> }[];
  policyRequests: { input: SignInput; headers: Record<string, string> }[];
  entraToken: string | undefined;
}

const checks: CheckResult[] = [];

async function check(name: string, body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
    checks.push({ name, ok: true });
  } catch (error) {
    checks.push({
      name,
      ok: false,
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** JSON that keeps `undefined`-valued keys visible, so key presence is compared too. */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v));
}

// Raw ids from the upstream identifier tests (reference/js-common.md §6.1).
const U = '207ffef6-9444-41fb-92ab-20eacaae2768';
const T = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const R = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';
const G = '01234567-89ab-cdef-0123-456789abcdef';
export const RAW_IDS = [
  `8:acs:${R}_${T}`,
  `8:spool:${R}_${T}`,
  `8:dod-acs:${R}_${T}`,
  `8:gcch-acs:${R}_${T}`,
  '8:acs:something',
  `8:orgid:${T}`,
  `8:dod:${T}`,
  `8:gcch:${T}`,
  `8:teamsvisitor:${T}`,
  '8:orgid:legacyFormat',
  '4:112345556789',
  '4:+112345556789',
  `4:${U}`,
  `4:${U}_${U}`,
  `4:+112345556789_${U}`,
  `4:${U}_`,
  `4:+112345556789_${U}_123`,
  '4:_123',
  '4:anonymous',
  '4:anonymous_123',
  '4:_anonymous',
  `28:${T}`,
  `28:gcch-global:${G}`,
  `28:dod-global:${G}`,
  `28:orgid:${G}`,
  `28:gcch:${G}`,
  `28:dod:${G}`,
  `8:gcch-acs:${R}_${T}_${U}`,
  `8:dod-acs:${R}_${T}_${U}`,
  `8:acs:${R}_${T}_${U}`,
  `28:ag08-global:${G}`,
  `28:ag09-global:${G}`,
  `28:gal-global:${G}`,
  `48:${T}`,
  '',
];

// HMAC vectors of reference/js-common.md §5.2 (key `pw==`, 2022-04-13T18:09:12.451Z) whose string to
// sign is the same for acs-common and 2.5.0. The two that differ on purpose (a key-only query and a
// query with a space) are below without an expected signature: Node recomputes those.
const VECTOR_TIME = Date.parse('2022-04-13T18:09:12.451Z');
const VECTOR_REQUESTS: [Pick<SignInput, 'method' | 'url' | 'body'>, string][] = [
  [{ method: 'GET', url: 'https://example.com' }, 'X2lD3c1+T+BNWQrZHoVV5SSECO9sAokjs10ATeB5qm4='],
  [
    { method: 'GET', url: 'https://example.com/testPath?testQuery=test' },
    'DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
  ],
  [{ method: 'GET', url: 'https://example.com/testPath' }, '+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU='],
  [{ method: 'GET', url: 'https://example.com/testPath?testQuery=' }, 'lvqi5NuAln1qCSeowuRLxafUVvUzHLrzQ4pN/Kq/MaA='],
  [
    { method: 'GET', url: 'https://example.com:8443/p?api-version=2021-03-07' },
    'WCneBlresaoyOZUoV31IsKo0cBjwOrRsVRbjojXs5vk=',
  ],
  [{ method: 'post', url: 'https://example.com/p', body: '{"a":1}' }, 'huD2hEMLotOXDzvsOJ10ih2tiqL8BYSiNToWhH4+ubg='],
  [{ method: 'PUT', url: 'https://example.com/p', body: '😀' }, 'fW4icl1mZq2p3vzaFc5yF52NSoLmSiUpH94R2+PbhLI='],
  [{ method: 'GET', url: 'https://EXAMPLE.com/p/' }, 'W6tzQnjUaEkEHt4CmbMr5gV0uLYgl4wUhFmpQ6HiNoQ='],
];
const VECTORS = VECTOR_REQUESTS.map(([input, signature]): [SignInput, string] => [
  { key: 'pw==', requestTimestamp: VECTOR_TIME, ...input },
  signature,
]);

const KEY_64 = 'qk2o2UtMQ7tbBlxbNQ1dO/6jRDdTMHeSmsSuRmJbqQ8zSpBrNYx2ixJVmWvz7xASt4ZK4kVjFr2W8zSmwf2Tgw==';
const MORE_REQUESTS: SignInput[] = [
  { method: 'GET', url: 'https://example.com/testPath?testQuery', key: 'pw==', requestTimestamp: VECTOR_TIME },
  { method: 'GET', url: 'https://example.com/a%20b/c?x=a b&y=%2F&z=é', key: 'pw==', requestTimestamp: VECTOR_TIME },
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

function bodyOf(input: SignInput): string | Uint8Array | ArrayBuffer | undefined {
  if (input.bytes === undefined) return input.body;
  const bytes = new Uint8Array(input.bytes);
  return input.asArrayBuffer ? bytes.buffer : bytes;
}

function sign(input: SignInput) {
  const body = bodyOf(input);
  return createHmacHeaders({
    method: input.method,
    url: input.url,
    key: input.key,
    requestTimestamp: input.requestTimestamp,
    ...(body === undefined ? {} : { body }),
  });
}

/** A core-rest-pipeline-shaped request, enough for the policy. */
function pipelineRequest(input: SignInput): PipelineRequest {
  const headers = new Map<string, string>();
  const body = bodyOf(input);
  return {
    url: input.url,
    method: input.method,
    ...(body === undefined ? {} : { body }),
    headers: {
      get: (name: string) => headers.get(name.toLowerCase()),
      set: (name: string, value: string) => void headers.set(name.toLowerCase(), value),
      has: (name: string) => headers.has(name.toLowerCase()),
      delete: (name: string) => void headers.delete(name.toLowerCase()),
      toJSON: () => Object.fromEntries(headers),
    },
  } as unknown as PipelineRequest;
}

async function run(): Promise<PageReport> {
  const report: PageReport = { checks, identifiers: [], signatures: [], policyRequests: [], entraToken: undefined };

  await check('no Node globals: Buffer, process and atob are absent', () => {
    const g = globalThis as Record<string, unknown>;
    assert(g.Buffer === undefined && g.process === undefined && g.atob === undefined, 'a Node global is defined');
  });

  await check('every entry point loads; acs-common and acs-common/entra share one credential class', () => {
    assert(root.AzureCommunicationTokenCredential === FullCredential, 'two different credential classes');
    assert(typeof root.createIdentifierFromRawId === 'function', 'root entry lacks createIdentifierFromRawId');
  });

  await check(
    'identifier vectors (js-common §6.1) round-trip: getIdentifierRawId(createIdentifierFromRawId(r)) === r',
    () => {
      for (const rawId of RAW_IDS) {
        const identifier = createIdentifierFromRawId(rawId);
        const back = getIdentifierRawId(identifier);
        assert(back === rawId, `${JSON.stringify(rawId)} came back as ${JSON.stringify(back)}`);
        const wire = serializeCommunicationIdentifier(identifier);
        const again = deserializeCommunicationIdentifier(wire);
        assert(isIdentifierEqual(identifier, again), `${JSON.stringify(rawId)} changed through the serializer`);
        report.identifiers.push({
          rawId,
          identifier: encode(identifier),
          kind: encode(getIdentifierKind(identifier)),
          rawIdBack: back,
          wire: encode(wire),
        });
      }
    },
  );

  await check('HMAC signatures from WebCrypto equal the js-common §5.2 vectors', async () => {
    for (const [input, signature] of VECTORS) {
      const headers = await sign(input);
      report.signatures.push({ input, headers: { ...headers } });
      assert(
        headers.authorization.endsWith(`&Signature=${signature}`),
        `${input.method} ${input.url}: ${headers.authorization}`,
      );
      assert(headers['x-ms-date'] === 'Wed, 13 Apr 2022 18:09:12 GMT', `x-ms-date ${headers['x-ms-date']}`);
    }
  });

  await check('HMAC headers for more requests (byte bodies, ports, escapes) are computed', async () => {
    for (const input of MORE_REQUESTS) report.signatures.push({ input, headers: { ...(await sign(input)) } });
  });

  await check('the access-key policy signs requests and calls the next step', async () => {
    const credential = new AzureKeyCredential(KEY_64);
    const policy = createCommunicationAccessKeyCredentialPolicy(credential);
    for (const input of MORE_REQUESTS.slice(2)) {
      const request = pipelineRequest(input);
      let forwarded: PipelineRequest | undefined;
      await policy.sendRequest(request, async (r) => {
        forwarded = r;
        return { request: r, status: 200, headers: r.headers };
      });
      assert(forwarded === request, 'next was not called with the request');
      const headers = (request.headers as unknown as { toJSON(): Record<string, string> }).toJSON();
      report.policyRequests.push({ input, headers });
    }
  });

  await check('an access key that is not base64 is an error in the browser too (ERR_INVALID_ACCESS_KEY)', async () => {
    let caught: unknown;
    try {
      await createHmacHeaders({ method: 'GET', url: 'https://example.com/x', key: 'not base64!' });
    } catch (error) {
      caught = error;
    }
    assert((caught as { code?: string } | undefined)?.code === 'ERR_INVALID_ACCESS_KEY', `got ${String(caught)}`);
  });

  await check('connection strings parse in any key order', () => {
    const parsed = parseConnectionString(`accesskey=${KEY_64};endpoint=https://contoso.communication.azure.com/`);
    assert(parsed.endpoint === 'https://contoso.communication.azure.com/', `endpoint ${parsed.endpoint}`);
    assert(parsed.credential.key === KEY_64, 'wrong key');
  });

  await check('a static token credential decodes exp without atob', async () => {
    const expiresOnTimestamp = Date.parse('2031-05-06T07:08:09Z');
    const token = createTestToken({ expiresOnTimestamp });
    const credential = new AzureCommunicationTokenCredential(token);
    const accessToken = await credential.getToken();
    assert(accessToken.token === token, 'another token');
    assert(
      accessToken.expiresOnTimestamp === expiresOnTimestamp,
      `expiresOnTimestamp ${accessToken.expiresOnTimestamp}`,
    );
    credential.dispose();
  });

  await check('a proactive credential refreshes 10 minutes before expiry (ManualClock)', async () => {
    const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
    const lifetimeInMs = 60 * 60_000;
    const issued: string[] = [];
    const tokenRefresher = async () => {
      const token = createTestToken({ nowInMs: clock.now(), lifetimeInMs, extraClaims: { n: issued.length } });
      issued.push(token);
      return token;
    };
    const refreshes = () => issued.length;
    const first = createTestToken({ nowInMs: clock.now(), lifetimeInMs });
    const credential = new AzureCommunicationTokenCredential({
      token: first,
      tokenRefresher,
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(49 * 60_000);
    assert(refreshes() === 0, `refreshed ${refreshes()} times before the window`);
    assert((await credential.getToken()).token === first, 'the first token was not served before the window');
    await clock.advanceAsync(60_000 + 1000);
    assert(refreshes() === 1, `${refreshes()} refreshes after entering the window`);
    const served = await credential.getToken();
    assert(served.token === issued[0], 'the refreshed token is not served');
    assert(served.expiresOnTimestamp === clock.now() - 1000 + lifetimeInMs, 'wrong expiry of the refreshed token');
    await clock.advanceAsync(50 * 60_000);
    assert(refreshes() === 2, `${refreshes()} refreshes after the second window`);
    credential.dispose();
    assert(clock.pendingTimers === 0, `${clock.pendingTimers} timers left after dispose`);
  });

  await check('with the browser timers, a proactive refresh of a 2-second token happens', async () => {
    let resolveRefreshed: (() => void) | undefined;
    const refreshed = new Promise<void>((resolve) => {
      resolveRefreshed = resolve;
    });
    const credential = new AzureCommunicationTokenCredential({
      token: createTestToken({ lifetimeInMs: 2000 }),
      tokenRefresher: async () => {
        resolveRefreshed?.();
        return createTestToken({ lifetimeInMs: 60 * 60_000 });
      },
      refreshProactively: true,
    });
    // A liveness bound, not a timing assertion: the refresh is due after about one second.
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000));
    const outcome = await Promise.race([refreshed.then(() => 'refreshed' as const), timeout]);
    credential.dispose();
    assert(outcome === 'refreshed', 'no proactive refresh within 15 s');
  });

  await check('Entra exchange from the page against the loopback server (http://127.0.0.1 allowed)', async () => {
    const entra = new FakeTokenCredential({ token: 'entra-token-from-the-page' });
    const credential = new FullCredential({ resourceEndpoint: location.origin, tokenCredential: entra });
    const first = await credential.getToken();
    const second = await credential.getToken();
    assert(first.token === second.token, 'the exchanged token was not cached');
    assert(first.expiresOnTimestamp > Date.now(), 'the exchanged token is already expired');
    assert(entra.calls.length >= 1, 'the Entra credential was never asked');
    report.entraToken = first.token;
    credential.dispose();
  });

  return report;
}

(globalThis as { acsBrowserTests?: { run(): Promise<PageReport> } }).acsBrowserTests = { run };
