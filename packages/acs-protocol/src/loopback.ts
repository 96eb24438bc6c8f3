/**
 * Whether a URL host names this machine: `localhost`, an IPv4 address in 127.0.0.0/8, or `[::1]`.
 * Takes `URL.hostname`, which the URL parser has already lower-cased and normalised (so
 * `127.1` arrives as `127.0.0.1`). Plain http is allowed only for these hosts (SPEC §4).
 *
 * @example
 * ```ts
 * isLoopbackHost(new URL('http://127.0.0.1:8080').hostname); // true
 * isLoopbackHost(new URL('http://example.com').hostname); // false
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}
