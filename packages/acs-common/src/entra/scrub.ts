import { redact } from '../lib/log.js';

/**
 * Longest piece of a response body quoted in an error message.
 *
 * @example
 * ```ts
 * scrub(bodyText, [entraToken], MAX_QUOTED_BODY_LENGTH);
 * ```
 */
export const MAX_QUOTED_BODY_LENGTH = 1000;

/**
 * `text` with every occurrence of the given secrets, and anything shaped like a JWT, replaced,
 * then cut to `maxLength` characters: safe to put in an error message or a log line even when
 * a service echoes the request's token back.
 *
 * @example
 * ```ts
 * scrub('bad token abc123', ['abc123']); // 'bad token <redacted>'
 * ```
 */
export function scrub(text: string, secrets: readonly string[], maxLength = MAX_QUOTED_BODY_LENGTH): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('<redacted>');
  }
  out = redact(out);
  return out.length > maxLength ? `${out.slice(0, maxLength)}…` : out;
}
