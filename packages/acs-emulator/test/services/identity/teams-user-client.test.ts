import type { CommunicationIdentityClient as Client } from '@azure/communication-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from '../rooms/acs-common-loader.js';

// The official @azure/communication-identity@1.3.1 getTokenForTeamsUser, unmodified and
// in-process, on acs-common (its `@azure/communication-common` require resolves to acs-common),
// over HTTPS, with Entra tokens minted by the emulator (POST /emulator/entra/token),
// and the errors the real service answers.

onAcsCommon();
const { CommunicationIdentityClient } = await import('@azure/communication-identity');

const APP = '2c3e1e83-8fd7-4615-ad2b-b8c1229845ac';
const USER = '32c0a5db-05ec-78ea-51ab-3f06b329397e';
const TEAMS_SCOPES = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];
let emulator: RunningEmulator;
let identity: Client;

async function mint(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${emulator.endpoint}emulator/entra/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ objectId: USER, tenantId: 'contoso', appId: APP, scopes: TEAMS_SCOPES, ...body }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));

beforeAll(async () => {
  emulator = await startTestEmulator();
  identity = new CommunicationIdentityClient(emulator.connectionString);
});
afterAll(() => emulator.close());

describe('getTokenForTeamsUser against the emulator', () => {
  it('runs on acs-common', async () => {
    expect((await redirected('@azure/communication-identity')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('exchanges a Teams user Entra token for an ACS token of 8:orgid:<oid>', async () => {
    const teamsUserAadToken = await mint({ expiresInMinutes: 30 });
    const before = Date.now();
    const { token, expiresOn } = await identity.getTokenForTeamsUser({
      teamsUserAadToken,
      clientId: APP,
      userObjectId: USER,
    });
    expect(token.split('.')).toHaveLength(3);
    expect(payloadOf(token)).toMatchObject({ skypeid: `orgid:${USER}`, acsScope: 'voip,chat' });
    // Expires with the Entra token (30 minutes).
    expect(expiresOn.getTime()).toBeGreaterThan(before + 29 * 60_000);
    expect(expiresOn.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
  });

  it('works with an Entra admin credential (RBAC)', async () => {
    const viaEntra = new CommunicationIdentityClient(emulator.endpoint, entraCredential(emulator));
    const teamsUserAadToken = await mint({});
    const { token } = await viaEntra.getTokenForTeamsUser({ teamsUserAadToken, clientId: APP, userObjectId: USER });
    expect(payloadOf(token).skypeid).toBe(`orgid:${USER}`);
  });

  it('answers the service errors: wrong application, wrong user, malformed ids, invalid token', async () => {
    const teamsUserAadToken = await mint({});
    const other = '11111111-2222-3333-4444-555555555555';
    await expect(
      identity.getTokenForTeamsUser({ teamsUserAadToken, clientId: other, userObjectId: USER }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'ValidationError',
      message: 'AAD application is not the expected one.',
    });
    await expect(
      identity.getTokenForTeamsUser({ teamsUserAadToken, clientId: APP, userObjectId: other }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'ValidationError',
      message: 'Provided AAD token issued for unexpected user.',
    });
    await expect(
      identity.getTokenForTeamsUser({ teamsUserAadToken, clientId: 'app', userObjectId: USER }),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: 'Provided AppId has invalid format.',
    });
    await expect(
      identity.getTokenForTeamsUser({ teamsUserAadToken: 'not-a-token', clientId: APP, userObjectId: USER }),
    ).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAccessToken',
    });
    // A token for the ACS Entra exchange (another audience) is not a Teams user token.
    const entraToken = await mint({ scopes: ['https://communication.azure.com/clients/VoIP'] });
    await expect(
      identity.getTokenForTeamsUser({ teamsUserAadToken: entraToken, clientId: APP, userObjectId: USER }),
    ).rejects.toMatchObject({
      statusCode: 401,
    });
  });
});
