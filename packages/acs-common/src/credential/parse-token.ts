import { decodeBase64Lenient } from '../lib/base64.js';
import type { AccessToken } from '../lib/core-auth-types.js';
import { AcsError } from '../lib/errors.js';
import { log } from '../lib/log.js';
import { describeType } from './validate.js';

/** Default lifetime assumed for a token whose expiry cannot be read (seconds). */
export const DEFAULT_UNDECODABLE_TOKEN_EXPIRY_INTERVAL_IN_SECONDS = 600;

const NOT_A_TOKEN =
  'Invalid token: expected a string or an AccessToken with a non-empty token and a finite expiresOnTimestamp.';
const EMPTY_TOKEN = 'Invalid token: token must not be empty.';

/** Whether `value` is an AccessToken we accept as is: a non-empty `token` and a finite expiry. */
export function isAccessToken(value: unknown): value is AccessToken {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { token?: unknown; expiresOnTimestamp?: unknown };
  return (
    typeof candidate.token === 'string' &&
    candidate.token.length > 0 &&
    typeof candidate.expiresOnTimestamp === 'number' &&
    Number.isFinite(candidate.expiresOnTimestamp)
  );
}

/**
 * The JWT `exp` claim in seconds, or `undefined` when the token is not a decodable JWT with a
 * finite numeric `exp`. The payload segment may use the url-safe or the standard base64
 * alphabet, with or without padding. Signatures are not checked: the service does that.
 */
export function readJwtExpiry(token: string): number | undefined {
  const first = token.indexOf('.');
  if (first < 0) return undefined;
  const second = token.indexOf('.', first + 1);
  const segment = token.slice(first + 1, second < 0 ? undefined : second);
  const bytes = decodeBase64Lenient(segment);
  if (bytes === undefined) return undefined;
  // Only `exp` is needed: decoding bytes as Latin-1 keeps JSON valid whatever the text encoding,
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
  const exp = (payload as { exp?: unknown }).exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
}

let warnedAboutOpaqueToken = false;

/**
 * A token string or AccessToken → AccessToken. AccessTokens pass through as the same object;
 * strings get their expiry from the JWT `exp` claim; strings that cannot be decoded (encrypted
 * or opaque tokens) expire `undecodableTokenExpiryIntervalInSeconds` from `nowInMs`, with one
 * warning per process. `source` names where the value came from, for error messages.
 */
export function parseToken(
  value: unknown,
  nowInMs: number,
  undecodableTokenExpiryIntervalInSeconds = DEFAULT_UNDECODABLE_TOKEN_EXPIRY_INTERVAL_IN_SECONDS,
  source?: string,
): AccessToken {
  if (isAccessToken(value)) return value;
  if (typeof value !== 'string') {
    throw new AcsError(
      source === undefined ? NOT_A_TOKEN : `${NOT_A_TOKEN} ${source} returned ${describeType(value)}.`,
      'ERR_INVALID_TOKEN',
    );
  }
  if (value.trim().length === 0) throw new AcsError(EMPTY_TOKEN, 'ERR_INVALID_TOKEN');
  const exp = readJwtExpiry(value);
  if (exp !== undefined) return { token: value, expiresOnTimestamp: exp * 1000 };
  if (!warnedAboutOpaqueToken) {
    warnedAboutOpaqueToken = true;
    log('warning', `A token could not be decoded; assuming it expires in ${undecodableTokenExpiryIntervalInSeconds}s.`);
  }
  return { token: value, expiresOnTimestamp: nowInMs + undecodableTokenExpiryIntervalInSeconds * 1000 };
}
