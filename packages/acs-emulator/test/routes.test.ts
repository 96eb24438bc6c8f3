import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { hmacHeaders, type RawResponse, send, signed } from './helpers/client.js';

// Our own HTTP requests against the emulator over plain HTTP (the official clients, which demand
// HTTPS, are in official-clients.test.ts). The clock is ours, to test expiry without waiting.

let emulator: RunningEmulator;
let offsetInMs = 0;
const IDENTITY = 'api-version=2023-10-01';
const SEVEN_DIGITS_EXPIRES_ON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$/;

beforeAll(async () => {
  emulator = await startEmulator({ http: true, now: () => Date.now() + offsetInMs, minTokenLifetimeInMinutes: 1 });
});
afterAll(() => emulator.close());

const at = (shift: number) => ({ date: new Date(Date.now() + shift) });
const encode = (id: string) => encodeURIComponent(id);
const bearer = (token: string, target = '/chat/threads?api-version=2025-03-15') =>
  send(emulator.endpoint, { method: 'GET', target, headers: { authorization: `Bearer ${token}` } });
const errorOf = (response: RawResponse) => (response.json as { error: { code: string; message: string } }).error;

async function createUser(json?: unknown): Promise<{ id: string; accessToken?: { token: string; expiresOn: string } }> {
  const response = await signed(emulator, 'POST', `/identities?${IDENTITY}`, json);
  expect(response.status).toBe(201);
  const body = response.json as { identity: { id: string }; accessToken?: { token: string; expiresOn: string } };
  return { id: body.identity.id, ...(body.accessToken === undefined ? {} : { accessToken: body.accessToken }) };
}

async function entraToken(scopes: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await send(emulator.endpoint, {
    method: 'POST',
    target: '/emulator/entra/token',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ objectId: 'oid-1', tenantId: 'tenant-1', scopes, ...extra }),
  });
  expect(response.status).toBe(200);
  return (response.json as { accessToken: string }).accessToken;
}

const exchange = (route: 'entra' | 'teamsExtension', token: string, version: string) =>
  send(emulator.endpoint, {
    method: 'POST',
    target: `/access/${route}/:exchangeAccessToken?api-version=${version}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });

describe('identities', () => {
  it('creates identities of this resource, with an optional token (default 24 h)', async () => {
    const plain = await createUser();
    expect(plain.id).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_[0-9a-f-]{36}$`));
    expect(plain.accessToken).toBeUndefined();

    const before = Date.now();
    const withToken = await createUser({ createTokenWithScopes: ['chat'] });
    const after = Date.now();
    expect(withToken.accessToken?.expiresOn).toMatch(SEVEN_DIGITS_EXPIRES_ON);
    // exp is whole seconds: at most one second before "issue time + 24 h".
    const expiresOnTimestamp = Date.parse(withToken.accessToken?.expiresOn ?? '');
    expect(expiresOnTimestamp).toBeGreaterThan(before + 1440 * 60_000 - 1_000);
    expect(expiresOnTimestamp).toBeLessThanOrEqual(after + 1440 * 60_000);
    expect(plain.id).not.toBe(withToken.id);
  });

  it('gets, issues, revokes and deletes by id, with colons raw or percent-encoded', async () => {
    const { id } = await createUser();
    for (const segment of [id, encode(id)]) {
      const got = await signed(emulator, 'GET', `/identities/${segment}?${IDENTITY}`);
      expect(got.status).toBe(200);
      expect(got.json).toEqual({ id });
      const issued = await signed(emulator, 'POST', `/identities/${segment}/:issueAccessToken?${IDENTITY}`, {
        scopes: ['chat'],
        expiresInMinutes: 1,
      });
      expect(issued.status).toBe(200);
      expect(Object.keys(issued.json as object)).toEqual(['token', 'expiresOn']);
      const revoked = await signed(emulator, 'POST', `/identities/${segment}/:revokeAccessTokens?${IDENTITY}`);
      expect(revoked.status).toBe(204);
      expect(revoked.text).toBe('');
    }
    const deleted = await signed(emulator, 'DELETE', `/identities/${encode(id)}?${IDENTITY}`);
    expect(deleted.status).toBe(204);
    const gone = await signed(emulator, 'GET', `/identities/${encode(id)}?${IDENTITY}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone).code).toBe('IdentityNotFound');
  });

  it('answers 400 for malformed ids and ids of another resource', async () => {
    for (const segment of ['nope', encode('8:acs:other_x'), '%E0%A4%A']) {
      const response = await signed(emulator, 'GET', `/identities/${segment}?${IDENTITY}`);
      expect(response.status).toBe(400);
      expect(errorOf(response).code).toBe('InvalidIdentifier');
    }
  });

  it.each([
    [{ scopes: [] }, 'InvalidScopes'],
    [{ scopes: ['chat', 'admin'] }, 'InvalidScopes'],
    [{ scopes: 'chat' }, 'InvalidScopes'],
    [{}, 'InvalidScopes'],
    [{ scopes: ['chat'], expiresInMinutes: 1441 }, 'InvalidExpiresInMinutes'],
    [{ scopes: ['chat'], expiresInMinutes: 0 }, 'InvalidExpiresInMinutes'],
    [{ scopes: ['chat'], expiresInMinutes: 90.5 }, 'InvalidExpiresInMinutes'],
    [{ scopes: ['chat'], expiresInMinutes: '90' }, 'InvalidExpiresInMinutes'],
  ])('validates issueAccessToken %j → 400 %s', async (json, code) => {
    const { id } = await createUser();
    const response = await signed(emulator, 'POST', `/identities/${id}/:issueAccessToken?${IDENTITY}`, json);
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe(code);
  });

  it('requires api-version, and a known one', async () => {
    const missing = await signed(emulator, 'POST', '/identities');
    expect(missing.status).toBe(400);
    expect(errorOf(missing).code).toBe('MissingApiVersionParameter');
    const unknown = await signed(emulator, 'POST', '/identities?api-version=2099-01-01');
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).code).toBe('UnsupportedApiVersion');
    const chatVersionOnIdentity = await signed(emulator, 'POST', '/identities?api-version=2025-03-15');
    expect(chatVersionOnIdentity.status).toBe(400);
    for (const version of ['2021-03-07', '2023-10-01', '2025-03-02-preview', '2025-06-30']) {
      expect((await signed(emulator, 'POST', `/identities?api-version=${version}`)).status).toBe(201);
    }
  });

  it('answers authentication failures like ACS, without echoing what was sent', async () => {
    const response = await signed({ ...emulator, accessKey: 'pw==' }, 'POST', `/identities?${IDENTITY}`);
    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('Denied');
    const skewed = await signed(emulator, 'POST', `/identities?${IDENTITY}`, undefined, at(16 * 60_000));
    expect(skewed.status).toBe(401);
    expect(errorOf(skewed).message).toContain('15 minutes');
    const within = await signed(emulator, 'POST', `/identities?${IDENTITY}`, undefined, at(-14 * 60_000));
    expect(within.status).toBe(201);
  });

  it('rejects a request signed for another host (Host is signed)', async () => {
    const target = `/identities?${IDENTITY}`;
    const headers = hmacHeaders('http://elsewhere:1/', emulator.accessKey, { method: 'POST', target });
    const response = await send(emulator.endpoint, {
      method: 'POST',
      target,
      headers: { ...headers, host: new URL(emulator.endpoint).host },
    });
    expect(response.status).toBe(401);
  });
});

describe('ACS bearer tokens on chat', () => {
  it('accepts a token with a chat scope until it expires', async () => {
    const { accessToken } = await createUser({ createTokenWithScopes: ['chat.join'], expiresInMinutes: 60 });
    const token = accessToken?.token ?? '';
    const ok = await bearer(token);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ value: [] });
    offsetInMs = 61 * 60_000;
    try {
      const expired = await bearer(token);
      expect(expired.status).toBe(401);
      expect(errorOf(expired)).toEqual({ code: 'Denied', message: 'The access token has expired.' });
      expect(expired.text).not.toContain(token);
    } finally {
      offsetInMs = 0;
    }
  });

  it('rejects tokens issued before a revoke and after a delete; accepts one issued right after the revoke', async () => {
    const { id, accessToken } = await createUser({ createTokenWithScopes: ['chat'] });
    const before = accessToken?.token ?? '';
    expect((await bearer(before)).status).toBe(200);
    expect((await signed(emulator, 'POST', `/identities/${id}/:revokeAccessTokens?${IDENTITY}`)).status).toBe(204);
    const revoked = await bearer(before);
    expect(revoked.status).toBe(401);
    expect(errorOf(revoked).message).toBe('The access token has been revoked.');
    const after = await signed(emulator, 'POST', `/identities/${id}/:issueAccessToken?${IDENTITY}`, {
      scopes: ['chat'],
    });
    const afterToken = (after.json as { token: string }).token;
    expect((await bearer(afterToken)).status).toBe(200);
    expect((await signed(emulator, 'DELETE', `/identities/${id}?${IDENTITY}`)).status).toBe(204);
    expect((await bearer(afterToken)).status).toBe(401);
  });

  it('rejects a token without chat scope (403), a missing or malformed Authorization (401)', async () => {
    const { accessToken } = await createUser({ createTokenWithScopes: ['voip'] });
    expect((await bearer(accessToken?.token ?? '')).status).toBe(403);
    const none = await send(emulator.endpoint, { method: 'GET', target: '/chat/threads?api-version=2025-03-15' });
    expect(none.status).toBe(401);
    expect((await bearer('')).status).toBe(401);
    expect((await bearer('a b c')).status).toBe(401);
  });

  it('uses the chat api-versions', async () => {
    const { accessToken } = await createUser({ createTokenWithScopes: ['chat'] });
    expect((await bearer(accessToken?.token ?? '', '/chat/threads')).status).toBe(400);
    expect((await bearer(accessToken?.token ?? '', '/chat/threads?api-version=2023-10-01')).status).toBe(400);
    expect((await bearer(accessToken?.token ?? '', '/chat/threads?api-version=2021-09-07')).status).toBe(200);
  });
});

describe('Entra exchange', () => {
  it('exchanges a Teams extension token for an ACS token that expires with it', async () => {
    const token = await entraToken(['https://auth.msft.communication.azure.com/TeamsExtension.ManageChats']);
    const entraExp = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).exp as number;
    const response = await exchange('teamsExtension', token, '2025-06-30');
    expect(response.status).toBe(200);
    const body = response.json as { identity: { id: string }; accessToken: { token: string; expiresOn: string } };
    expect(body.identity.id).toBe(`8:acs:${emulator.resourceId}_tenant-1_oid-1`);
    expect(body.accessToken.expiresOn).toMatch(SEVEN_DIGITS_EXPIRES_ON);
    expect(Date.parse(body.accessToken.expiresOn)).toBe(entraExp * 1000);
    expect((await bearer(body.accessToken.token)).status).toBe(200);
    // The same Entra user gets the same identity again.
    const again = await exchange('teamsExtension', token, '2025-06-30');
    expect((again.json as typeof body).identity.id).toBe(body.identity.id);
  });

  it('exchanges an Entra user token on the entra route (preview api-version)', async () => {
    const token = await entraToken(['https://communication.azure.com/clients/VoIP'], { expiresInMinutes: 5 });
    const response = await exchange('entra', token, '2025-03-02-preview');
    expect(response.status).toBe(200);
    const body = response.json as { identity: { id: string }; accessToken: { token: string; expiresOn: string } };
    expect(body.identity.id).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_[0-9a-f-]{36}$`));
    expect(Date.parse(body.accessToken.expiresOn) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((await bearer(body.accessToken.token)).status).toBe(403); // VoIP only
  });

  it('rejects a token of the other family, an expired one, an ACS token, and no token', async () => {
    const clients = await entraToken(['https://communication.azure.com/clients/.default']);
    const wrongRoute = await exchange('teamsExtension', clients, '2025-06-30');
    expect(wrongRoute.status).toBe(401);
    expect(errorOf(wrongRoute).message).toContain('entra exchange');

    const shortLived = await entraToken(['https://communication.azure.com/clients/.default'], { expiresInMinutes: 1 });
    offsetInMs = 2 * 60_000;
    try {
      expect((await exchange('entra', shortLived, '2025-03-02-preview')).status).toBe(401);
    } finally {
      offsetInMs = 0;
    }
    const { accessToken } = await createUser({ createTokenWithScopes: ['chat'] });
    expect((await exchange('entra', accessToken?.token ?? '', '2025-03-02-preview')).status).toBe(401);
    const none = await send(emulator.endpoint, {
      method: 'POST',
      target: '/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview',
    });
    expect(none.status).toBe(401);
  });

  it('checks the api-version of each exchange route', async () => {
    const token = await entraToken(['https://communication.azure.com/clients/.default']);
    expect((await exchange('entra', token, '2025-06-30')).status).toBe(400);
    expect((await exchange('entra', token, '2023-10-01')).status).toBe(400);
  });

  it('validates the stand-in Entra token request', async () => {
    const mint = (json: unknown) =>
      send(emulator.endpoint, {
        method: 'POST',
        target: '/emulator/entra/token',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
    const scopes = ['https://communication.azure.com/clients/VoIP'];
    expect((await mint({ objectId: 'a_b', tenantId: 't', scopes })).status).toBe(400);
    expect((await mint({ objectId: 'o', tenantId: '', scopes })).status).toBe(400);
    expect((await mint({ objectId: 'o', tenantId: 't', scopes: [] })).status).toBe(400);
    expect(
      (await mint({ objectId: 'o', tenantId: 't', scopes: ['https://graph.microsoft.com/.default'] })).status,
    ).toBe(400);
    expect((await mint({ objectId: 'o', tenantId: 't', scopes, expiresInMinutes: 0 })).status).toBe(400);
    const ok = await mint({ objectId: 'o', tenantId: 't', scopes });
    expect(Object.keys(ok.json as object)).toEqual(['accessToken', 'expiresOn', 'expiresOnTimestamp']);
  });
});

describe('the handle', () => {
  it('shows no access key when logged or serialised', () => {
    expect(emulator.connectionString).toBe(`endpoint=${emulator.endpoint};accesskey=${emulator.accessKey}`);
    expect(inspect(emulator)).not.toContain(emulator.accessKey);
    expect(JSON.stringify(emulator)).not.toContain(emulator.accessKey);
    expect(emulator.caCertPath).toBeNull();
  });
});
