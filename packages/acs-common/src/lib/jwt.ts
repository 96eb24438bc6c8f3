/**
 * Reads the two time claims of a JWT payload, without verifying anything (the service does).
 * The payload segment may use the url-safe or the standard base64 alphabet, with or without
 * padding, as the .NET and JS parsers accept.
 */
import { decodeBase64Lenient } from './base64.js';

/**
 * The `exp` and `iat` claims (seconds since 1970) that are finite numbers; `undefined` when the
 * string is not a JWT with a JSON object payload.
 *
 * @example
 * ```ts
 * readJwtTimes('eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjM2MDAsImlhdCI6MH0.sig'); // { exp: 3600, iat: 0 }
 * readJwtTimes('opaque'); // undefined
 * ```
 */
export function readJwtTimes(token: string): { exp?: number; iat?: number } | undefined {
  const first = token.indexOf('.');
  if (first < 0) return undefined;
  const second = token.indexOf('.', first + 1);
  const bytes = decodeBase64Lenient(token.slice(first + 1, second < 0 ? undefined : second));
  if (bytes === undefined) return undefined;
  // Only numbers are read: decoding bytes as Latin-1 keeps JSON valid whatever the text encoding,
  // and matches jwt-decode (so 2.5.0) on payloads that are not UTF-8.
  let json = '';
  for (const byte of bytes) json += String.fromCharCode(byte);
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { exp, iat } = payload as { exp?: unknown; iat?: unknown };
  return {
    ...(typeof exp === 'number' && Number.isFinite(exp) ? { exp } : {}),
    ...(typeof iat === 'number' && Number.isFinite(iat) ? { iat } : {}),
  };
}
