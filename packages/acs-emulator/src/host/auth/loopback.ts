/**
 * Loopback, as the emulator's own routes and its outbound deliveries understand it.
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

/**
 * Whether a URL host name is loopback (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`).
 *
 * @example
 * ```ts
 * isLoopbackHost('localhost'); // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
