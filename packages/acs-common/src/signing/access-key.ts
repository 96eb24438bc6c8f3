import { decodeBase64Strict } from '../lib/base64.js';
import { AcsError } from '../lib/errors.js';

/**
 * Access key string → HMAC key bytes. Decoding happens once per key string: the policy reads
 * `credential.key` on every request, so a rotated key (a new string) is decoded on its first use
 * and the old one simply stops being looked up. A few keys are kept for processes that talk to
 * several resources.
 */
const decodedKeys = new Map<string, Uint8Array>();
const MAX_CACHED_KEYS = 8;

/**
 * The HMAC key for an access key: its base64 decoding. Throws `AcsError` `ERR_INVALID_ACCESS_KEY`
 * (without the key in the message) when the key is not canonical standard base64, the same on
 * every platform.
 */
export function decodeAccessKey(accessKey: string): Uint8Array {
  const cached = decodedKeys.get(accessKey);
  if (cached !== undefined) return cached;
  if (typeof accessKey !== 'string' || accessKey === '') {
    throw new AcsError(
      'The access key is empty or not a string; pass the base64 access key of the Communication Services resource (Azure portal, Keys page).',
      'ERR_INVALID_ACCESS_KEY',
    );
  }
  const bytes = decodeBase64Strict(accessKey);
  if (bytes === undefined) {
    throw new AcsError(
      `The access key is not valid base64 (${describeShape(accessKey)}). Access keys are standard base64 with = padding, for example 88 characters ending in "=="; copy the key again from the Azure portal (Keys page) or the connection string's accesskey value, without quotes or spaces.`,
      'ERR_INVALID_ACCESS_KEY',
    );
  }
  if (decodedKeys.size >= MAX_CACHED_KEYS) decodedKeys.clear();
  decodedKeys.set(accessKey, bytes);
  return bytes;
}

/** What is wrong with a key, described without revealing any of its characters. */
function describeShape(accessKey: string): string {
  if (accessKey.trim() !== accessKey) return 'it has leading or trailing whitespace';
  if (/[-_]/.test(accessKey)) return 'it uses the url-safe alphabet (- or _)';
  if (/[^A-Za-z0-9+/=]/.test(accessKey)) return 'it contains characters outside the base64 alphabet';
  if (accessKey.length % 4 !== 0) return `its length, ${accessKey.length}, is not a multiple of 4`;
  return 'its padding or final bits are not canonical';
}
