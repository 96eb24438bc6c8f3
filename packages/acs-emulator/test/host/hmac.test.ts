import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HmacRequestParts, MAX_CLOCK_SKEW_IN_MS, verifyHmac } from '../../src/host/auth/hmac.js';

// Vectors of reference/js-common.md §5.2 (upstream communicationKeyCredentialPolicy tests and
// 2.5.0 outputs): key `pw==`, date Wed, 13 Apr 2022 18:09:12 GMT.
const KEY = Buffer.from('pw==', 'base64');
const DATE = 'Wed, 13 Apr 2022 18:09:12 GMT';
const DATE_TIMESTAMP = Date.UTC(2022, 3, 13, 18, 9, 12);
const EMPTY_HASH = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

const auth = (signature: string) =>
  `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`;

const parts = (overrides: Partial<HmacRequestParts> = {}): HmacRequestParts => ({
  method: 'GET',
  pathAndQuery: '/testPath?testQuery=test',
  host: 'example.com',
  authorization: auth('DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU='),
  xMsDate: DATE,
  date: undefined,
  contentSha256: EMPTY_HASH,
  body: new Uint8Array(0),
  ...overrides,
});

describe('verifyHmac', () => {
  it.each([
    ['/testPath?testQuery=test', 'example.com', 'DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU='],
    ['/testPath', 'example.com', '+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU='],
    ['/p?api-version=2021-03-07', 'example.com:8443', 'WCneBlresaoyOZUoV31IsKo0cBjwOrRsVRbjojXs5vk='],
    ['/', 'example.com', 'X2lD3c1+T+BNWQrZHoVV5SSECO9sAokjs10ATeB5qm4='],
  ])('accepts the reference vector %s on %s', (pathAndQuery, host, signature) => {
    expect(verifyHmac(parts({ pathAndQuery, host, authorization: auth(signature) }), KEY, DATE_TIMESTAMP)).toEqual({
      ok: true,
    });
  });

  it('hashes the exact body bytes (POST {"a":1}, 😀 on PUT)', () => {
    const post = parts({
      method: 'POST',
      pathAndQuery: '/p',
      body: Buffer.from('{"a":1}'),
      contentSha256: 'AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=',
      authorization: auth('huD2hEMLotOXDzvsOJ10ih2tiqL8BYSiNToWhH4+ubg='),
    });
    expect(verifyHmac(post, KEY, DATE_TIMESTAMP).ok).toBe(true);
    const put = parts({
      method: 'PUT',
      pathAndQuery: '/p',
      body: Buffer.from('😀'),
      contentSha256: '8EQ6NCxe9UeDoRG1G6Vsk45HTDIyTZDDpgycjjo34tk=',
      authorization: auth('fW4icl1mZq2p3vzaFc5yF52NSoLmSiUpH94R2+PbhLI='),
    });
    expect(verifyHmac(put, KEY, DATE_TIMESTAMP).ok).toBe(true);
  });

  it('rejects a body that differs from its declared hash, with the service message', () => {
    const result = verifyHmac(parts({ body: Buffer.from('x') }), KEY, DATE_TIMESTAMP);
    expect(result).toMatchObject({
      ok: false,
      reason: "Request 'x-ms-content-sha256' differs from generated content hash.",
    });
  });

  it('signs the target as received: a re-encoded query does not verify', () => {
    // Same request, but the server saw `%20` where the signer signed `+`.
    const signedPlus = parts({
      pathAndQuery: '/a%20b/c?x=a%20b&y=%2F&z=%C3%A9',
      authorization: auth('cue1W7KIikIS80jYQmDHuVjeBnDWVM1dDzj3Z5EggOQ='),
    });
    expect(verifyHmac(signedPlus, KEY, DATE_TIMESTAMP).ok).toBe(false);
    const asSigned = parts({
      pathAndQuery: '/a%20b/c?x=a+b&y=%2F&z=%C3%A9',
      authorization: auth('cue1W7KIikIS80jYQmDHuVjeBnDWVM1dDzj3Z5EggOQ='),
    });
    expect(verifyHmac(asSigned, KEY, DATE_TIMESTAMP).ok).toBe(true);
  });

  it('accepts x-ms-date up to 15 minutes either way, not beyond', () => {
    expect(verifyHmac(parts(), KEY, DATE_TIMESTAMP + MAX_CLOCK_SKEW_IN_MS).ok).toBe(true);
    expect(verifyHmac(parts(), KEY, DATE_TIMESTAMP - MAX_CLOCK_SKEW_IN_MS).ok).toBe(true);
    const late = verifyHmac(parts(), KEY, DATE_TIMESTAMP + MAX_CLOCK_SKEW_IN_MS + 1000);
    expect(late).toMatchObject({
      ok: false,
      reason: 'The x-ms-date header is more than 15 minutes away from the server time.',
    });
    expect(verifyHmac(parts(), KEY, DATE_TIMESTAMP - MAX_CLOCK_SKEW_IN_MS - 1000).ok).toBe(false);
  });

  it('rejects dates that are not RFC 1123', () => {
    for (const xMsDate of [
      '2022-04-13T18:09:12Z',
      'Wed, 13 Apr 2022 18:09:12 UTC',
      'Wed, 31 Feb 2022 18:09:12 GMT',
      '',
    ]) {
      expect(verifyHmac(parts({ xMsDate }), KEY, DATE_TIMESTAMP)).toMatchObject({ ok: false });
    }
  });

  it('accepts the legacy form that signs the Date header', () => {
    const legacy = parts({
      xMsDate: undefined,
      date: DATE,
      authorization:
        'HMAC-SHA256 SignedHeaders=date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
    });
    expect(verifyHmac(legacy, KEY, DATE_TIMESTAMP).ok).toBe(true);
  });

  it('rejects a wrong key, a wrong host, a wrong method, a truncated or altered signature', () => {
    expect(verifyHmac(parts(), Buffer.from('other key'), DATE_TIMESTAMP).ok).toBe(false);
    expect(verifyHmac(parts({ host: 'example.com:443' }), KEY, DATE_TIMESTAMP).ok).toBe(false);
    expect(verifyHmac(parts({ method: 'POST' }), KEY, DATE_TIMESTAMP).ok).toBe(false);
    expect(
      verifyHmac(parts({ authorization: auth('DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3t') }), KEY, DATE_TIMESTAMP).ok,
    ).toBe(false);
    expect(
      verifyHmac(parts({ authorization: auth('EGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=') }), KEY, DATE_TIMESTAMP)
        .ok,
    ).toBe(false);
  });

  it.each([
    [{ authorization: undefined }, 'The request has no Authorization header.'],
    [{ authorization: 'Bearer abc' }, 'must be'],
    [{ authorization: 'HMAC-SHA256 Signature=abc' }, 'must be'],
    [{ authorization: 'HMAC-SHA256 SignedHeaders=host&Signature=abc' }, 'SignedHeaders must be'],
    [{ xMsDate: undefined }, 'no x-ms-date'],
    [{ host: undefined }, 'no Host'],
    [{ contentSha256: undefined }, 'no x-ms-content-sha256'],
  ] as const)('says what is missing (%o)', (override, reason) => {
    const result = verifyHmac(parts(override), KEY, DATE_TIMESTAMP);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('reads the canonical Authorization spelling exactly as any other spelling of it', () => {
    // The canonical `HMAC-SHA256 SignedHeaders=x-ms-date;…&Signature=` prefix has a fast path; the
    // lower-case spelling takes the general parse. Both must agree for every signature text.
    const signature = 'DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=';
    const other = (tail: string) => `hmac-sha256 signedheaders=x-ms-date;host;x-ms-content-sha256&signature=${tail}`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(signature),
          fc.string(),
          fc.constantFrom(`${signature} `, ` ${signature}`, `${signature}&x=1`, `${signature}&signature=`, '', '\t'),
        ),
        (tail) => {
          expect(verifyHmac(parts({ authorization: auth(tail) }), KEY, DATE_TIMESTAMP)).toEqual(
            verifyHmac(parts({ authorization: other(tail) }), KEY, DATE_TIMESTAMP),
          );
        },
      ),
    );
    expect(verifyHmac(parts({ authorization: auth(`${signature} `) }), KEY, DATE_TIMESTAMP).ok).toBe(true);
    expect(verifyHmac(parts({ authorization: auth(`${signature}&x=1`) }), KEY, DATE_TIMESTAMP).ok).toBe(true);
  });

  it('never echoes the signature it was sent', () => {
    const signature = 'EGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=';
    const result = verifyHmac(parts({ authorization: auth(signature) }), KEY, DATE_TIMESTAMP);
    expect(JSON.stringify(result)).not.toContain(signature);
  });

  it('refuses a signature with non-ASCII characters of the right length instead of throwing (was a 500)', () => {
    // 44 UTF-16 units like a real signature, but more UTF-8 bytes: timingSafeEqual used to throw.
    const signature = `é${'A'.repeat(42)}=`;
    expect(signature.length).toBe(44);
    const result = verifyHmac(parts({ authorization: auth(signature) }), KEY, DATE_TIMESTAMP);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('signature does not match') });
  });

  it('reports what it computed (string to sign, content hash) and what it received, never the expected signature', () => {
    const result = verifyHmac(
      parts({ authorization: auth('EGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=') }),
      KEY,
      DATE_TIMESTAMP,
    );
    if (result.ok) throw new Error('expected a refusal');
    expect(result.diagnostics).toEqual({
      stringToSign: `GET\n/testPath?testQuery=test\n${DATE};example.com;${EMPTY_HASH}`,
      computedContentHash: EMPTY_HASH,
      received: {
        xMsDate: DATE,
        host: 'example.com',
        contentSha256: EMPTY_HASH,
        signedHeaders: 'x-ms-date;host;x-ms-content-sha256',
      },
    });
    expect(JSON.stringify(result)).not.toContain('DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=');
  });
});
