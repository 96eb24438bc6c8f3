/**
 * The one place that removes secrets from text: error messages, log lines and the inspected
 * views of our errors. Secrets the library knows (the Entra token, the ACS token, an access key,
 * a signature) are removed by value, wherever they appear; anything shaped like a JWT is removed
 * as a last line of defence, since a token the library has not seen may still be quoted.
 */

/**
 * What every removed secret becomes, everywhere: in messages, log lines, sanitized headers and
 * URLs. The spelling of `@azure/core-rest-pipeline`'s sanitizer, and it needs no escaping in a
 * URL query.
 *
 * @example
 * ```ts
 * redact(`rejected ${entraToken}`, [entraToken]); // 'rejected REDACTED'
 * ```
 */
export const REDACTED = 'REDACTED';

/**
 * Longest piece of a response body or header quoted in an error message.
 *
 * @example
 * ```ts
 * redact(bodyText, [entraToken], MAX_QUOTED_LENGTH);
 * ```
 */
export const MAX_QUOTED_LENGTH = 1000;

/** Three base64url segments starting like a JSON object (`{"` is `eyJ`): a JWT. */
const JWT_LIKE = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/**
 * `text` with every occurrence of each secret (longest first, so a secret that contains another
 * goes whole), then anything shaped like a JWT, replaced by {@link REDACTED}; cut to `maxLength`
 * characters (an ellipsis marks the cut). `undefined` and empty secrets are skipped.
 *
 * @example
 * ```ts
 * redact('bad token abc123 and eyJhbGciOiJub25lIn0.eyJleHAiOjF9.', ['abc123']);
 * // 'bad token REDACTED and REDACTED'
 * ```
 */
export function redact(
  text: string,
  secrets: readonly (string | undefined)[] = [],
  maxLength = Number.POSITIVE_INFINITY,
): string {
  let out = text;
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
  known.sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.split(secret).join(REDACTED);
  out = out.replace(JWT_LIKE, REDACTED);
  return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
}
