/** Vectors for the WWW-Authenticate reader behind the bearer policy's CAE handling (pure). */
import { describe, expect, it } from 'vitest';
import { caeClaims } from '../../src/signing/claims-challenge.js';

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1726165975"}}}';
const B64 = Buffer.from(CLAIMS).toString('base64');

describe('caeClaims', () => {
  it('reads the claims of a Bearer insufficient_claims challenge (the Entra documentation example shape)', () => {
    const header = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${B64}"`;
    expect(caeClaims(header)).toBe(CLAIMS);
  });

  it('accepts base64 without padding and the url-safe alphabet, and any case of the scheme', () => {
    expect(caeClaims(`bearer error="insufficient_claims", claims="${B64.replace(/=+$/, '')}"`)).toBe(CLAIMS);
    expect(caeClaims(`BEARER claims="${Buffer.from(CLAIMS).toString('base64url')}", error="insufficient_claims"`)).toBe(
      CLAIMS,
    );
  });

  it('finds it among several challenges and keeps commas inside quoted values', () => {
    expect(caeClaims(`Basic realm="a, b", Bearer realm="x,y", error="insufficient_claims", claims="${B64}"`)).toBe(
      CLAIMS,
    );
    expect(caeClaims(`PoP nonce="n", Bearer error=insufficient_claims, claims="${B64}"`)).toBe(CLAIMS);
  });

  it('reads quoted-pair escapes in quoted strings', () => {
    expect(caeClaims(`Bearer realm="a\\"b", error="insufficient_claims", claims="${B64}"`)).toBe(CLAIMS);
  });

  it('undefined: no header, another error, no claims, empty claims, or the claims under another scheme', () => {
    for (const header of [
      undefined,
      '',
      'Bearer error="invalid_token"',
      'Bearer error="insufficient_claims"',
      'Bearer error="insufficient_claims", claims=""',
      `PoP error="insufficient_claims", claims="${B64}"`,
    ]) {
      expect(caeClaims(header), String(header)).toBeUndefined();
    }
  });

  it('null: claims that are not base64 (the 401 is then returned as is)', () => {
    expect(caeClaims('Bearer error="insufficient_claims", claims="not base64!"')).toBeNull();
  });
});
