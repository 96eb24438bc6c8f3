/**
 * Strict base64 (RFC 4648 §4, padded), as `contentInBase64` must be: what the service cannot decode
 * it refuses, so the emulator does not guess either.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The decoded size of `value` in bytes, or `undefined` when it is not strict padded base64.
 *
 * @example
 * ```ts
 * decodedBase64Length('TG9yZW0='); // 5
 * decodedBase64Length('not base64!'); // undefined
 * ```
 */
export function decodedBase64Length(value: string): number | undefined {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return undefined;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}
