import { CommunicationIdentityClient } from '@azure/communication-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { entraCredential, startTestEmulator } from './helpers/emulator.js';

// The official @azure/communication-identity, unmodified and in-process, over HTTPS (the
// certificate is trusted through NODE_EXTRA_CA_CERTS set by globalSetup), with HMAC and with
// Entra RBAC.

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe('the official identity client in-process', () => {
  it('creates a user and a token with the connection string (HMAC)', async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const { user, token } = await client.createUserAndToken(['chat']);
    expect(user.communicationUserId).toMatch(/^8:acs:/);
    expect(token.split('.')).toHaveLength(3);
    const entry = emulator.host.requestLog.entries().at(-1);
    expect(entry).toMatchObject({ method: 'POST', route: '/identities', status: 201, caller: { kind: 'hmac' } });
  });

  it('works with an Entra TokenCredential (RBAC) and refuses one for the wrong audience', async () => {
    const client = new CommunicationIdentityClient(emulator.endpoint, entraCredential(emulator));
    const user = await client.createUser();
    await client.revokeTokens(user);
    await client.deleteUser(user);
    const wrong = {
      getToken: () => entraCredential(emulator).getToken(['https://communication.azure.com/clients/.default']),
    };
    await expect(new CommunicationIdentityClient(emulator.endpoint, wrong).createUser()).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it('logs an HMAC refusal with the string to sign it computed, never the key', async () => {
    const wrongKey = Buffer.alloc(32, 7).toString('base64');
    const client = new CommunicationIdentityClient(`endpoint=${emulator.endpoint};accesskey=${wrongKey}`);
    await expect(client.createUser()).rejects.toMatchObject({ statusCode: 401 });
    const entry = emulator.host.requestLog.entries().at(-1);
    expect(entry?.outcome).toBe('auth');
    expect(entry?.reason).toMatch(/signature does not match/);
    expect(entry?.hmac?.stringToSign).toMatch(/^POST\n\/identities\?api-version=2023-10-01\n/);
    expect(entry?.hmac?.received.contentSha256).toBe(entry?.hmac?.computedContentHash);
    expect(JSON.stringify(entry)).not.toContain(emulator.accessKey);
  });

  it('revokes from the loopback route (for tools without the key, such as the dashboard)', async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const { user, token } = await client.createUserAndToken(['chat']);
    const chat = (bearer: string) =>
      fetch(`${emulator.endpoint}chat/threads?api-version=2025-03-15`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
    expect((await chat(token)).status).toBe(200);
    const revoke = await fetch(
      `${emulator.endpoint}emulator/identities/${encodeURIComponent(user.communicationUserId)}/:revokeAccessTokens`,
      { method: 'POST' },
    );
    expect(revoke.status).toBe(204);
    expect((await chat(token)).status).toBe(401);
  });
});
