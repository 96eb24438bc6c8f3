const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Whether a string is canonical, non-empty base64 (what an ACS access key is).
 *
 * @example
 * ```ts
 * isBase64Key('pw=='); // true
 * isBase64Key('not base64!'); // false
 * ```
 */
export function isBase64Key(value: string): boolean {
  return value.length > 0 && BASE64.test(value);
}
