import { createHash, createHmac } from 'node:crypto';
import type { PlatformModule } from './contract.js';

// Node: node:crypto is ~30x faster than crypto.subtle for one small HMAC (SPEC §6).

export async function sha256Base64(data: Uint8Array): Promise<string> {
  return createHash('sha256').update(data).digest('base64');
}

export async function hmacSha256Base64(key: Uint8Array, data: Uint8Array): Promise<string> {
  return createHmac('sha256', key).update(data).digest('base64');
}

export function readEnvironment(name: string): string | undefined {
  return process.env[name];
}

export function writeLogLine(_level: 'error' | 'warning' | 'info' | 'verbose', line: string): void {
  process.stderr.write(`${line}\n`);
}

({ sha256Base64, hmacSha256Base64, readEnvironment, writeLogLine }) satisfies PlatformModule;
