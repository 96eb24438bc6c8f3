import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { signed } from './helpers/client.js';

// The OFFICIAL @azure/communication-identity 1.3.1 and @azure/communication-chat 1.6.0, unmocked,
// against the emulator over HTTPS. They run in a child process started with
// NODE_EXTRA_CA_CERTS=<the emulator's self-signed certificate>, exactly as a user would run them
// (the variable cannot be set from inside a running process). The emulator runs here, so the
// test can shift its clock to prepare an expired token.

const FIXTURE = fileURLToPath(new URL('./fixtures/official-clients.mjs', import.meta.url));
const IDENTITY = 'api-version=2023-10-01';

interface Outcome {
  ok: boolean;
  value?: { done: boolean; items: unknown[] };
  statusCode?: number;
  code?: string;
  message?: string;
}

let emulator: RunningEmulator;
let offsetInMs = 0;
let results: Record<string, Outcome & Record<string, string>>;

beforeAll(async () => {
  emulator = await startEmulator({ now: () => Date.now() + offsetInMs });
  const ca = await readFile(emulator.caCertPath as string, 'utf8');

  // An expired token: issued two hours "ago" by shifting the emulator clock (and our x-ms-date).
  offsetInMs = -2 * 60 * 60_000;
  const created = await signed(
    emulator,
    'POST',
    `/identities?${IDENTITY}`,
    { createTokenWithScopes: ['chat'], expiresInMinutes: 60 },
    {
      date: new Date(Date.now() + offsetInMs),
      ca,
    },
  );
  offsetInMs = 0;
  const expiredToken = (created.json as { accessToken: { token: string } }).accessToken.token;

  // A forged token: a valid one whose payload was edited (exp pushed out) and signature kept.
  const valid = await signed(emulator, 'POST', `/identities?${IDENTITY}`, { createTokenWithScopes: ['chat'] }, { ca });
  const [header, payload, signature] = (valid.json as { accessToken: { token: string } }).accessToken.token.split(
    '.',
  ) as [string, string, string];
  const edited = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 4_102_444_800 };
  const forgedToken = `${header}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`;

  const { stdout } = await promisify(execFile)(process.execPath, [FIXTURE], {
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: emulator.caCertPath as string,
      EMULATOR_ENDPOINT: emulator.endpoint,
      EMULATOR_CONNECTION_STRING: emulator.connectionString,
      WRONG_KEY_CONNECTION_STRING: `endpoint=${emulator.endpoint};accesskey=${Buffer.from('wrong key').toString('base64')}`,
      EXPIRED_TOKEN: expiredToken,
      FORGED_TOKEN: forgedToken,
    },
    timeout: 60_000,
  });
  results = JSON.parse(stdout);
}, 90_000);

afterAll(() => emulator?.close());

describe('official clients against the emulator (HTTPS, NODE_EXTRA_CA_CERTS)', () => {
  it('serves HTTPS with a certificate the clients trust', () => {
    expect(emulator.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(emulator.caCertPath).toMatch(/cert\.pem$/);
  });

  it('CommunicationIdentityClient: createUser, createUserAndToken, getToken verify through HMAC', () => {
    const prefix = `8:acs:${emulator.resourceId}_`;
    expect(results.createUser?.id?.startsWith(prefix)).toBe(true);
    expect(results.createUserAndToken?.id?.startsWith(prefix)).toBe(true);
    const lifetime = Date.parse(results.getToken?.expiresOn ?? '') - Date.now();
    expect(lifetime).toBeGreaterThan(50 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    const createdLifetime = Date.parse(results.createUserAndToken?.expiresOn ?? '') - Date.now();
    expect(createdLifetime).toBeGreaterThan(110 * 60_000);
    expect(createdLifetime).toBeLessThanOrEqual(120 * 60_000);
    const payload = JSON.parse(Buffer.from(results.getToken?.token?.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ scp: 1792, acsScope: 'chat,voip', resourceId: emulator.resourceId });
    expect(`8:${payload.skypeid}`).toBe(results.createUser?.id);
  });

  it('ChatClient lists an empty page of threads with the token', () => {
    expect(results.chatWithToken).toEqual({ ok: true, value: { done: false, items: [] } });
  });

  it('revokeTokens: the old token is refused, a token issued afterwards works', () => {
    expect(results.chatAfterRevoke).toMatchObject({ ok: false, statusCode: 401, code: 'Denied' });
    expect(results.chatWithTokenIssuedAfterRevoke).toMatchObject({ ok: true });
  });

  it('a token without a chat scope is refused by chat', () => {
    expect(results.chatWithVoipOnlyToken).toMatchObject({ ok: false, statusCode: 403 });
  });

  it('deleteUser: its tokens are refused, and it cannot get new ones', () => {
    expect(results.chatAfterDelete).toMatchObject({ ok: false, statusCode: 401, code: 'Denied' });
    expect(results.getTokenAfterDelete).toMatchObject({ ok: false, statusCode: 404 });
  });

  it('expired and forged tokens → 401', () => {
    expect(results.chatWithExpiredToken).toMatchObject({
      ok: false,
      statusCode: 401,
      code: 'Denied',
      message: 'The access token has expired.',
    });
    expect(results.chatWithForgedToken).toMatchObject({
      ok: false,
      statusCode: 401,
      code: 'Denied',
      message: 'The token signature is invalid.',
    });
  });

  it('a wrong access key → 401 Denied', () => {
    expect(results.createUserWithWrongKey).toMatchObject({ ok: false, statusCode: 401, code: 'Denied' });
  });

  it('bad scopes and out-of-range expiresInMinutes → 400', () => {
    for (const name of [
      'getTokenWithBadScope',
      'getTokenWithNoScope',
      'getTokenWith59Minutes',
      'getTokenWith1441Minutes',
      'createUserAndTokenWithBadScope',
    ]) {
      expect(results[name], name).toMatchObject({ ok: false, statusCode: 400 });
    }
    expect(results.getTokenWith59Minutes?.code).toBe('InvalidExpiresInMinutes');
    expect(results.getTokenWithBadScope?.code).toBe('InvalidScopes');
  });
});
