/**
 * Loopback socket addresses (who may call the emulator's own routes). Loopback *host names* (where
 * deliveries may go) are acs-protocol's `isLoopbackHost`, the rule acs-common applies to endpoints.
 */

/**
 * Whether a socket address is a loopback address (`127.0.0.0/8`, `::1`, or their IPv4-mapped form).
 *
 * @example
 * ```ts
 * isLoopbackAddress('::ffff:127.0.0.1'); // true
 * ```
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Loopback host names, from acs-protocol (re-exported for the services). */
export { isLoopbackHost } from 'acs-protocol';
