/**
 * Reads a Continuous Access Evaluation (CAE) claims challenge from a `WWW-Authenticate` header
 * (pure). The service answers a request whose token was revoked or lacks claims with
 * `401` and `WWW-Authenticate: Bearer error="insufficient_claims", claims="<base64 JSON>"`;
 * the client then asks its TokenCredential for a token with those claims and retries once
 * (https://learn.microsoft.com/entra/identity-platform/claims-challenge).
 */
import { decodeBase64Lenient } from '../lib/base64.js';

/** One challenge: its scheme and its auth-params (names lower-cased). */
interface Challenge {
  readonly scheme: string;
  readonly params: Map<string, string>;
}

/** An RFC 9110 token: the scheme and the parameter names. */
const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const SPACES = /[ \t]*/y;

function skip(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text) ? pattern.lastIndex : at;
}

/** A quoted-string starting at `at` (the opening quote): its value and where it ends. */
function quoted(text: string, at: number): [string, number] {
  let value = '';
  let i = at + 1;
  for (; i < text.length && text[i] !== '"'; i++) value += text[i] === '\\' ? (text[++i] ?? '') : text[i];
  return [value, i + 1];
}

/**
 * Every challenge in a `WWW-Authenticate` value (RFC 9110 §11.6.1): `Scheme name=value, …`,
 * several challenges separated by commas, values as tokens or quoted strings.
 */
function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let current: Challenge | undefined;
  let i = 0;
  while (i < header.length) {
    if (header[i] === ',' || header[i] === ' ' || header[i] === '\t') {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const word = TOKEN.exec(header)?.[0];
    if (word === undefined) {
      i++; // a character no grammar rule allows here: skip it
      continue;
    }
    const afterWord = skip(SPACES, header, i + word.length);
    if (header[afterWord] === '=' && current !== undefined) {
      const valueAt = skip(SPACES, header, afterWord + 1);
      let value: string;
      if (header[valueAt] === '"') [value, i] = quoted(header, valueAt);
      else {
        const end = header.indexOf(',', valueAt);
        value = header.slice(valueAt, end < 0 ? undefined : end).trim();
        i = end < 0 ? header.length : end;
      }
      current.params.set(word.toLowerCase(), value);
    } else {
      current = { scheme: word, params: new Map() };
      challenges.push(current);
      i = afterWord;
    }
  }
  return challenges;
}

/**
 * The claims of a CAE challenge, decoded from base64 (as Latin-1 text, like `atob`, which
 * core-rest-pipeline uses): `undefined` when the header has no `Bearer` challenge with
 * `error="insufficient_claims"` and non-empty `claims`; `null` when the claims are not base64
 * (the caller then returns the 401 as is, as core-rest-pipeline does).
 *
 * @example
 * ```ts
 * caeClaims('Bearer error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="');
 * // '{"access_token":{}}'
 * caeClaims('Bearer error="invalid_token"'); // undefined
 * ```
 */
export function caeClaims(header: string | undefined): string | null | undefined {
  if (header === undefined) return undefined;
  const challenge = parseChallenges(header).find(
    ({ scheme, params }) =>
      scheme.toLowerCase() === 'bearer' && params.get('error') === 'insufficient_claims' && !!params.get('claims'),
  );
  const claims = challenge?.params.get('claims');
  if (claims === undefined) return undefined;
  const bytes = decodeBase64Lenient(claims);
  if (bytes === undefined) return null;
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}
