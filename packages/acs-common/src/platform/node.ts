import * as nodeCrypto from 'node:crypto';
import type { PlatformModule } from './contract.js';

// Node: node:crypto is ~30x faster than crypto.subtle for one small HMAC (SPEC §6).
//
// Signing is on every request's path, and for a ~150-byte string to sign the cost of
// `createHmac` is mostly the Hmac object it builds (~1.7 µs). Where Node has the one-shot
// `crypto.hash` (≥ 20.12), HMAC is computed as RFC 2104 defines it over two one-shot SHA-256
// calls with the key's pads prepared once per key (~0.7 µs); older Node uses `createHmac`.
// Tests check it against `createHmac` for keys and messages of many lengths. Key arrays must not
// be mutated after use (the pads are cached by identity).

type OneShotHash = (algorithm: string, data: string | Uint8Array, outputEncoding: 'base64' | 'latin1') => string;

const oneShotHash = (nodeCrypto as { hash?: OneShotHash }).hash;
const { createHash, createHmac } = nodeCrypto;

const BLOCK_SIZE_IN_BYTES = 64;
const DIGEST_SIZE_IN_BYTES = 32;

interface KeyPads {
  readonly inner: Uint8Array;
  readonly outer: Uint8Array;
}

/** Pads per key array (identity): the signer passes the same decoded key for every request. */
const padsByKey = new WeakMap<Uint8Array, KeyPads>();

/** Reused input buffers: filled and hashed synchronously, so no call can see another's bytes. */
let innerScratch = Buffer.allocUnsafe(BLOCK_SIZE_IN_BYTES + 1024);
const outerScratch = Buffer.allocUnsafe(BLOCK_SIZE_IN_BYTES + DIGEST_SIZE_IN_BYTES);

function padsOf(key: Uint8Array, hash: OneShotHash): KeyPads {
  let pads = padsByKey.get(key);
  if (pads === undefined) {
    const blockKey = key.length > BLOCK_SIZE_IN_BYTES ? Buffer.from(hash('sha256', key, 'latin1'), 'latin1') : key;
    const inner = new Uint8Array(BLOCK_SIZE_IN_BYTES);
    const outer = new Uint8Array(BLOCK_SIZE_IN_BYTES);
    for (let i = 0; i < BLOCK_SIZE_IN_BYTES; i++) {
      const k = blockKey[i] ?? 0;
      inner[i] = k ^ 0x36;
      outer[i] = k ^ 0x5c;
    }
    pads = { inner, outer };
    padsByKey.set(key, pads);
  }
  return pads;
}

function hmacWithOneShotHash(hash: OneShotHash, key: Uint8Array, data: Uint8Array | string): string {
  const pads = padsOf(key, hash);
  const maxDataBytes = typeof data === 'string' ? data.length * 3 : data.length;
  if (BLOCK_SIZE_IN_BYTES + maxDataBytes > innerScratch.length) {
    innerScratch = Buffer.allocUnsafe(BLOCK_SIZE_IN_BYTES + maxDataBytes);
  }
  innerScratch.set(pads.inner, 0);
  let length: number;
  if (typeof data === 'string') {
    length = innerScratch.write(data, BLOCK_SIZE_IN_BYTES, 'utf8');
  } else {
    innerScratch.set(data, BLOCK_SIZE_IN_BYTES);
    length = data.length;
  }
  const innerDigest = hash('sha256', innerScratch.subarray(0, BLOCK_SIZE_IN_BYTES + length), 'latin1');
  outerScratch.set(pads.outer, 0);
  outerScratch.write(innerDigest, BLOCK_SIZE_IN_BYTES, 'latin1');
  return hash('sha256', outerScratch, 'base64');
}

function sha256(data: Uint8Array | string): string {
  return oneShotHash !== undefined
    ? oneShotHash('sha256', data, 'base64')
    : createHash('sha256').update(data).digest('base64');
}

function hmacSha256(key: Uint8Array, data: Uint8Array | string): string {
  return oneShotHash !== undefined
    ? hmacWithOneShotHash(oneShotHash, key, data)
    : createHmac('sha256', key).update(data).digest('base64');
}

export async function sha256Base64(data: Uint8Array | string): Promise<string> {
  return sha256(data);
}

export async function hmacSha256Base64(key: Uint8Array, data: Uint8Array | string): Promise<string> {
  return hmacSha256(key, data);
}

export async function hashAndSign(
  key: Uint8Array,
  body: Uint8Array | string | undefined,
  emptyContentHash: string,
  stringToSignOf: (contentHash: string) => string,
): Promise<[contentHash: string, signature: string]> {
  const contentHash = body === undefined ? emptyContentHash : sha256(body);
  return [contentHash, hmacSha256(key, stringToSignOf(contentHash))];
}

export function readEnvironment(name: string): string | undefined {
  return process.env[name];
}

export function writeLogLine(_level: 'error' | 'warning' | 'info' | 'verbose', line: string): void {
  process.stderr.write(`${line}\n`);
}

({ sha256Base64, hmacSha256Base64, hashAndSign, readEnvironment, writeLogLine }) satisfies PlatformModule;
