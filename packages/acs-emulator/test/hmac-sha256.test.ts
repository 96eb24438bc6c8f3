import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256Base64 } from '../src/hmac-sha256.js';

describe('hmacSha256 (RFC 2104 over one-shot hashes)', () => {
  it('matches the primitive vectors of js-common §5.2', () => {
    const sign = hmacSha256(Buffer.from('pw==', 'base64'));
    expect(sign('banana', 'base64')).toBe('88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8=');
    expect(sign('😀', 'base64')).toBe('1rudJKjn2Zi+3hRrBG29wIF6pD6YyAeQR1ZcFtXoKAU=');
    expect(sha256Base64(Buffer.from('banana'))).toBe('tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=');
  });

  it('equals createHmac for every key length (short, block-sized, longer than a block) and message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })),
        fc.constantFrom('base64' as const, 'base64url' as const),
        (key, message, encoding) => {
          const sign = hmacSha256(key);
          const expected = createHmac('sha256', key).update(message).digest(encoding);
          // Twice: the reused outer buffer must not leak state between calls.
          expect(sign(message, encoding)).toBe(expected);
          expect(sign(message, encoding)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals createHmac for messages around and past its reused buffer (2 KB), lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 600, maxLength: 2100 }),
          fc.string({ unit: 'grapheme', minLength: 600, maxLength: 1200 }),
          fc.uint8Array({ minLength: 1900, maxLength: 2100 }),
        ),
        fc.string({ maxLength: 20 }),
        (key, long, short) => {
          const sign = hmacSha256(key);
          // A long message then a short one: nothing of the first may leak into the second.
          expect(sign(long, 'base64')).toBe(createHmac('sha256', key).update(long).digest('base64'));
          expect(sign(short, 'base64url')).toBe(createHmac('sha256', key).update(short).digest('base64url'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hashes bodies like createHash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        expect(sha256Base64(bytes)).toBe(createHash('sha256').update(bytes).digest('base64'));
      }),
    );
  });
});
