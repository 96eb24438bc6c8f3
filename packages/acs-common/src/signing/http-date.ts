/**
 * The `x-ms-date` value for an instant: RFC 1123 in GMT (`Wed, 13 Apr 2022 18:09:12 GMT`), which
 * is what `Date.prototype.toUTCString` produces. The value only changes once a second, so the
 * last one is kept: most requests in a busy process reuse it.
 */
let cachedSecond = Number.NaN;
let cachedDate = '';

/**
 * Formats an epoch-millisecond timestamp as an RFC 1123 date (sub-second part dropped).
 *
 * @example
 * ```ts
 * toHttpDate(Date.parse('2022-04-13T18:09:12.451Z')); // 'Wed, 13 Apr 2022 18:09:12 GMT'
 * ```
 */
export function toHttpDate(timestamp: number): string {
  const second = Math.floor(timestamp / 1000);
  if (second !== cachedSecond) {
    const formatted = new Date(second * 1000).toUTCString();
    if (formatted === 'Invalid Date') {
      throw new TypeError(
        'requestTimestamp must be a finite number of milliseconds since the epoch (like Date.now()).',
      );
    }
    cachedSecond = second;
    cachedDate = formatted;
  }
  return cachedDate;
}
