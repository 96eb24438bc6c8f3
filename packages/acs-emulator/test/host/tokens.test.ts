import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createJwtSigner, signJwt, verifyJwt } from '../../src/host/auth/jwt.js';
import { mintAcsToken, mintEntraToken, verifyAcsToken, verifyEntraToken } from '../../src/host/auth/tokens.js';

const acsSigner = createJwtSigner(randomBytes(32), { kid: '1' });
const entraSigner = createJwtSigner(randomBytes(32), { kid: 'acs-emulator-entra' });
const NOW = Date.UTC(2025, 3, 10, 21, 39, 39, 324);

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function acsToken(overrides: Partial<Parameters<typeof mintAcsToken>[1]> = {}) {
  return mintAcsToken(acsSigner, {
    identityId: '8:acs:res_user',
    resourceId: 'res',
    scopes: ['chat', 'voip'],
    issuedAtTimestamp: NOW,
    expiresOnTimestamp: NOW + 86_400_000,
    revision: 7,
    ...overrides,
  });
}

describe('ACS access tokens', () => {
  it('carry the claims of a real ACS token (peers-and-pain §3d)', () => {
    const { token, expiresOnTimestamp } = acsToken();
    const [header, payload] = token.split('.') as [string, string, string];
    expect(decode(header)).toEqual({ alg: 'HS256', kid: '1', typ: 'JWT' });
    const iat = Math.floor(NOW / 1000);
    expect(decode(payload)).toEqual({
      skypeid: 'acs:res_user',
      scp: 1792,
      csi: String(iat),
      exp: iat + 86_400,
      acsScope: 'chat,voip',
      resourceId: 'res',
      iat,
      rev: 7,
    });
    expect(expiresOnTimestamp).toBe((iat + 86_400) * 1000);
  });

  it('verify until they expire', () => {
    const { token, expiresOnTimestamp } = acsToken();
    expect(verifyAcsToken(acsSigner, token, expiresOnTimestamp - 1)).toEqual({
      claims: { identityId: '8:acs:res_user', scopes: ['chat', 'voip'], expiresOnTimestamp, revision: 7 },
    });
    expect(verifyAcsToken(acsSigner, token, expiresOnTimestamp)).toEqual({ reason: 'The access token has expired.' });
  });

  it('reject an altered payload, an altered or re-spelled signature, another key and garbage', () => {
    const { token } = acsToken();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const longer = Buffer.from(JSON.stringify({ ...decode(payload), exp: 4_102_444_800 })).toString('base64url');
    expect(verifyAcsToken(acsSigner, `${header}.${longer}.${signature}`, NOW)).toEqual({
      reason: 'The token signature is invalid.',
    });
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyAcsToken(acsSigner, `${header}.${payload}.${flipped}`, NOW)).toMatchObject({
      reason: expect.any(String),
    });
    const otherSigner = createJwtSigner(randomBytes(32), { kid: '1' });
    expect(verifyAcsToken(otherSigner, token, NOW)).toEqual({ reason: 'The token signature is invalid.' });
    for (const garbage of ['', 'abc', 'a.b', 'a.b.c.d', `${header}.${payload}.`, `${header}..${signature}`]) {
      expect(verifyAcsToken(acsSigner, garbage, NOW)).toMatchObject({ reason: expect.any(String) });
    }
  });

  it('reject an unsigned token with the right claims', () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${acsToken().token.split('.')[1]}.`;
    expect(verifyAcsToken(acsSigner, unsigned, NOW)).toEqual({ reason: 'The token was not issued by this emulator.' });
  });

  it('reject a well-signed token whose claims are not an ACS token', () => {
    const token = signJwt(acsSigner, { sub: 'x', exp: 4_102_444_800 });
    expect(verifyAcsToken(acsSigner, token, NOW)).toEqual({ reason: 'The token is missing required claims.' });
    expect(verifyJwt(acsSigner, signJwt(acsSigner, { a: 1 }))).toEqual({ payload: { a: 1 } });
  });
});

describe('stand-in Entra tokens', () => {
  const mint = (audience: string) =>
    mintEntraToken(entraSigner, {
      audience,
      scopeNames: ['VoIP'],
      objectId: 'oid',
      tenantId: 'tid',
      issuedAtTimestamp: NOW,
      expiresOnTimestamp: NOW + 3_600_000,
    });

  it('verify with the family of their audience', () => {
    const { token, expiresOnTimestamp } = mint('https://communication.azure.com/clients');
    expect(verifyEntraToken(entraSigner, token, NOW)).toEqual({
      claims: { objectId: 'oid', tenantId: 'tid', family: 'entra', scopeNames: ['VoIP'], expiresOnTimestamp },
    });
    const teams = mint('https://auth.msft.communication.azure.us');
    expect(verifyEntraToken(entraSigner, teams.token, NOW)).toMatchObject({ claims: { family: 'teamsExtension' } });
  });

  it('expire, and are not interchangeable with ACS tokens', () => {
    const { token, expiresOnTimestamp } = mint('https://communication.azure.com/clients');
    expect(verifyEntraToken(entraSigner, token, expiresOnTimestamp)).toEqual({
      reason: 'The Entra token has expired.',
    });
    expect(verifyAcsToken(acsSigner, token, NOW)).toMatchObject({ reason: expect.any(String) });
    expect(verifyEntraToken(entraSigner, acsToken().token, NOW)).toMatchObject({ reason: expect.any(String) });
  });
});
