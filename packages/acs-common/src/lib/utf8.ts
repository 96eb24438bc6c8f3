import { unsupportedRuntime } from './errors.js';

/**
 * UTF-8 encoding through the Web platform (TextEncoder), the same in Node and every browser. The
 * encoder is made on first use, never at import time: importing the library must work on an
 * engine without TextEncoder (issue 8, defect 6); only a call that needs UTF-8 bytes fails, with
 * an `AcsError` `ERR_UNSUPPORTED_RUNTIME` that says what to do.
 */
let encoder: TextEncoder | undefined;

export function utf8Encode(text: string): Uint8Array {
  if (encoder === undefined) {
    if (typeof TextEncoder !== 'function') {
      throw unsupportedRuntime(
        'TextEncoder',
        'UTF-8 encoding (request signing with WebCrypto or a supplied HMAC, test tokens)',
        'install a TextEncoder polyfill (for example the "fast-text-encoding" package) before using acs-common.',
      );
    }
    encoder = new TextEncoder();
  }
  return encoder.encode(text);
}
