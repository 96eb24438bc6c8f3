import { encodeBase64 } from '../lib/base64.js';
import type { PlatformModule } from './contract.js';

// Browsers and other non-Node runtimes: WebCrypto. Keys are imported once per key string.

const importedKeys = new Map<string, Promise<CryptoKey>>();

function keyId(key: Uint8Array): string {
  return encodeBase64(key);
}

export async function sha256Base64(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return encodeBase64(new Uint8Array(digest));
}

export async function hmacSha256Base64(key: Uint8Array, data: Uint8Array): Promise<string> {
  const id = keyId(key);
  let cryptoKey = importedKeys.get(id);
  if (cryptoKey === undefined) {
    if (importedKeys.size >= 16) importedKeys.clear();
    cryptoKey = crypto.subtle.importKey(
      'raw',
      key as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    importedKeys.set(id, cryptoKey);
  }
  const signature = await crypto.subtle.sign('HMAC', await cryptoKey, data as Uint8Array<ArrayBuffer>);
  return encodeBase64(new Uint8Array(signature));
}

export function readEnvironment(_name: string): string | undefined {
  return undefined;
}

export function writeLogLine(level: 'error' | 'warning' | 'info' | 'verbose', line: string): void {
  const sink = level === 'error' ? console.error : level === 'warning' ? console.warn : console.info;
  sink(line);
}

({ sha256Base64, hmacSha256Base64, readEnvironment, writeLogLine }) satisfies PlatformModule;
