/**
 * One AccessToken guard for every token source, and one rule for an expiry that is not a date
 * (NaN, ±Infinity, beyond the range of a JavaScript Date): such a token is refused, with an error
 * that names where it came from, and never cached (issue 8, defect 1).
 */
import { describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential, isAccessToken } from '../../src/credential/index.js';
import { AcsError } from '../../src/lib/errors.js';
import { ManualClock } from '../../src/testing/index.js';
import { upstreamToken } from './helpers.js';

const START = Date.parse('2026-11-28T12:00:00Z');
const NOT_DATES = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 9e15, -9e15];

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('isAccessToken', () => {
  it('accepts a non-empty token with an expiry that is a date, and nothing else', () => {
    expect(isAccessToken({ token: 't', expiresOnTimestamp: START })).toBe(true);
    expect(isAccessToken({ token: 't', expiresOnTimestamp: 8.64e15 })).toBe(true);
    for (const expiresOnTimestamp of NOT_DATES) expect(isAccessToken({ token: 't', expiresOnTimestamp })).toBe(false);
    expect(isAccessToken({ token: '', expiresOnTimestamp: START })).toBe(false);
    expect(isAccessToken({ token: 't', expiresOnTimestamp: String(START) })).toBe(false);
    expect(isAccessToken(null)).toBe(false);
  });
});

describe('an expiry that is not a date is refused, for every source', () => {
  it('a refresher result: AcsError ERR_INVALID_TOKEN naming the tokenRefresher; not cached, so the next call asks again', async () => {
    for (const expiresOnTimestamp of NOT_DATES) {
      const clock = new ManualClock(START);
      const tokenRefresher = vi.fn(() => ({ token: 'opaque-value', expiresOnTimestamp }));
      const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
      const error = await rejection(credential.getToken());
      expect(error).toBeInstanceOf(AcsError);
      expect((error as AcsError).code).toBe('ERR_INVALID_TOKEN');
      expect(error.message).toMatch(/tokenRefresher/);
      expect(error.message).toContain('expiresOnTimestamp');
      expect(error.message).not.toContain('opaque-value');
      await rejection(credential.getToken());
      expect(tokenRefresher).toHaveBeenCalledTimes(2);
    }
  });

  it('a JWT whose exp is 1e306 (exp × 1000 is Infinity): refused from the refresher, and as a constructor argument', async () => {
    const absurd = upstreamToken(1e306);
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher: () => absurd });
    const error = await rejection(credential.getToken());
    expect(error).toBeInstanceOf(AcsError);
    expect((error as AcsError).code).toBe('ERR_INVALID_TOKEN');
    expect(error.message).toMatch(/exp claim/);
    expect(error.message).not.toContain(absurd);
    expect(() => new AzureCommunicationTokenCredential(absurd)).toThrow(TypeError);
    expect(() => new AzureCommunicationTokenCredential(absurd)).toThrow(/exp claim/);
    expect(() => new AzureCommunicationTokenCredential(upstreamToken(-1e13))).toThrow(/exp claim/);
  });

  it('a static or initial AccessToken: TypeError at the constructor, saying which field is wrong', () => {
    for (const expiresOnTimestamp of NOT_DATES) {
      expect(() => new AzureCommunicationTokenCredential({ token: 'opaque', expiresOnTimestamp })).toThrow(TypeError);
      expect(() => new AzureCommunicationTokenCredential({ token: 'opaque', expiresOnTimestamp })).toThrow(
        /expiresOnTimestamp/,
      );
      expect(
        () =>
          new AzureCommunicationTokenCredential({
            tokenRefresher: () => 'x',
            token: { token: 'opaque', expiresOnTimestamp },
          }),
      ).toThrow(TypeError);
    }
  });
});
