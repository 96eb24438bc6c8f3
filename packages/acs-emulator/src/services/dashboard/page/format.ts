/**
 * Display helpers: times as the developer's local clock, statuses as classes.
 */

/**
 * `2026-01-01T10:00:00.123Z` → `10:00:00.123` (local time); `null` → `—`.
 *
 * @example
 * ```ts
 * clock('2026-01-01T10:00:00.123Z');
 * ```
 */
export function clock(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/**
 * Date and time, for values further away than today.
 *
 * @example
 * ```ts
 * dateTime('2026-01-01T10:00:00.000Z'); // '2026-01-01 10:00:00' (local)
 * ```
 */
export function dateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * The CSS class of an HTTP status: `ok` (2xx/3xx), `refused` (4xx), `failed` (5xx).
 *
 * @example
 * ```ts
 * statusClass(401); // 'refused'
 * ```
 */
export function statusClass(status: number): 'ok' | 'refused' | 'failed' {
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'ok';
}

/**
 * A short form of a long id (`8:acs:<resource>_<suffix>` → `8:acs:…_<suffix-end>`), for tables;
 * the full id stays in the title attribute.
 *
 * @example
 * ```ts
 * shortId('8:acs:7b3e…_0000001a-…-7f'); // '8:acs:…7f'
 * ```
 */
export function shortId(id: string, keep = 12): string {
  if (id.length <= keep + 8) return id;
  const colon = id.lastIndexOf(':', 10);
  const prefix = colon > 0 ? id.slice(0, colon + 1) : '';
  return `${prefix}…${id.slice(-keep)}`;
}
