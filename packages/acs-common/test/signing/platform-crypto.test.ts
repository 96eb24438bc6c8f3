import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/platform/browser.js';
import * as node from '../../src/platform/node.js';

// The primitive vectors of js-common.md §5.2 (upstream cryptoUtils test), on both platform files:
// the Node one (node:crypto createHash and createHmac) and the WebCrypto one, which
// Node 20 can run too.
const pw = new Uint8Array(Buffer.from('pw==', 'base64'));

describe.each([
  ['node', node],
  ['browser (WebCrypto)', browser],
])('%s platform crypto', (_name, platform) => {
  it('matches the SHA-256 and HMAC-SHA256 vectors', async () => {
    expect(await platform.sha256Base64('banana')).toBe('tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=');
    expect(await platform.sha256Base64('😀')).toBe('8EQ6NCxe9UeDoRG1G6Vsk45HTDIyTZDDpgycjjo34tk=');
    expect(await platform.sha256Base64(new TextEncoder().encode('banana'))).toBe(
      'tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=',
    );
    expect(await platform.sha256Base64('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await platform.hmacSha256Base64(pw, 'banana')).toBe('88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8=');
    expect(await platform.hmacSha256Base64(pw, '😀')).toBe('1rudJKjn2Zi+3hRrBG29wIF6pD6YyAeQR1ZcFtXoKAU=');
  });

  it('hashAndSign: the content hash, then the HMAC of the string built from it, in one step', async () => {
    const [hash, signature] = await platform.hashAndSign(pw, 'banana', 'EMPTY', (contentHash) => `x\n${contentHash}`);
    expect(hash).toBe('tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=');
    expect(signature).toBe(createHmac('sha256', Buffer.from(pw)).update(`x\n${hash}`).digest('base64'));
    const [emptyHash, emptySignature] = await platform.hashAndSign(
      pw,
      undefined,
      'EMPTY',
      (contentHash) => contentHash,
    );
    expect(emptyHash).toBe('EMPTY');
    expect(emptySignature).toBe(createHmac('sha256', Buffer.from(pw)).update('EMPTY').digest('base64'));
  });

  it('agrees with createHash/createHmac for keys and messages of any length (RFC 2104 edge cases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Keys shorter than, equal to (ACS keys are 64 bytes) and longer than the 64-byte block.
        fc.uint8Array({ minLength: 1, maxLength: 200 }), // WebCrypto refuses empty keys; so does decodeAccessKey
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 50 }), // lone surrogates: UTF-8 with U+FFFD, like Buffer
          fc.uint8Array({ maxLength: 300 }),
        ),
        async (key, message) => {
          const expectedHmac = createHmac('sha256', key).update(message).digest('base64');
          const expectedHash = createHash('sha256').update(message).digest('base64');
          expect(await platform.hmacSha256Base64(key, message)).toBe(expectedHmac);
          expect(await platform.sha256Base64(message)).toBe(expectedHash);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('signs messages larger than any scratch buffer, and reuses prepared keys correctly', async () => {
    const big = 'é'.repeat(5000) + randomBytes(3000).toString('latin1');
    const keyA = new Uint8Array(randomBytes(64));
    const keyB = new Uint8Array(randomBytes(64));
    for (const [key, message] of [
      [keyA, big],
      [keyB, 'short'],
      [keyA, 'short'],
      [keyB, new Uint8Array(randomBytes(5000))],
    ] as const) {
      expect(await platform.hmacSha256Base64(key, message)).toBe(
        createHmac('sha256', key).update(message).digest('base64'),
      );
    }
  });
});
