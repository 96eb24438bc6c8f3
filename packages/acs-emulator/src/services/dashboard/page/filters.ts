/**
 * The request log's filters, as a pure predicate (tested in Node).
 */
import type { RequestLogEntryView } from '../api-types.js';
import { statusClass } from './format.js';

/** The status filter's choices. */
export type StatusFilter = 'all' | 'ok' | 'refused' | 'failed';

/** The filter settings. */
export interface RequestFilter {
  readonly status: StatusFilter;
  /** A part of the caller's identity id ('' = any). */
  readonly identity: string;
  /** A part of the method, target, route or reason, any case ('' = any). */
  readonly text: string;
  /** Include the dashboard's own requests (its page and API). */
  readonly own: boolean;
}

/**
 * Whether an entry passes the filters.
 *
 * @example
 * ```ts
 * matches(entry, { status: 'refused', identity: '', text: 'identities', own: false });
 * ```
 */
export function matches(entry: RequestLogEntryView, filter: RequestFilter): boolean {
  if (!filter.own && entry.service === 'dashboard') return false;
  if (filter.status !== 'all' && statusClass(entry.status) !== filter.status) return false;
  if (filter.identity !== '' && !(entry.caller.identityId ?? '').includes(filter.identity)) return false;
  if (filter.text !== '') {
    const needle = filter.text.toLowerCase();
    const haystack = `${entry.method} ${entry.target} ${entry.route ?? ''} ${entry.reason ?? ''}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}
