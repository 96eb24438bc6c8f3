import { nextLink } from '../../host/paging.js';

/**
 * Paging of the chat lists. The official clients follow `nextLink` as is (no parameters added),
 * so a next link is the request's own URL with its query kept (api-version, maxPageSize,
 * startTime) and one continuation parameter set: `skip` (an offset, as the service's participant
 * and read-receipt links have) or, for messages, `syncState` (the sequenceId the next page starts
 * below, so messages sent while a client pages never shift or repeat a page).
 */

/** One page and where the next starts (if anywhere). */
export interface Page<T, C> {
  readonly value: T[];
  readonly next?: C;
}

/**
 * Items `[skip, skip + size)`; `next` is the following offset when more remain.
 *
 * @example
 * ```ts
 * pageAt(['a', 'b', 'c'], 0, 2); // { value: ['a', 'b'], next: 2 }
 * ```
 */
export function pageAt<T>(items: readonly T[], skip: number, size: number): Page<T, number> {
  const value = items.slice(skip, skip + size);
  return skip + size < items.length ? { value, next: skip + size } : { value };
}

/**
 * Up to `size` items whose key is below `before` (all, when `before` is undefined), from a list
 * sorted by descending key; `next` is the key the following page starts below.
 *
 * @example
 * ```ts
 * pageBelow([5, 4, 3, 2, 1], (n) => n, 4, 2); // { value: [3, 2], next: 2 }
 * ```
 */
export function pageBelow<T>(
  descending: readonly T[],
  keyOf: (item: T) => number,
  before: number | undefined,
  size: number,
): Page<T, number> {
  const start = before === undefined ? 0 : descending.findIndex((item) => keyOf(item) < before);
  if (start < 0) return { value: [] };
  const value = descending.slice(start, start + size);
  const last = value[value.length - 1];
  return start + size < descending.length && last !== undefined ? { value, next: keyOf(last) } : { value };
}

/**
 * A page as the chat service answers it: `{ value, nextLink? }`, the link continuing with `name`
 * (`skip` or `syncState`).
 *
 * @example
 * ```ts
 * return reply(200, pageBody(page, { endpoint: ctx.endpoint, path: request.path, query: request.query }, 'skip'));
 * ```
 */
export function pageBody<T>(
  page: Page<T, number>,
  request: { readonly endpoint: string; readonly path: string; readonly query: URLSearchParams },
  name: string,
): { value: T[]; nextLink?: string } {
  return page.next === undefined
    ? { value: page.value }
    : { value: page.value, nextLink: nextLink(request.endpoint, request.path, request.query, name, page.next) };
}
