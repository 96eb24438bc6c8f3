/**
 * Base64 without `Buffer` or `atob`, so it runs the same in Node, browsers and React Native.
 * Two decoders: a strict one for access keys (canonical standard base64 only) and a lenient one
 * for JWT segments (url-safe or standard alphabet, padding optional), as the .NET and JS parsers
 * accept both.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Sextet value of each char code; -1 for characters outside both alphabets. */
const DECODE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

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

function decodeSextets(input: string, allowUrlSafe: boolean, allowStandard: boolean): Uint8Array | undefined {
  const length = input.length;
  if (length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128) return undefined;
    if ((c === 45 || c === 95) && !allowUrlSafe) return undefined; // - _
    if ((c === 43 || c === 47) && !allowStandard) return undefined; // + /
    const v = DECODE[c] as number;
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

/**
 * Lenient decoder for JWT segments: url-safe or standard alphabet (even mixed), padding
 * optional. Returns `undefined` instead of throwing when the input is not base64.
 */
export function decodeBase64Lenient(input: string): Uint8Array | undefined {
  const unpadded = input.replace(/={1,2}$/, '');
  if (unpadded.length !== input.length && input.length % 4 !== 0) return undefined;
  return decodeSextets(unpadded, true, true);
}

/**
 * Strict decoder for access keys: standard alphabet, canonical padding, unused bits zero.
 * Returns `undefined` when the input is not valid base64.
 */
export function decodeBase64Strict(input: string): Uint8Array | undefined {
  if (input.length % 4 !== 0) return undefined;
  const unpadded = input.endsWith('==') ? input.slice(0, -2) : input.endsWith('=') ? input.slice(0, -1) : input;
  const bytes = decodeSextets(unpadded, false, true);
  if (bytes === undefined) return undefined;
  // Reject non-canonical encodings (non-zero bits in the last sextet), so one key has one spelling.
  return encodeBase64(bytes) === input ? bytes : undefined;
}
