import { invalid } from './failure.js';

/**
 * Input rules of the chat service beyond the JSON shape (which the route schemas check): limits
 * from the service documentation (metadata up to 1 KB, messages up to 28 KB), RFC 3339 times,
 * page sizes.
 */

/**
 * Total size of a thread's or participant's metadata (keys and values, UTF-8).
 *
 * @example
 * ```ts
 * checkMetadata({ k: 'v'.repeat(METADATA_LIMIT_IN_BYTES) }, 'metadata'); // throws
 * ```
 */
export const METADATA_LIMIT_IN_BYTES = 1024;
/**
 * Largest message content (UTF-8).
 *
 * @example
 * ```ts
 * checkContent('x'.repeat(MESSAGE_LIMIT_IN_BYTES + 1), 'content'); // throws
 * ```
 */
export const MESSAGE_LIMIT_IN_BYTES = 28 * 1024;
/**
 * Largest page; larger `maxPageSize` values are served as this.
 *
 * @example
 * ```ts
 * pageSize(new URLSearchParams('maxPageSize=5000')) === MAX_PAGE_SIZE; // true
 * ```
 */
export const MAX_PAGE_SIZE = 200;
/**
 * Page size without `maxPageSize`.
 *
 * @example
 * ```ts
 * pageSize(new URLSearchParams('')) === DEFAULT_PAGE_SIZE; // true
 * ```
 */
export const DEFAULT_PAGE_SIZE = 20;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/**
 * A topic: a non-blank string.
 *
 * @example
 * ```ts
 * checkTopic('Lunch', 'topic'); // 'Lunch'
 * ```
 */
export function checkTopic(topic: string, target: string): string {
  if (topic.trim().length === 0) throw invalid(`${target} must not be empty or blank.`, target);
  return topic;
}

/**
 * Metadata of a thread or participant: at most 1 KB of keys and values.
 *
 * @example
 * ```ts
 * checkMetadata({ team: 'blue' }, 'metadata'); // { team: 'blue' }
 * ```
 */
export function checkMetadata(metadata: Readonly<Record<string, string>>, target: string): Record<string, string> {
  let size = 0;
  for (const [key, value] of Object.entries(metadata)) size += Buffer.byteLength(key) + Buffer.byteLength(value);
  if (size > METADATA_LIMIT_IN_BYTES) {
    throw invalid(
      `${target} is ${size} bytes; the service allows at most ${METADATA_LIMIT_IN_BYTES} (keys and values together).`,
      target,
    );
  }
  return { ...metadata };
}

/**
 * Message content: non-empty, at most 28 KB.
 *
 * @example
 * ```ts
 * checkContent('Hello', 'content'); // 'Hello'
 * ```
 */
export function checkContent(content: string, target: string): string {
  if (content.length === 0) throw invalid(`${target} must not be empty.`, target);
  const size = Buffer.byteLength(content);
  if (size > MESSAGE_LIMIT_IN_BYTES) {
    throw invalid(`${target} is ${size} bytes; a chat message may have at most ${MESSAGE_LIMIT_IN_BYTES}.`, target);
  }
  return content;
}

/**
 * An RFC 3339 date-time (what the clients send for `shareHistoryTime` and `startTime`) as epoch ms.
 *
 * @example
 * ```ts
 * parseTime('2020-06-06T05:55:41Z', 'shareHistoryTime'); // 1591422941000
 * ```
 */
export function parseTime(value: string, target: string): number {
  const time = RFC3339.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) {
    throw invalid(
      `${target} must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z (got '${value.slice(0, 40)}').`,
      target,
    );
  }
  return time;
}

/**
 * `maxPageSize` from a query: absent → the default; a positive integer, served at most
 * {@link MAX_PAGE_SIZE} at a time.
 *
 * @example
 * ```ts
 * pageSize(new URLSearchParams('maxPageSize=5')); // 5
 * ```
 */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get('maxPageSize');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const size = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(size >= 1)) throw invalid(`maxPageSize must be a positive integer (got '${raw.slice(0, 20)}').`, 'maxPageSize');
  return Math.min(size, MAX_PAGE_SIZE);
}

/**
 * `startTime` from a query as epoch ms (absent → `undefined`).
 *
 * @example
 * ```ts
 * startTimeOf(new URLSearchParams('startTime=2024-01-01T00:00:00.000Z')); // 1704067200000
 * ```
 */
export function startTimeOf(query: URLSearchParams): number | undefined {
  const raw = query.get('startTime');
  return raw === null || raw === '' ? undefined : parseTime(raw, 'startTime');
}

/**
 * A non-negative integer query parameter such as `skip` (absent → 0).
 *
 * @example
 * ```ts
 * offsetOf(new URLSearchParams('skip=20'), 'skip'); // 20
 * ```
 */
export function offsetOf(query: URLSearchParams, name: string): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return 0;
  if (!/^\d{1,9}$/.test(raw))
    throw invalid(`${name} must be a non-negative integer (got '${raw.slice(0, 20)}').`, name);
  return Number(raw);
}
