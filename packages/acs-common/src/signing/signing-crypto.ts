import { encodeBase64 } from '../lib/base64.js';
import { utf8Encode } from '../lib/utf8.js';

/**
 * SHA-256 and HMAC-SHA256 supplied by the caller, for runtimes without WebCrypto (React Native's
 * Hermes has no `crypto.subtle`). Each function may return its digest directly or as a promise, as
 * a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer` of 32 bytes. Strings are passed as
 * their UTF-8 bytes, so an implementation never sees text.
 *
 * @example
 * ```ts
 * import { hmac } from '@noble/hashes/hmac';
 * import { sha256 } from '@noble/hashes/sha2';
 *
 * const crypto: SigningCrypto = {
 *   sha256: (data) => sha256(data),
 *   hmacSha256: (key, data) => hmac(sha256, key, data),
 * };
 * pipeline.addPolicy(createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(accessKey), { crypto }));
 * ```
 */
export interface SigningCrypto {
  /** SHA-256 of `data` (the request body). */
  sha256(data: Uint8Array): Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer>;
  /** HMAC-SHA256 of `data` (the string to sign) under `key` (the decoded access key). */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer>;
}

/**
 * Options of the access-key signers (`createHmacHeaders`, the HMAC and auth policies).
 *
 * @example
 * ```ts
 * const options: SigningOptions = { crypto: myReactNativeCrypto };
 * ```
 */
export interface SigningOptions {
  /**
   * The SHA-256 and HMAC-SHA256 to sign with. Default: `node:crypto` under Node, WebCrypto
   * (`crypto.subtle`) elsewhere; without WebCrypto, signing fails with `AcsError`
   * `ERR_UNSUPPORTED_RUNTIME` unless this is given.
   */
  readonly crypto?: SigningCrypto | undefined;
}

const DIGEST_SIZE_IN_BYTES = 32;

/** Checks `options.crypto` where it is passed; `where` names the function for the message. */
export function checkSigningCrypto(crypto: unknown, where: string): SigningCrypto | undefined {
  if (crypto === undefined) return undefined;
  const candidate = crypto as Partial<Record<keyof SigningCrypto, unknown>> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.sha256 !== 'function' ||
    typeof candidate.hmacSha256 !== 'function'
  ) {
    throw new TypeError(
      `${where}: options.crypto must be an object with two functions, sha256(data) and hmacSha256(key, data), each returning 32 bytes (Uint8Array or ArrayBuffer, or a promise of one); omit it to use node:crypto or WebCrypto.`,
    );
  }
  return crypto as SigningCrypto;
}

function digestOf(value: unknown, name: keyof SigningCrypto): Uint8Array {
  const bytes =
    value instanceof Uint8Array
      ? value
      : value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]'
        ? new Uint8Array(value as ArrayBuffer)
        : undefined;
  if (bytes === undefined || bytes.length !== DIGEST_SIZE_IN_BYTES) {
    throw new TypeError(
      `options.crypto.${name} returned ${bytes === undefined ? (value === null ? 'null' : `a ${typeof value}`) : `${bytes.length} bytes`}; it must return the 32-byte digest as a Uint8Array or ArrayBuffer (or a promise of one).`,
    );
  }
  return bytes;
}

/**
 * The content hash and the signature with the caller's crypto: the same contract as the platform
 * module's `hashAndSign` (base64 results, `emptyContentHash` for no body).
 */
export async function hashAndSignWith(
  crypto: SigningCrypto,
  key: Uint8Array,
  body: Uint8Array | string | undefined,
  emptyContentHash: string,
  stringToSignOf: (contentHash: string) => string,
): Promise<[contentHash: string, signature: string]> {
  const contentHash =
    body === undefined
      ? emptyContentHash
      : encodeBase64(digestOf(await crypto.sha256(typeof body === 'string' ? utf8Encode(body) : body), 'sha256'));
  const signature = digestOf(await crypto.hmacSha256(key, utf8Encode(stringToSignOf(contentHash))), 'hmacSha256');
  return [contentHash, encodeBase64(signature)];
}
