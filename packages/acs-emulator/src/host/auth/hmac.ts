import * as crypto from 'node:crypto';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { EMPTY_CONTENT_HASH, SIGNED_HEADERS, stringToSign } from 'acs-protocol';
import type { HmacDiagnostics } from '../request-log.js';
import { parseRfc1123 } from '../time.js';

/**
 * The service side of ACS HMAC-SHA256 request signing (peers-and-pain §3b), as a pure function of
 * the request parts, the decoded key and the time. The canonical form is acs-common's
 * `stringToSign`, the one implementation shared with the client signer.
 */

/** How far `x-ms-date` may be from the server clock. */
export const MAX_CLOCK_SKEW_IN_MS = 15 * 60 * 1000;

/** The older .NET form, which signed the `Date` header instead of `x-ms-date`. */
const LEGACY_SIGNED_HEADERS = 'date;host;x-ms-content-sha256';

/** The parts of a request that HMAC verification reads. Header values as received. */
export interface HmacRequestParts {
  readonly method: string;
  /** The request target exactly as received (path and query). */
  readonly pathAndQuery: string;
  readonly host: string | undefined;
  readonly authorization: string | undefined;
  readonly xMsDate: string | undefined;
  readonly date: string | undefined;
  readonly contentSha256: string | undefined;
  /** The exact body bytes. */
  readonly body: Uint8Array;
}

/**
 * Verification outcome. The reason is safe to send back; the diagnostics (what was received and
 * what the emulator computed — never the key or the expected signature) go to the request log.
 */
export type HmacVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly diagnostics: HmacDiagnostics };

const OK: HmacVerification = { ok: true };

/**
 * Verifies an HMAC-signed request: content hash of the exact body, date within ±15 minutes,
 * signature over the string to sign (constant-time comparison).
 *
 * @example
 * ```ts
 * const result = verifyHmac(parts, hmacSha256(Buffer.from(accessKey, 'base64')), Date.now());
 * if (!result.ok) throw denied(result.reason);
 * ```
 */
export function verifyHmac(parts: HmacRequestParts, key: Uint8Array, nowTimestamp: number): HmacVerification {
  const { authorization } = parts;
  if (authorization === undefined || authorization === '') {
    return failure(parts, 'The request has no Authorization header.');
  }
  const header = parseAuthorization(authorization);
  if (header === undefined) {
    return failure(
      parts,
      `The Authorization header must be 'HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=<base64>'.`,
    );
  }
  const received = header.signedHeaders;
  const signedHeaders = received.toLowerCase();
  const legacy = signedHeaders === LEGACY_SIGNED_HEADERS;
  if (!legacy && signedHeaders !== SIGNED_HEADERS)
    return failure(parts, `SignedHeaders must be '${SIGNED_HEADERS}'.`, received);

  const dateName = legacy ? 'Date' : 'x-ms-date';
  const date = legacy ? parts.date : parts.xMsDate;
  if (date === undefined) return failure(parts, `The request has no ${dateName} header.`, received);
  const dateTimestamp = parseRfc1123(date);
  if (dateTimestamp === undefined)
    return failure(parts, `The ${dateName} header is not an RFC 1123 date in GMT.`, received);
  if (Math.abs(nowTimestamp - dateTimestamp) > MAX_CLOCK_SKEW_IN_MS) {
    return failure(parts, `The ${dateName} header is more than 15 minutes away from the server time.`, received);
  }

  if (parts.host === undefined || parts.host === '') return failure(parts, 'The request has no Host header.', received);
  if (parts.contentSha256 === undefined)
    return failure(parts, 'The request has no x-ms-content-sha256 header.', received);
  const contentHash = parts.body.length === 0 ? EMPTY_CONTENT_HASH : sha256Base64(parts.body);
  const signed = stringToSign({
    method: parts.method,
    pathAndQuery: parts.pathAndQuery,
    date,
    host: parts.host,
    contentHash,
  });
  if (parts.contentSha256 !== contentHash) {
    return failure(
      parts,
      "Request 'x-ms-content-sha256' differs from generated content hash.",
      received,
      contentHash,
      signed,
    );
  }

  const expected = createHmac('sha256', key).update(signed).digest();
  const given = Buffer.from(header.signature, 'utf8');
  const expectedText = Buffer.from(expected.toString('base64'), 'utf8');
  // Equal byte lengths first (timingSafeEqual demands it; a non-ASCII signature has more bytes
  // than characters); the length of a signature is no secret.
  if (given.length !== expectedText.length || !timingSafeEqual(given, expectedText)) {
    return failure(
      parts,
      'The request signature does not match; check the access key and what was signed.',
      received,
      contentHash,
      signed,
    );
  }
  return OK;
}

/** A refusal with what the check had received and computed by then. */
function failure(
  parts: HmacRequestParts,
  reason: string,
  signedHeaders?: string,
  computedContentHash?: string,
  stringToSign?: string,
): HmacVerification {
  return { ok: false, reason, diagnostics: diagnosticsOf(parts, signedHeaders, computedContentHash, stringToSign) };
}

/** `crypto.hash` (one call, no Hash object) where Node has it (20.12 and later). */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'base64') => string }).hash;

function sha256Base64(data: Uint8Array): string {
  return oneShotHash === undefined
    ? createHash('sha256').update(data).digest('base64')
    : oneShotHash('sha256', data, 'base64');
}

/** The header as every client writes it, up to the signature. */
const CANONICAL_PREFIX = `HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=`;

/** `HMAC-SHA256 SignedHeaders=…&Signature=…` → its two parameters. */
function parseAuthorization(value: string): { signedHeaders: string; signature: string } | undefined {
  // Fast path for the canonical spelling; it gives what the general parse below would.
  if (value.startsWith(CANONICAL_PREFIX)) {
    const signature = value.slice(CANONICAL_PREFIX.length);
    if (signature !== '' && !signature.includes('&') && signature.trim() === signature) {
      return { signedHeaders: SIGNED_HEADERS, signature };
    }
  }
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space).toUpperCase() !== 'HMAC-SHA256') return undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  for (const parameter of value
    .slice(space + 1)
    .trim()
    .split('&')) {
    const equals = parameter.indexOf('=');
    if (equals < 0) return undefined;
    const name = parameter.slice(0, equals).trim().toLowerCase();
    const parameterValue = parameter.slice(equals + 1).trim();
    if (name === 'signedheaders') signedHeaders = parameterValue;
    else if (name === 'signature') signature = parameterValue;
  }
  return signedHeaders === undefined || signature === undefined || signature === ''
    ? undefined
    : { signedHeaders, signature };
}

function diagnosticsOf(
  parts: HmacRequestParts,
  signedHeaders: string | undefined,
  computedContentHash: string | undefined,
  stringToSign: string | undefined,
): HmacDiagnostics {
  const received: { -readonly [K in keyof HmacDiagnostics['received']]: HmacDiagnostics['received'][K] } = {};
  if (parts.xMsDate !== undefined) received.xMsDate = parts.xMsDate;
  if (parts.host !== undefined) received.host = parts.host;
  if (parts.contentSha256 !== undefined) received.contentSha256 = parts.contentSha256;
  if (signedHeaders !== undefined) received.signedHeaders = signedHeaders;
  return {
    ...(stringToSign === undefined ? {} : { stringToSign }),
    ...(computedContentHash === undefined ? {} : { computedContentHash }),
    received,
  };
}
