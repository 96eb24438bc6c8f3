/**
 * The part of `fetch` the exchange uses, so any WHATWG-compatible implementation (the global
 * one, undici, a test double, a proxy-aware wrapper) can be injected.
 */

/**
 * The header getter of a fetch `Response` (or anything shaped like it).
 *
 * @example
 * ```ts
 * const headers: HeaderReader = new Headers({ 'retry-after': '1' });
 * ```
 */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What the exchange passes to `fetch`.
 *
 * @example
 * ```ts
 * const init: FetchLikeInit = { method: 'POST', headers: { Accept: 'application/json' }, body: '{}' };
 * ```
 */
export interface FetchLikeInit {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
}

/**
 * What the exchange reads from a `fetch` response.
 *
 * @example
 * ```ts
 * const response: FetchLikeResponse = await fetch(url, init);
 * ```
 */
export interface FetchLikeResponse {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: HeaderReader;
  text(): Promise<string>;
}

/**
 * A `fetch` function: `globalThis.fetch` satisfies it.
 *
 * @example
 * ```ts
 * const loggingFetch: FetchLike = async (url, init) => {
 *   console.log(init.method, url); // never log init.headers: they hold the Entra token
 *   return fetch(url, init);
 * };
 * ```
 */
export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;
