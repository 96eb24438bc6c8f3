import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient, decodeBase64Strict, encodeBase64, encodeBase64Url } from '../src/lib/base64.js';

const nodeBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('base64', () => {
  it('encodes like Node for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => encodeBase64(bytes) === nodeBase64(bytes)));
  });

  it('strict decode round-trips canonical base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64Strict(nodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('strict decode rejects what is not canonical base64', () => {
    for (const bad of ['not base64!', 'pw=', 'pw', 'p===', 'pw-_', 'pQ==x', 'pX==', '\u00e9\u00e9==', ' pw==']) {
      expect(decodeBase64Strict(bad), bad).toBeUndefined();
    }
    expect(decodeBase64Strict('')).toEqual(new Uint8Array(0));
  });

  it('lenient decode accepts both alphabets, with or without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const standard = nodeBase64(bytes);
        expect(decodeBase64Lenient(standard)).toEqual(bytes);
        expect(decodeBase64Lenient(standard.replace(/=+$/, ''))).toEqual(bytes);
        expect(decodeBase64Lenient(encodeBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(decodeBase64Lenient('a')).toBeUndefined();
    expect(decodeBase64Lenient('ab$c')).toBeUndefined();
  });
});
