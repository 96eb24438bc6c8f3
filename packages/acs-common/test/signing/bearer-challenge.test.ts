/**
 * The bearer policy answers a CAE claims challenge as core-rest-pipeline's
 * bearerTokenAuthenticationPolicy does (which 2.5.0 uses): a 401 with
 * `WWW-Authenticate: Bearer error="insufficient_claims", claims="<base64>"` makes it ask the
 * TokenCredential again with the decoded claims and send the request once more (issue 8, defect 7).
 * Real HTTP: the real core-rest-pipeline pipeline and HTTP client against a loopback server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDefaultHttpClient, createEmptyPipeline, createPipelineRequest } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessToken, GetTokenOptions } from '../../src/lib/core-auth-types.js';
import { createBearerTokenPolicy } from '../../src/signing/bearer-policy.js';

const HOUR = 3_600_000;
const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1726165975"}}}';
const CLAIMS_BASE64 = Buffer.from(CLAIMS).toString('base64');
const CHALLENGE = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${CLAIMS_BASE64}"`;

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let origin: string;
let seen: (string | undefined)[];
let replies: Handler[];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers.authorization);
    const reply = replies.shift() ?? ((_req, res) => res.end('{}'));
    reply(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  replies = [];
});

function challenge(header: string): Handler {
  return (_request, response) => {
    response.writeHead(401, { 'WWW-Authenticate': header, 'Content-Type': 'application/json' });
    response.end('{"error":{"code":"InvalidAuthenticationToken"}}');
  };
}

function credential() {
  const calls: GetTokenOptions[] = [];
  return {
    calls,
    async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      calls.push({ ...options });
      return { token: `token-${calls.length}`, expiresOnTimestamp: Date.now() + HOUR };
    },
  };
}

async function send(policyCredential: ReturnType<typeof credential>, extra: Record<string, unknown> = {}) {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(createBearerTokenPolicy(policyCredential, ['https://communication.azure.com//.default']));
  const request = createPipelineRequest({ url: `${origin}/identities`, allowInsecureConnection: true });
  Object.assign(request, extra); // createPipelineRequest does not copy tracingOptions
  return pipeline.sendRequest(createDefaultHttpClient(), request);
}

describe('CAE claims challenges', () => {
  it('a 401 insufficient_claims challenge: getToken again with the decoded claims, then one retry with the new token', async () => {
    replies.push(challenge(CHALLENGE));
    const cred = credential();
    const response = await send(cred);
    expect(response.status).toBe(200);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(cred.calls).toHaveLength(2);
    expect(cred.calls[0]?.claims).toBeUndefined();
    expect(cred.calls[1]).toMatchObject({ claims: CLAIMS, enableCae: true });
  });

  it('retries once only: a second challenge is returned to the caller', async () => {
    replies.push(challenge(CHALLENGE), challenge(CHALLENGE));
    const cred = credential();
    const response = await send(cred);
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(2);
    expect(cred.calls).toHaveLength(2);
  });

  it('the new token is cached for the next request', async () => {
    replies.push(challenge(CHALLENGE));
    const cred = credential();
    const policy = createBearerTokenPolicy(cred, 's');
    for (let i = 0; i < 2; i++) {
      const pipeline = createEmptyPipeline();
      pipeline.addPolicy(policy);
      const request = createPipelineRequest({ url: `${origin}/identities`, allowInsecureConnection: true });
      expect((await pipeline.sendRequest(createDefaultHttpClient(), request)).status).toBe(200);
    }
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
    expect(cred.calls).toHaveLength(2);
  });

  it('a 401 without a claims challenge, or with claims that are not base64, is returned as is', async () => {
    for (const header of [
      'Bearer realm="", error="invalid_token"',
      'Bearer error="insufficient_claims"',
      'Bearer error="insufficient_claims", claims="not base64!"',
      `Basic realm="x", Pop error="insufficient_claims", claims="${CLAIMS_BASE64}"`,
    ]) {
      seen = [];
      replies.push(challenge(header));
      const cred = credential();
      const response = await send(cred);
      expect(response.status, header).toBe(401);
      expect(seen, header).toHaveLength(1);
      expect(cred.calls, header).toHaveLength(1);
    }
  });

  it('finds the Bearer challenge among several, whatever the order of its parameters', async () => {
    replies.push(challenge(`Pop nonce="abc", Bearer claims="${CLAIMS_BASE64}", error="insufficient_claims"`));
    const cred = credential();
    expect((await send(cred)).status).toBe(200);
    expect(cred.calls[1]?.claims).toBe(CLAIMS);
  });
});

describe('getToken options', () => {
  it('passes the request abortSignal and tracingOptions through to getToken, as 2.5.0 does', async () => {
    const cred = credential();
    const controller = new AbortController();
    const tracingOptions = { tracingContext: { getValue: () => undefined, setValue: () => {}, deleteValue: () => {} } };
    await send(cred, { abortSignal: controller.signal, tracingOptions });
    expect(cred.calls[0]?.abortSignal).toBe(controller.signal);
    expect(cred.calls[0]?.tracingOptions).toBe(tracingOptions);
    expect(cred.calls[0]?.enableCae).toBe(true);
  });
});
