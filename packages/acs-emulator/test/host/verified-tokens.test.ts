import { createHmacHeaders } from 'acs-common/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../../src/host/auth/verified-tokens.js';
import type { RunningEmulator } from '../../src/index.js';
import { startTestEmulator } from '../helpers/emulator.js';

// A token's signature and claims are checked once and remembered by its text; what can change
// after issuance (expiry, revocation, deletion) is still checked on every request.

const caller = (identityId: string, expiresOnTimestamp: number) => ({
  kind: 'acsToken' as const,
  identityId,
  scopes: ['chat'],
  expiresOnTimestamp,
  revision: 0,
});

describe('VerifiedTokens', () => {
  it('gives back a remembered caller until its expiry, then forgets it', () => {
    const verified = new VerifiedTokens(4);
    const added = verified.add('t1', caller('8:acs:r_a', 2_000));
    expect(Object.isFrozen(added)).toBe(true);
    expect(Object.isFrozen(added.scopes)).toBe(true);
    expect(verified.get('t1', 1_999)).toBe(added);
    expect(verified.get('t1', 2_000)).toBeUndefined();
    expect(verified.size).toBe(0);
    expect(verified.get('never-added', 0)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const verified = new VerifiedTokens(2);
    verified.add('a', caller('8:acs:r_a', 10_000));
    verified.add('b', caller('8:acs:r_b', 10_000));
    verified.add('c', caller('8:acs:r_c', 10_000));
    expect(verified.size).toBe(2);
    expect(verified.get('a', 0)).toBeUndefined();
    expect(verified.get('b', 0)?.identityId).toBe('8:acs:r_b');
    expect(verified.get('c', 0)?.identityId).toBe('8:acs:r_c');
    expect(() => new VerifiedTokens(0)).toThrow(RangeError);
  });
});

describe('a token used before is still checked for what can change', () => {
  let emulator: RunningEmulator;
  let clock = Date.now();
  beforeAll(async () => {
    emulator = await startTestEmulator({ now: () => clock });
  });
  afterAll(() => emulator.close());

  const identityRoute = '/identities?api-version=2023-10-01';
  async function hmac(method: string, target: string, body = '') {
    const url = new URL(target, emulator.endpoint);
    const headers = await createHmacHeaders({ method, url, body, key: emulator.accessKey });
    return fetch(url, {
      method,
      body: body === '' ? null : body,
      headers: { ...headers, 'content-type': 'application/json' },
    });
  }
  async function newUser(expiresInMinutes = 60) {
    const body = JSON.stringify({ createTokenWithScopes: ['chat'], expiresInMinutes });
    return (await (await hmac('POST', identityRoute, body)).json()) as {
      identity: { id: string };
      accessToken: { token: string };
    };
  }
  const listThreads = (token: string) =>
    fetch(`${emulator.endpoint}chat/threads?api-version=2025-03-15`, { headers: { authorization: `Bearer ${token}` } });
  const identityPath = (id: string) => `/identities/${encodeURIComponent(id)}`;

  it('refuses a remembered token once its identity is revoked', async () => {
    const user = await newUser();
    expect((await listThreads(user.accessToken.token)).status).toBe(200);
    expect((await listThreads(user.accessToken.token)).status).toBe(200);
    const revoked = await hmac('POST', `${identityPath(user.identity.id)}/:revokeAccessTokens?api-version=2023-10-01`);
    expect(revoked.status).toBe(204);
    const refused = await listThreads(user.accessToken.token);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/revoked/);
  });

  it('refuses a remembered token once its identity is deleted', async () => {
    const user = await newUser();
    expect((await listThreads(user.accessToken.token)).status).toBe(200);
    expect((await hmac('DELETE', `${identityPath(user.identity.id)}?api-version=2023-10-01`)).status).toBe(204);
    const refused = await listThreads(user.accessToken.token);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/deleted/);
  });

  it('refuses a remembered token once it expires', async () => {
    const user = await newUser(60);
    expect((await listThreads(user.accessToken.token)).status).toBe(200);
    clock += 61 * 60_000;
    try {
      const refused = await listThreads(user.accessToken.token);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toMatch(/expired/);
    } finally {
      clock -= 61 * 60_000;
    }
  });

  it('does not let a tampered copy of a remembered token through', async () => {
    const user = await newUser();
    const { token } = user.accessToken;
    expect((await listThreads(token)).status).toBe(200);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    expect((await listThreads(tampered)).status).toBe(401);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, rev: 1e9 })).toString('base64url')}.${signature}`;
    expect((await listThreads(forged)).status).toBe(401);
    expect((await listThreads(token)).status).toBe(200);
  });
});
