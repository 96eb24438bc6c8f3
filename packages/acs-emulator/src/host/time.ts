/**
 * Wire formats of time. Inside the emulator time is epoch milliseconds (`…Timestamp`).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC_1123 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * Formats a timestamp the way the ACS identity service writes `expiresOn`: RFC 3339 with seven
 * fractional digits and an explicit offset, e.g. `2025-04-10T21:39:39.3240000+00:00`.
 *
 * @example
 * ```ts
 * formatExpiresOn(Date.UTC(2025, 3, 10, 21, 39, 39, 324)); // '2025-04-10T21:39:39.3240000+00:00'
 * ```
 */
export function formatExpiresOn(timestamp: number): string {
  const iso = new Date(timestamp).toISOString(); // 2025-04-10T21:39:39.324Z
  return `${iso.slice(0, 23)}0000+00:00`;
}

/**
 * Parses an RFC 1123 date as sent in `x-ms-date` (`Wed, 13 Apr 2022 18:09:12 GMT`); anything else
 * (other date formats included) gives `undefined`.
 *
 * @example
 * ```ts
 * parseRfc1123('Wed, 13 Apr 2022 18:09:12 GMT'); // 1649873352000
 * parseRfc1123('2022-04-13T18:09:12Z'); // undefined
 * ```
 */
export function parseRfc1123(value: string): number | undefined {
  const match = RFC_1123.exec(value);
  if (match === null) return undefined;
  const [, day, month, year, hours, minutes, seconds] = match as unknown as [string, ...string[]];
  const timestamp = Date.UTC(
    Number(year),
    MONTHS.indexOf(month as string),
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  // Reject impossible dates such as 31 Feb (Date.UTC would roll them over).
  return new Date(timestamp).getUTCDate() === Number(day) && Number(hours) < 24 && Number(minutes) < 60
    ? timestamp
    : undefined;
}
