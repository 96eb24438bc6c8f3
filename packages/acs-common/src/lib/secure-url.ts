/**
 * The one "https except loopback" rule of the library, for every URL a secret is sent to (the
 * Entra exchange endpoint, the requests of the bearer policy): https, or plain http to a
 * loopback host (`localhost`, `127.0.0.0/8`, `[::1]`) so that a local emulator works. A URL that
 * breaks it is a bad argument: a `TypeError`.
 */
import { isLoopbackHost } from 'acs-protocol';

/**
 * Whether secrets may be sent to `url`.
 *
 * @example
 * ```ts
 * isSecureOrLoopback(new URL('https://contoso.communication.azure.com')); // true
 * isSecureOrLoopback(new URL('http://127.0.0.1:8080')); // true
 * isSecureOrLoopback(new URL('http://contoso.communication.azure.com')); // false
 * ```
 */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * The `TypeError` for a URL that breaks the rule: `message` first (callers keep 2.5.0's text
 * where it has one), then what is allowed.
 *
 * @example
 * ```ts
 * throw insecureUrlError('Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.');
 * ```
 */
export function insecureUrlError(message: string): TypeError {
  return new TypeError(
    `${message} Plain http is allowed only for loopback hosts (localhost, 127.0.0.0/8, [::1]), for example a local emulator.`,
  );
}
