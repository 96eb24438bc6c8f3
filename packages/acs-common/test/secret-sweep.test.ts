/**
 * The secret sweep (issue 8): every error and every log line (level verbose) that the library's
 * failure paths produce, over every form (static, refresher, Entra exchange, bearer policy with
 * CAE challenges, HMAC signing, connection strings, client arguments), is searched for every
 * secret the library was given or made: ACS tokens (JWT and opaque), Entra tokens (opaque, so
 * only removal by value can catch them), the access key and the signatures made with it.
 * For an error: its message, stack, `String()`, `util.inspect` (with hidden fields) and JSON.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createDefaultHttpClient, createEmptyPipeline, createPipelineRequest } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureCommunicationTokenCredential } from '../src/entra/index.js';
import { setLogLevel, setLogSink } from '../src/lib/log.js';
import { createCommunicationAccessKeyCredentialPolicy } from '../src/signing/access-key-policy.js';
import { AzureKeyCredential } from '../src/signing/azure-key-credential.js';
import { createBearerTokenPolicy } from '../src/signing/bearer-policy.js';
import { parseClientArguments } from '../src/signing/client-arguments.js';
import { parseConnectionString } from '../src/signing/connection-string.js';
import { createHmacHeaders } from '../src/signing/hmac-headers.js';
import { RestError } from '../src/signing/rest-error.js';
import { createTestToken, ManualClock } from '../src/testing/index.js';

const START = Date.parse('2026-12-01T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const secrets = new Set<string>();
const seen: string[] = [];

function secret<T extends string>(value: T): T {
  secrets.add(value);
  return value;
}

let counter = 0;
const connectionLike = () =>
  `endpoint=https://x.example/;accesskey=${secret(Buffer.from(`key ${++counter}`).toString('base64'))}`;
const opaque = (kind: string) => secret(`${kind}-secret-${++counter}-q7Vx2`);
const jwt = (clock: ManualClock, lifetimeInMs = HOUR) =>
  secret(createTestToken({ nowInMs: clock.now(), lifetimeInMs, extraClaims: { n: ++counter } }));

/** Records everything an error shows. */
function record(error: unknown): void {
  seen.push(String(error), inspect(error, { showHidden: true, depth: 6 }), JSON.stringify(error) ?? '');
  if (error instanceof Error) seen.push(error.message, String(error.stack));
}

async function failure(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    record(error);
    return;
  }
  throw new Error('expected a failure');
}

/** Records the error, if there is one (some inputs are accepted, or refused only later). */
async function attempt(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    record(error);
  }
}

let server: Server;
let origin: string;
const replies: Array<(body: string) => { status: number; headers?: Record<string, string>; body: string }> = [];

beforeAll(async () => {
  setLogLevel('verbose');
  setLogSink((level, message) => seen.push(`${level} ${message}`));
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const reply = replies.shift()?.(body) ?? { status: 500, body: 'no reply' };
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setLogSink(undefined);
  setLogLevel(undefined);
  await new Promise((resolve) => server.close(resolve));
});

describe('secret sweep', () => {
  it('the refresher and static forms', async () => {
    const clock = new ManualClock(START);
    const refresher = (value: unknown) =>
      new AzureCommunicationTokenCredential({ tokenRefresher: () => value as string, clock });
    await failure(() => refresher(jwt(clock, -MINUTE)).getToken()); // expired
    await failure(() => refresher({ token: opaque('acs'), expiresOnTimestamp: Number.NaN }).getToken());
    await failure(() => refresher({ token: opaque('acs'), expiresOnTimestamp: Number.POSITIVE_INFINITY }).getToken());
    await failure(() => refresher({ token: opaque('acs') }).getToken());
    await failure(() => refresher(secret(createTestToken({ extraClaims: { exp: 1e306 } }))).getToken());
    await failure(
      () => new AzureCommunicationTokenCredential({ token: opaque('acs'), expiresOnTimestamp: Number.NaN }),
    );
    await failure(
      () => new AzureCommunicationTokenCredential(secret(createTestToken({ extraClaims: { exp: -1e307 } }))),
    );
    // A proactive refresh failing with an error that quotes the current token.
    const initial = jwt(clock, 20 * MINUTE);
    const failing = new AzureCommunicationTokenCredential({
      tokenRefresher: () => {
        throw new Error(`refresh failed for ${initial}`);
      },
      token: initial,
      refreshProactively: true,
      onRefreshError: () => {},
      clock,
    });
    await clock.advanceAsync(11 * MINUTE);
    seen.push(inspect(failing, { showHidden: true, depth: 6 }), JSON.stringify(failing));
    failing.dispose();
    await failure(() => failing.getToken());
    // Opaque tokens log a warning; a clock that breaks is an error.
    let broken = false;
    const badClock = {
      now: () => (broken ? Number.NaN : clock.now()),
      setTimeout: (callback: () => void, delayInMs: number) => clock.setTimeout(callback, delayInMs),
      clearTimeout: (handle: unknown) => clock.clearTimeout(handle),
    };
    const opaqueCredential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => opaque('acs'),
      clock: badClock,
    });
    await opaqueCredential.getToken();
    broken = true;
    await failure(() => opaqueCredential.getToken());
    await failure(() => opaqueCredential.getToken({ abortSignal: AbortSignal.abort(opaque('reason')) }));
  });

  it('the Entra exchange', async () => {
    const clock = new ManualClock(START);
    const entraToken = opaque('entra');
    const entra = (token: string, expiresOnTimestamp = START + HOUR) => ({
      getToken: async () => ({ token, expiresOnTimestamp }),
    });
    const credential = (tokenCredential: object) =>
      new AzureCommunicationTokenCredential({
        resourceEndpoint: origin,
        tokenCredential: tokenCredential as never,
        clock,
      });
    // The service echoes the Entra token in every way it can.
    replies.push(
      () => ({
        status: 401,
        body: JSON.stringify({ error: { code: 'Denied', message: `token ${entraToken} refused` } }),
      }),
      () => ({ status: 400, headers: { 'x-ms-error-code': entraToken }, body: `bad ${entraToken}` }),
      () => ({
        status: 200,
        body: JSON.stringify({ accessToken: { token: jwt(clock), expiresOn: `x ${entraToken}` } }),
      }),
      () => ({
        status: 200,
        body: JSON.stringify({ accessToken: { token: opaque('acs'), expiresOn: '2020-01-01T00:00:00Z' } }),
      }),
    );
    for (let i = 0; i < 4; i++) await failure(() => credential(entra(entraToken)).getToken());
    // A tokenCredential whose token has an expiry that is not a date; one that returns null.
    await failure(() => credential(entra(opaque('entra'), Number.NaN)).getToken());
    await failure(() => credential({ getToken: async () => null }).getToken());
    // A fetch that fails (retried on the manual clock, which the test moves), and bad endpoints.
    const sending = new AzureCommunicationTokenCredential({
      resourceEndpoint: origin,
      tokenCredential: entra(opaque('entra')),
      clock,
      fetch: async (_url, init) => {
        throw new TypeError(`fetch failed; sent ${init.headers.Authorization}`);
      },
    }).getToken();
    sending.catch(() => {});
    for (let i = 0; i < 5; i++) await clock.advanceAsync(MINUTE);
    await failure(() => sending);
    await failure(
      () => new AzureCommunicationTokenCredential({ resourceEndpoint: connectionLike(), tokenCredential: entra('x') }),
    );
    await failure(
      () =>
        new AzureCommunicationTokenCredential({
          resourceEndpoint: `http://contoso.communication.azure.com/?key=${opaque('key')}`,
          tokenCredential: entra(opaque('entra')),
        }),
    );
  });

  it('the bearer policy, CAE challenges included', async () => {
    const claims = Buffer.from('{"access_token":{"nbf":{"essential":true}}}').toString('base64');
    let n = 0;
    const tokenCredential = {
      getToken: async () => ({ token: opaque(`bearer-${++n}`), expiresOnTimestamp: Date.now() + HOUR }),
    };
    replies.push(
      () => ({
        status: 401,
        headers: { 'www-authenticate': `Bearer error="insufficient_claims", claims="${claims}"` },
        body: '{}',
      }),
      () => ({
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="insufficient_claims", claims="%%%"' },
        body: '{}',
      }),
    );
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createBearerTokenPolicy(tokenCredential, 's'));
    for (let i = 0; i < 2; i++) {
      const request = createPipelineRequest({ url: `${origin}/identities`, allowInsecureConnection: true });
      const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
      record(new RestError(`Status ${response.status}`, { statusCode: response.status, request, response }));
    }
    const nanPipeline = createEmptyPipeline();
    nanPipeline.addPolicy(
      createBearerTokenPolicy(
        { getToken: async () => ({ token: opaque('bearer'), expiresOnTimestamp: Number.NaN }) },
        's',
      ),
    );
    await failure(() =>
      nanPipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url: `${origin}/x` })),
    );
    await failure(() =>
      pipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url: 'http://contoso.example/x' })),
    );
  });

  it('HMAC signing, connection strings and client arguments', async () => {
    const key = secret(Buffer.from(`an access key ${Math.random()}`).toString('base64'));
    const headers = await createHmacHeaders({ method: 'POST', url: `${origin}/identities`, body: '{}', key });
    const signature = secret(headers.authorization.slice(headers.authorization.indexOf('Signature=') + 10));
    expect(signature.length).toBeGreaterThan(20);
    const connectionString = `endpoint=${origin}/;accesskey=${key}`;
    // A signed request that fails: the RestError holds the request with its signature.
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(key)), { phase: 'Sign' });
    replies.push(() => ({ status: 401, body: JSON.stringify({ error: { code: 'Denied' } }) }));
    const request = createPipelineRequest({
      url: `${origin}/identities?api-version=2023-10-01`,
      method: 'POST',
      body: '{}',
      allowInsecureConnection: true,
    });
    const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
    secret((request.headers.get('authorization') ?? 'missing').split('Signature=')[1] ?? 'missing');
    record(new RestError('Unauthorized', { statusCode: response.status, request, response }));
    seen.push(inspect(new AzureKeyCredential(key), { showHidden: true }), JSON.stringify(new AzureKeyCredential(key)));
    // Malformed keys and connection strings, and a connection string where a URL belongs.
    const badKey = secret(`${key.slice(0, -2)}!!`);
    await failure(() => createHmacHeaders({ method: 'GET', url: origin, key: badKey }));
    for (const text of [
      `endpoint=${origin};accesskey=${badKey}`,
      `accesskey=${key}`,
      `endpoint=${origin};accesskey=${key};accesskey=${key}`,
      `${connectionString};endpoint=https://x`,
    ]) {
      await attempt(() => parseConnectionString(text));
      await attempt(() => parseClientArguments(text));
    }
    await attempt(() => parseClientArguments(`https://user:${key}@x.example/`, { key }));
    // A malformed key inside a connection string is refused when signing, without the key.
    const parsed = parseConnectionString(`endpoint=${origin};accesskey=${badKey}`);
    await failure(() => createHmacHeaders({ method: 'GET', url: origin, key: parsed.credential.key }));
  });

  it('found nothing', () => {
    expect(seen.length).toBeGreaterThan(60);
    expect(secrets.size).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const line of seen)
      for (const value of secrets) if (line.includes(value)) leaks.push(`${value} in: ${line.slice(0, 300)}`);
    expect(leaks).toEqual([]);
  });
});
