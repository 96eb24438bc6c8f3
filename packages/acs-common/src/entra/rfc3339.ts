/**
 * RFC 3339 date-time → epoch milliseconds, for `accessToken.expiresOn` of the exchange response
 * (`2025-04-10T21:39:39.3244584-07:00`: seven fractional digits and any offset). Pure.
 *
 * `Date.parse` happens to accept that form in V8, but ECMAScript only specifies three fractional
 * digits, and it reads a date-time without an offset as local time; this parser accepts exactly
 * RFC 3339 (any number of fractional digits, `T`/`t`/space separator, `Z`/`z` or `±hh:mm`)
 * and nothing else.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * Epoch milliseconds of an RFC 3339 date-time, or `undefined` when `text` is not one (or names
 * an impossible date). Fractions beyond milliseconds are truncated; a leap second (`:60`) counts
 * as the first millisecond after it.
 *
 * @example
 * ```ts
 * parseRfc3339('2034-10-04T10:21:29.4729393+00:00'); // 2043570089472
 * parseRfc3339('2025-04-10T21:39:39Z'); // 1744321179000
 * parseRfc3339('2025-04-10T21:39:39'); // undefined (no offset)
 * ```
 */
export function parseRfc3339(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetInMinutes = 0;
  if (zulu === undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return undefined;
    offsetInMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = new Date(0);
  // setUTCFullYear keeps years 0–99 as they are (Date.UTC would map them to 1900–1999).
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, milliseconds);
  return utc.getTime() - offsetInMinutes * 60_000;
}
