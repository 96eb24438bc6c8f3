/**
 * Base64 without `Buffer` or `atob`, so it runs the same in Node, browsers and React Native.
 * Two decoders: a strict one for access keys (canonical standard base64 only) and a lenient one
 * for JWT segments (url-safe or standard alphabet, padding optional), as the .NET and JS parsers
 * accept both.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  const length = bytes.length;
  let i = 0;
  for (; i + 2 < length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  if (i < length) {
    const a = bytes[i] as number;
    const b = i + 1 < length ? (bytes[i + 1] as number) : 0;
    const n = (a << 16) | (b << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < length ? `${ALPHABET.charAt((n >> 6) & 63)}=` : '==';
  }
  return out;
}

/** base64url without padding (RFC 4648 §5), as used in JWT segments. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Decodes standard-alphabet base64 without padding; `undefined` for anything else. */
function decodeUnpadded(input: string): Uint8Array | undefined {
  if (input.length % 4 === 1) return undefined;
  const out = new Uint8Array((input.length * 3) >> 2);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < input.length; i++) {
    const sextet = ALPHABET.indexOf(input.charAt(i));
    if (sextet < 0) return undefined;
    buffer = (buffer << 6) | sextet;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Lenient decoder for JWT segments: url-safe or standard alphabet (even mixed), padding
 * optional. Returns `undefined` instead of throwing when the input is not base64.
 */
export function decodeBase64Lenient(input: string): Uint8Array | undefined {
  const unpadded = input.replace(/={1,2}$/, '');
  if (unpadded.length !== input.length && input.length % 4 !== 0) return undefined;
  return decodeUnpadded(unpadded.replace(/-/g, '+').replace(/_/g, '/'));
}

/**
 * Strict decoder for access keys: standard alphabet, canonical padding, unused bits zero.
 * Returns `undefined` when the input is not valid base64.
 */
export function decodeBase64Strict(input: string): Uint8Array | undefined {
  if (input.length % 4 !== 0) return undefined;
  const bytes = decodeUnpadded(input.replace(/={1,2}$/, ''));
  // Re-encoding rejects non-canonical spellings (stray bits, misplaced '='): one key, one spelling.
  return bytes !== undefined && encodeBase64(bytes) === input ? bytes : undefined;
}
