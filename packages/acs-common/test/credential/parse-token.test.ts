import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/credential/index.js';
import { isAccessToken, parseToken } from '../../src/credential/parse-token.js';
import { isTimestamp } from '../../src/lib/access-token.js';
import { readJwtTimes } from '../../src/lib/jwt.js';
import { upstreamToken } from './helpers.js';

const readJwtExpiry = (token: string) => readJwtTimes(token)?.exp;

const NOW = Date.parse('2026-11-28T12:00:00Z');
const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';

describe('parseToken: vectors', () => {
  it('reads exp from the README vector (js-common §3.3)', () => {
    const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjM2MDB9.adM-ddBZZlQ1WlN3pdPBOF5G4Wh9iZpxNP_fSvpF4cWs';
    expect(parseToken(token, NOW)).toEqual({ token, expiresOnTimestamp: 3_600_000 });
  });

  it('reads the .NET SampleToken and ExpiredToken (dotnet-common §2.1)', () => {
    const sample = `${HEADER}.eyJleHAiOjMyNTAzNjgwMDAwfQ.9i7FNNHHJT8cOzo-yrAUJyBSfJ-tPPk2emcHavOEpWc`;
    const expired = `${HEADER}.eyJleHAiOjEwMH0.1h_scYkNp-G98-O4cW6KvfJZwiz54uJMyeDACE4nypg`;
    expect(parseToken(sample, NOW).expiresOnTimestamp).toBe(32_503_680_000_000);
    expect(parseToken(expired, NOW).expiresOnTimestamp).toBe(100_000);
  });

  it('accepts standard base64 with padding, url-safe without, and fractional exp', () => {
    expect(readJwtExpiry(`${HEADER}.eyJleHAiOiAxMjAwfQ==.x`)).toBe(1200);
    expect(readJwtExpiry(`${HEADER}.eyJleHAiOiAxMjAwfQ.x`)).toBe(1200);
    expect(parseToken(upstreamToken(1_700_000_123.5), NOW).expiresOnTimestamp).toBe(1_700_000_123_500);
    // "?" and ">" in the JSON make the two alphabets differ: {"exp":1,"a":"?>?"}
    const json = JSON.stringify({ exp: 1, a: '?>?>' });
    const standard = Buffer.from(json).toString('base64');
    const urlSafe = Buffer.from(json).toString('base64url');
    expect(standard).not.toBe(urlSafe);
    expect(readJwtExpiry(`h.${standard}.s`)).toBe(1);
    expect(readJwtExpiry(`h.${urlSafe}.s`)).toBe(1);
    expect(readJwtExpiry(`h.${urlSafe}`)).toBe(1);
  });

  it('treats undecodable strings as opaque: now + the fallback interval', () => {
    // .NET throws FormatException for these (dotnet-common §2.1, §5.5 test 6); SPEC §3 follows 2.5.0: opaque.
    const opaque = [
      'foo',
      'foo.bar',
      'foo.bar.foobar',
      'Invalid.Token',
      'Invalid_Base64_String',
      'IAmNotAToken',
      'not.a.real.token',
      ['b3BhcXVl', 'b3BhcXVl', 'b3BhcXVl', 'b3BhcXVl', 'b3BhcXVl'].join('.'), // a 5-segment JWE
      upstreamToken(1).replace(/\.[^.]+\./, `.${Buffer.from('{"exp":"123"}').toString('base64url')}.`),
      `${HEADER}.${Buffer.from('{"iat":5}').toString('base64url')}.s`,
      `${HEADER}.${Buffer.from('null').toString('base64url')}.s`,
      `${HEADER}.${Buffer.from('[1]').toString('base64url')}.s`,
    ];
    for (const token of opaque) {
      expect(parseToken(token, NOW), token).toEqual({ token, expiresOnTimestamp: NOW + 600_000 });
      expect(parseToken(token, NOW, 1800).expiresOnTimestamp).toBe(NOW + 1_800_000);
    }
  });

  it('passes AccessTokens through as the same object', () => {
    const accessToken = { token: 'opaque', expiresOnTimestamp: NOW + 8 * 3_600_000, extra: 1 };
    expect(parseToken(accessToken, NOW)).toBe(accessToken);
    expect(isAccessToken({ token: '', expiresOnTimestamp: 1 })).toBe(false);
    expect(isAccessToken({ token: 'x', expiresOnTimestamp: Number.NaN })).toBe(false);
  });

  it('rejects empty tokens and non-tokens with the official texts', () => {
    expect(() => parseToken('', NOW)).toThrow('Invalid token: token must not be empty.');
    expect(() => parseToken('   ', NOW)).toThrow('Invalid token: token must not be empty.');
    for (const value of [undefined, null, 42, {}, { token: 'x' }]) {
      expect(() => parseToken(value, NOW)).toThrow(
        'Invalid token: expected a string or an AccessToken with a non-empty token and a finite expiresOnTimestamp.',
      );
    }
    expect(() => parseToken(42, NOW, 600, 'The tokenRefresher')).toThrow(/The tokenRefresher returned number\.$/);
    // A constructor argument is a TypeError; a returned value an AcsError naming its source.
    expect(() => parseToken('', NOW)).toThrow(TypeError);
    expect(() => parseToken('', NOW, 600, 'The tokenRefresher')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_TOKEN' }),
    );
  });
});

describe('parseToken: differential against @azure/communication-common 2.5.0', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const expiryOf = async (credential: { getToken(): Promise<{ expiresOnTimestamp: number }> }) =>
    (await credential.getToken()).expiresOnTimestamp;

  it('agrees on the expiry of JWTs with arbitrary payloads', async () => {
    const claim = fc.oneof(
      fc.integer({ min: -1e10, max: 1e11 }),
      fc.double({ min: -1e10, max: 1e11, noNaN: true }),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const payload = fc.oneof(
      fc.record({ exp: claim, iat: fc.integer() }, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 5 }), claim, { maxKeys: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const alphabet = fc.constantFrom<BufferEncoding>('base64', 'base64url');
    await fc.assert(
      fc.asyncProperty(payload, alphabet, fc.boolean(), async (body, encoding, signature) => {
        const segment = Buffer.from(JSON.stringify(body) ?? 'null').toString(encoding);
        const token = `${HEADER}.${segment}${signature ? '.sig' : ''}`;
        const official = await expiryOf(new Official(token));
        // The deliberate difference: 2.5.0 caches a token whose exp is not a date for ever; we refuse it.
        if (!isTimestamp(official) && readJwtExpiry(token) !== undefined) {
          expect(() => new AzureCommunicationTokenCredential(token)).toThrow(/exp claim/);
        } else {
          expect(await expiryOf(new AzureCommunicationTokenCredential(token))).toBe(official);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on arbitrary strings made of base64 characters and dots', async () => {
    const text = fc.string({
      unit: fc.constantFrom(...'AZaz09+/-_=.eyJ'.split('')),
      minLength: 1,
      maxLength: 40,
    });
    await fc.assert(
      fc.asyncProperty(text, async (token) => {
        if (token.trim() === '') return;
        expect(await expiryOf(new AzureCommunicationTokenCredential(token))).toBe(await expiryOf(new Official(token)));
      }),
      { numRuns: 500 },
    );
  });
});
