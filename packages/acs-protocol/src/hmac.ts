/**
 * The ACS HMAC-SHA256 canonical form (dotnet-common §4.2, js-common §5.2), as pure functions. The
 * client signer (acs-common) and the emulator's verifier both use this one implementation.
 */

/**
 * Base64 SHA-256 of an empty body.
 *
 * @example
 * ```ts
 * const contentHash = body.length === 0 ? EMPTY_CONTENT_HASH : sha256Base64(body);
 * ```
 */
export const EMPTY_CONTENT_HASH = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/**
 * The header names, in signed order, as they appear in the `Authorization` header.
 *
 * @example
 * ```ts
 * SIGNED_HEADERS; // 'x-ms-date;host;x-ms-content-sha256'
 * ```
 */
export const SIGNED_HEADERS = 'x-ms-date;host;x-ms-content-sha256';

/**
 * Everything that goes into the string to sign.
 *
 * @example
 * ```ts
 * const input: SigningInput = { method: 'GET', pathAndQuery: '/', date, host: 'example.com', contentHash: EMPTY_CONTENT_HASH };
 * ```
 */
export interface SigningInput {
  /** HTTP method; upper-cased before signing. */
  readonly method: string;
  /** Exactly the path and query that are sent: `url.pathname + url.search`. */
  readonly pathAndQuery: string;
  /** The `x-ms-date` value, RFC 1123 (`Wed, 13 Apr 2022 18:09:12 GMT`). */
  readonly date: string;
  /** The authority: lower-case host, plus `:port` when it is not the scheme's default. */
  readonly host: string;
  /** base64(SHA-256(body bytes)). */
  readonly contentHash: string;
}

/**
 * Builds `VERB\npathAndQuery\ndate;host;contentHash`.
 *
 * @example
 * ```ts
 * stringToSign({
 *   method: 'get',
 *   pathAndQuery: '/testPath?testQuery=test',
 *   date: 'Wed, 13 Apr 2022 18:09:12 GMT',
 *   host: 'example.com',
 *   contentHash: EMPTY_CONTENT_HASH,
 * });
 * // 'GET\n/testPath?testQuery=test\nWed, 13 Apr 2022 18:09:12 GMT;example.com;47DEQ…'
 * ```
 */
export function stringToSign(input: SigningInput): string {
  return `${input.method.toUpperCase()}\n${input.pathAndQuery}\n${input.date};${input.host};${input.contentHash}`;
}

/**
 * The `pathAndQuery` and `host` of a URL as it goes on the wire: WHATWG `URL` serialisation,
 * which is what `fetch`, undici and Node's `http` send. The fragment is never sent.
 *
 * @example
 * ```ts
 * signedParts('https://EXAMPLE.com:8443/a%20b?x=%20#frag'); // { pathAndQuery: '/a%20b?x=%20', host: 'example.com:8443' }
 * ```
 */
export function signedParts(url: string | URL): { pathAndQuery: string; host: string } {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return { pathAndQuery: `${parsed.pathname}${parsed.search}`, host: parsed.host };
}

/**
 * `Authorization` header value for a signature.
 *
 * @example
 * ```ts
 * authorizationHeader('abc='); // 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc='
 * ```
 */
export function authorizationHeader(signature: string): string {
  return `HMAC-SHA256 SignedHeaders=${SIGNED_HEADERS}&Signature=${signature}`;
}
