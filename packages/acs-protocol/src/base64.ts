/**
 * Canonical standard base64 (RFC 4648 §4) with `=` padding and zero unused bits: one byte string,
 * one spelling. An ACS access key is such a string.
 */
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$/;

/**
 * Whether a string is non-empty canonical base64: standard alphabet, length a multiple of 4,
 * `=` padding only at the end, and the unused bits of the last character zero (so `QQ==` is
 * base64 and `QR==` is not). What acs-common accepts as an access key.
 *
 * @example
 * ```ts
 * isBase64('pw=='); // true
 * isBase64('pw'); // false: no padding
 * isBase64('not base64!'); // false
 * ```
 */
export function isBase64(value: string): boolean {
  return value.length > 0 && CANONICAL_BASE64.test(value);
}
