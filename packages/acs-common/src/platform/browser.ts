import { encodeBase64 } from '../lib/base64.js';
import { unsupportedRuntime } from '../lib/errors.js';
import { utf8Encode } from '../lib/utf8.js';
import type { PlatformModule } from './contract.js';

// Browsers and other non-Node runtimes: WebCrypto. A key is imported once per key array
// (identity): the signer passes the same decoded array for every request with that key.

const importedKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/**
 * The WebCrypto digest and HMAC functions, looked up at each call (never at import time). Where
 * they are missing (React Native, a page outside a secure context) signing fails with an error
 * that says what to do, instead of `ReferenceError: crypto is not defined`.
 */
function subtle(): SubtleCrypto {
  const subtleCrypto = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtleCrypto === undefined) {
    throw unsupportedRuntime(
      'WebCrypto (crypto.subtle)',
      'HMAC-SHA256 request signing with an access key',
      'pass your own SHA-256 and HMAC-SHA256 as the `crypto` option of createCommunicationAccessKeyCredentialPolicy, createCommunicationAuthPolicy or createHmacHeaders (for example built on @noble/hashes or react-native-quick-crypto). Browsers offer crypto.subtle only in secure contexts (https or localhost).',
    );
  }
  return subtleCrypto;
}

function bytesOf(data: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return (typeof data === 'string' ? utf8Encode(data) : data) as Uint8Array<ArrayBuffer>;
}

export async function sha256Base64(data: Uint8Array | string): Promise<string> {
  const digest = await subtle().digest('SHA-256', bytesOf(data));
  return encodeBase64(new Uint8Array(digest));
}

export async function hmacSha256Base64(key: Uint8Array, data: Uint8Array | string): Promise<string> {
  let cryptoKey = importedKeys.get(key);
  if (cryptoKey === undefined) {
    cryptoKey = subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    importedKeys.set(key, cryptoKey);
    // A failed import must not stay cached.
    cryptoKey.catch(() => importedKeys.delete(key));
  }
  const signature = await subtle().sign('HMAC', await cryptoKey, bytesOf(data));
  return encodeBase64(new Uint8Array(signature));
}

export async function hashAndSign(
  key: Uint8Array,
  body: Uint8Array | string | undefined,
  emptyContentHash: string,
  stringToSignOf: (contentHash: string) => string,
): Promise<[contentHash: string, signature: string]> {
  const contentHash = body === undefined ? emptyContentHash : await sha256Base64(body);
  return [contentHash, await hmacSha256Base64(key, stringToSignOf(contentHash))];
}

export function readEnvironment(_name: string): string | undefined {
  return undefined;
}

export function writeLogLine(level: 'error' | 'warning' | 'info' | 'verbose', line: string): void {
  const sink = level === 'error' ? console.error : level === 'warning' ? console.warn : console.info;
  sink(line);
}

({ sha256Base64, hmacSha256Base64, hashAndSign, readEnvironment, writeLogLine }) satisfies PlatformModule;
