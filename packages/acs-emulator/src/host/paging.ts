import { badRequest } from './errors.js';
import type { HandlerRequest, RequestContext } from './service.js';

/**
 * Paged lists as the ACS services answer them: `{ value: [...], nextLink?: "<absolute URL>" }`.
 * The next link repeats the request's query (api-version, maxPageSize, filters) and adds an
 * opaque `continuationToken`, which is all the official clients need: they GET the link as given.
 */

/** The query parameter that carries the position. */
export const CONTINUATION_PARAMETER = 'continuationToken';

/** Paging settings of a route. */
export interface PageOptions {
  /** Page size when the request names none. */
  readonly defaultPageSize: number;
  /** The query parameter with the client's page size (`maxPageSize`; phone numbers use `top`). */
  readonly pageSizeParameter?: string;
  /** Largest page size accepted. Default 200. */
  readonly largestPageSize?: number;
}

/**
 * One page of `items` (already filtered and in the service's order).
 *
 * @example
 * ```ts
 * return reply(200, page(threads, request, ctx, { defaultPageSize: 100 }));
 * ```
 */
export function page<T>(
  items: readonly T[],
  request: HandlerRequest,
  ctx: RequestContext,
  options: PageOptions,
): { value: T[]; nextLink?: string } {
  const sizeParameter = options.pageSizeParameter ?? 'maxPageSize';
  const largest = options.largestPageSize ?? 200;
  const sizeText = request.query.get(sizeParameter);
  let size = options.defaultPageSize;
  if (sizeText !== null) {
    size = Number(sizeText);
    if (!/^\d+$/.test(sizeText) || size < 1 || size > largest) {
      throw badRequest('InvalidRequest', `${sizeParameter} must be an integer from 1 to ${largest}.`, sizeParameter);
    }
  }
  const offset = decodeContinuation(request.query.get(CONTINUATION_PARAMETER));
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value };
  return {
    value,
    nextLink: nextLink(
      ctx.endpoint,
      request.path,
      request.query,
      CONTINUATION_PARAMETER,
      encodeContinuation(offset + size),
    ),
  };
}

/**
 * An absolute next link: `endpoint` + the request's path as received + its query with `name` set
 * to `value` (the rest kept: api-version, page size, filters), which the official clients GET as is.
 *
 * @example
 * ```ts
 * nextLink('https://127.0.0.1:8443/', '/chat/threads', new URLSearchParams('api-version=2025-03-15&maxPageSize=2'), 'skip', 2);
 * // 'https://127.0.0.1:8443/chat/threads?api-version=2025-03-15&maxPageSize=2&skip=2'
 * ```
 */
export function nextLink(
  endpoint: string,
  path: string,
  query: URLSearchParams,
  name: string,
  value: string | number,
): string {
  const next = new URLSearchParams(query);
  next.set(name, String(value));
  return `${endpoint.replace(/\/$/, '')}${path}?${next.toString()}`;
}

function encodeContinuation(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeContinuation(token: string | null): number {
  if (token === null) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o;
  } catch {
    // answered below
  }
  throw badRequest('InvalidContinuationToken', 'The continuation token is not one this emulator issued.');
}
