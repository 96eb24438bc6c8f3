import { accessTokenProblem, isAccessToken, isTimestamp } from '../lib/access-token.js';
import type { AccessToken } from '../lib/core-auth-types.js';
import { AcsError } from '../lib/errors.js';
import { readJwtTimes } from '../lib/jwt.js';
import { log } from '../lib/log.js';

export { isAccessToken } from '../lib/access-token.js';

/** Default lifetime assumed for a token whose expiry cannot be read (seconds). */
export const DEFAULT_UNDECODABLE_TOKEN_EXPIRY_INTERVAL_IN_SECONDS = 600;

// The texts of 2.5.0 (the first two); ours add what was wrong and where it came from.
const NOT_A_TOKEN =
  'Invalid token: expected a string or an AccessToken with a non-empty token and a finite expiresOnTimestamp.';
const EMPTY_TOKEN = 'Invalid token: token must not be empty.';

let warnedAboutOpaqueToken = false;

/**
 * A token string or AccessToken → AccessToken. AccessTokens pass through as the same object;
 * strings get their expiry from the JWT `exp` claim; strings that cannot be decoded (encrypted
 * or opaque tokens) expire `undecodableTokenExpiryIntervalInSeconds` from `nowInMs`, with one
 * warning per process. A JWT whose `exp` is not a date (1e306 seconds is Infinity milliseconds)
 * is refused, as is an AccessToken whose expiry is not one (lib/access-token.ts).
 *
 * `source` names where a returned value came from (`'The tokenRefresher'`): its failures are
 * `AcsError`s with code `ERR_INVALID_TOKEN`. Without it the value is an argument of the
 * constructor, and its failures are `TypeError`s.
 */
export function parseToken(
  value: unknown,
  nowInMs: number,
  undecodableTokenExpiryIntervalInSeconds = DEFAULT_UNDECODABLE_TOKEN_EXPIRY_INTERVAL_IN_SECONDS,
  source?: string,
): AccessToken {
  const fail = (message: string) =>
    source === undefined ? new TypeError(message) : new AcsError(message, 'ERR_INVALID_TOKEN');
  if (isAccessToken(value)) return value;
  if (typeof value !== 'string') {
    const problem = accessTokenProblem(value);
    throw fail(
      source === undefined ? `${NOT_A_TOKEN} Got ${problem}.` : `${NOT_A_TOKEN} ${source} returned ${problem}.`,
    );
  }
  if (value.trim().length === 0) throw fail(EMPTY_TOKEN);
  const exp = readJwtTimes(value)?.exp;
  if (exp !== undefined) {
    const expiresOnTimestamp = exp * 1000;
    if (!isTimestamp(expiresOnTimestamp)) {
      throw fail(
        `Invalid token: its exp claim (${exp}) is not a date in seconds since 1970${source === undefined ? '' : `; ${source} returned it`}.`,
      );
    }
    return { token: value, expiresOnTimestamp };
  }
  if (!warnedAboutOpaqueToken) {
    warnedAboutOpaqueToken = true;
    log('warning', `A token could not be decoded; assuming it expires in ${undecodableTokenExpiryIntervalInSeconds}s.`);
  }
  return { token: value, expiresOnTimestamp: nowInMs + undecodableTokenExpiryIntervalInSeconds * 1000 };
}
