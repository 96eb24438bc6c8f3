import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AzureCommunicationTokenCredential as OfficialTokenCredential,
  createCommunicationAuthPolicy as officialAuthPolicy,
} from '@azure/communication-common';
import {
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessToken, GetTokenOptions } from '../../src/lib/core-auth-types.js';
import { AcsError } from '../../src/lib/errors.js';
import { createCommunicationAuthPolicy } from '../../src/signing/auth-policy.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';
import { createBearerTokenPolicy } from '../../src/signing/bearer-policy.js';

const HOUR = 3_600_000;

/** A TokenCredential that records its calls and hands out numbered tokens. */
function fakeCredential(lifetimeInMs = HOUR) {
  const calls: { scopes: string | string[]; options: GetTokenOptions | undefined }[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release() {
      release?.();
      gate = undefined;
    },
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      calls.push({ scopes, options });
      const n = calls.length;
      if (gate) await gate;
      return { token: `token-${n}`, expiresOnTimestamp: Date.now() + lifetimeInMs };
    },
  };
}

/** Sends through a pipeline holding only `policy`; returns the Authorization header sent. */
async function authorizationSentBy(policy: PipelinePolicy, url = 'https://contoso.communication.azure.com/chat') {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(policy);
  let authorization: string | undefined;
  const client: HttpClient = {
    async sendRequest(request) {
      authorization = request.headers.get('authorization');
      return { request, status: 200, headers: createHttpHeaders() };
    },
  };
  await pipeline.sendRequest(client, createPipelineRequest({ url }));
  return authorization;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createCommunicationAuthPolicy', () => {
  it('returns the HMAC policy for a key credential and the bearer policy for a TokenCredential, named like 2.5.0', () => {
    const key = new AzureKeyCredential('pw==');
    const token = fakeCredential();
    expect(createCommunicationAuthPolicy(key).name).toBe(officialAuthPolicy(key).name);
    expect(createCommunicationAuthPolicy(key).name).toBe('CommunicationAccessKeyCredentialPolicy');
    expect(createCommunicationAuthPolicy(token).name).toBe(officialAuthPolicy(token).name);
    expect(createCommunicationAuthPolicy(token).name).toBe('bearerTokenAuthenticationPolicy');
    // An AzureCommunicationTokenCredential passes core-auth's isTokenCredential at run time.
    const acs = new OfficialTokenCredential('opaque-token');
    expect(createCommunicationAuthPolicy(acs as never).name).toBe('bearerTokenAuthenticationPolicy');
  });

  it('asks for the scope https://communication.azure.com//.default (double slash) and sends Bearer <token>, like 2.5.0', async () => {
    const ours = fakeCredential();
    const official = fakeCredential();
    expect(await authorizationSentBy(createCommunicationAuthPolicy(ours))).toBe('Bearer token-1');
    expect(await authorizationSentBy(officialAuthPolicy(official))).toBe('Bearer token-1');
    expect(ours.calls[0]?.scopes).toEqual(['https://communication.azure.com//.default']);
    expect(ours.calls[0]?.scopes).toEqual(official.calls[0]?.scopes);
    expect(ours.calls[0]?.options?.enableCae).toBe(official.calls[0]?.options?.enableCae);
  });
});

describe('the bearer policy', () => {
  it("refuses non-https URLs with 2.5.0's message, except loopback hosts", async () => {
    const policy = createBearerTokenPolicy(fakeCredential(), 'scope');
    for (const url of [
      'http://contoso.communication.azure.com/',
      'http://10.0.0.1/',
      'ftp://localhost/',
      'not a url',
    ]) {
      // The one "https except loopback" rule: a TypeError, as for the Entra endpoint (issue 8).
      const error = await authorizationSentBy(policy, url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(
        /^Bearer token authentication is not permitted for non-TLS protected \(non-https\) URLs\. Plain http is allowed only for loopback hosts/,
      );
    }
    for (const url of [
      'http://localhost:8080/',
      'http://127.0.0.1/',
      'http://127.5.6.7:1/',
      'http://[::1]:99/',
      'HTTPS://A.COM/',
    ]) {
      expect(await authorizationSentBy(policy, url)).toMatch(/^Bearer token-\d$/);
    }
  });

  it('2.5.0 refuses loopback http (the deliberate difference)', async () => {
    await expect(authorizationSentBy(officialAuthPolicy(fakeCredential()), 'http://localhost:8080/')).rejects.toThrow(
      'Bearer token authentication is not permitted',
    );
  });

  it('caches the token and shares one refresh between concurrent requests', async () => {
    const credential = fakeCredential();
    const policy = createBearerTokenPolicy(credential, ['s']);
    credential.hold();
    const pending = Promise.all([
      authorizationSentBy(policy),
      authorizationSentBy(policy),
      authorizationSentBy(policy),
    ]);
    await vi.waitFor(() => expect(credential.calls.length).toBe(1));
    credential.release();
    expect(await pending).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    expect(await authorizationSentBy(policy)).toBe('Bearer token-1');
    expect(credential.calls).toHaveLength(1);
  });

  it('refreshes in the background within 2 minutes of expiry and waits only for an expired token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const credential = fakeCredential(10 * 60_000);
    const policy = createBearerTokenPolicy(credential, ['s']);
    expect(await authorizationSentBy(policy)).toBe('Bearer token-1');

    vi.setSystemTime(7 * 60_000); // 3 min left: still cached
    expect(await authorizationSentBy(policy)).toBe('Bearer token-1');
    expect(credential.calls).toHaveLength(1);

    vi.setSystemTime(9 * 60_000); // 1 min left: used while a refresh runs
    expect(await authorizationSentBy(policy)).toBe('Bearer token-1');
    await vi.waitFor(() => expect(credential.calls).toHaveLength(2));
    await vi.waitFor(async () => expect(await authorizationSentBy(policy)).toBe('Bearer token-2'));

    vi.setSystemTime(60 * 60_000); // long expired: waits for a new one
    expect(await authorizationSentBy(policy)).toBe('Bearer token-3');
  });

  it('passes the request abort signal and rejects only the aborted request', async () => {
    const credential = fakeCredential();
    const policy = createBearerTokenPolicy(credential, ['s']);
    credential.hold();
    const controller = new AbortController();
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(policy);
    const client: HttpClient = {
      async sendRequest(request) {
        return { request, status: 200, headers: createHttpHeaders() };
      },
    };
    const aborted = pipeline.sendRequest(
      client,
      createPipelineRequest({ url: 'https://a.com/', abortSignal: controller.signal }),
    );
    const other = authorizationSentBy(policy);
    await vi.waitFor(() => expect(credential.calls.length).toBeGreaterThan(0));
    expect(credential.calls[0]?.options?.abortSignal).toBe(controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    credential.release();
    expect(await other).toMatch(/^Bearer token-\d$/);
  });

  it('fails clearly when the credential returns null', async () => {
    const policy = createBearerTokenPolicy({ getToken: async () => null }, ['s']);
    const error = await authorizationSentBy(policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsError);
    expect((error as Error).message).toContain('Failed to refresh access token');
  });

  it('refuses a token whose expiry is not a date, and asks the credential again on the next request (issue 8, defect 1)', async () => {
    const getToken = vi.fn(async () => ({ token: 'opaque-bearer', expiresOnTimestamp: Number.NaN }));
    const policy = createBearerTokenPolicy({ getToken }, ['s']);
    for (let i = 0; i < 2; i++) {
      const error = await authorizationSentBy(policy).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AcsError);
      expect((error as Error).message).toContain('expiresOnTimestamp');
      expect((error as Error).message).not.toContain('opaque-bearer');
    }
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('refuses something that is not a TokenCredential', () => {
    expect(() => createBearerTokenPolicy({} as never, 's')).toThrow(TypeError);
  });
});

describe('the bearer policy over real HTTP to a loopback server', () => {
  let server: Server;
  let origin: string;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends Authorization: Bearer <token> over loopback http', async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createCommunicationAuthPolicy(fakeCredential()));
    const request = createPipelineRequest({ url: `${origin}/chat/threads`, allowInsecureConnection: true });
    const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toBe('Bearer token-1');
  });
});
