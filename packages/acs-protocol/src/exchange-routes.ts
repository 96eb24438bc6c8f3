/**
 * The one route table of the Entra exchange: which ACS endpoint and api-version a scope family is
 * exchanged at (SPEC §4, reference acs-services.md). Pure.
 */
import { type ScopeFamily, scopeFamily } from './entra-scopes.js';

/**
 * Where one scope family is exchanged: the path under the resource endpoint and the api-version.
 *
 * @example
 * ```ts
 * const route: ExchangeRoute = { path: '/access/entra/:exchangeAccessToken', apiVersion: '2025-03-02-preview' };
 * ```
 */
export interface ExchangeRoute {
  /** Path appended to the endpoint's own path, starting with `/`. */
  readonly path: string;
  /** The `api-version` query parameter. */
  readonly apiVersion: string;
}

/**
 * The route of each scope family, as the official clients send it. acs-common's credential lets
 * a caller override one or both (its `routes` option).
 *
 * @example
 * ```ts
 * EXCHANGE_ROUTES.teamsExtension.apiVersion; // '2025-06-30'
 * ```
 */
export const EXCHANGE_ROUTES: Readonly<Record<ScopeFamily, ExchangeRoute>> = /* @__PURE__ */ Object.freeze({
  teamsExtension: /* @__PURE__ */ Object.freeze({
    path: '/access/teamsExtension/:exchangeAccessToken',
    apiVersion: '2025-06-30',
  }),
  communicationClients: /* @__PURE__ */ Object.freeze({
    path: '/access/entra/:exchangeAccessToken',
    apiVersion: '2025-03-02-preview',
  }),
});

/**
 * Route overrides, per scope family; fields left out keep the defaults of {@link EXCHANGE_ROUTES}.
 *
 * @example
 * ```ts
 * const routes: ExchangeRouteOverrides = { communicationClients: { apiVersion: '2026-01-01' } };
 * ```
 */
export type ExchangeRouteOverrides = { readonly [F in ScopeFamily]?: Partial<ExchangeRoute> };

/**
 * The route for a list of scopes: the route table (with overrides) looked up by their family;
 * `undefined` when the scopes are not all of one known family.
 *
 * @example
 * ```ts
 * exchangeRouteFor(['https://communication.azure.com/clients/VoIP']);
 * // { path: '/access/entra/:exchangeAccessToken', apiVersion: '2025-03-02-preview' }
 * ```
 */
export function exchangeRouteFor(
  scopes: readonly string[],
  overrides: ExchangeRouteOverrides = {},
): ExchangeRoute | undefined {
  const family = scopeFamily(scopes);
  if (family === undefined) return undefined;
  return { ...EXCHANGE_ROUTES[family], ...overrides[family] };
}

/**
 * The exchange URL: the endpoint's own path (trailing slashes dropped, so never `//`), then the
 * route path, then the endpoint's own query (if any) followed by `api-version`. `endpoint` must be
 * an absolute URL.
 *
 * @example
 * ```ts
 * exchangeUrl('https://r.communication.azure.com/', EXCHANGE_ROUTES.teamsExtension);
 * // 'https://r.communication.azure.com/access/teamsExtension/:exchangeAccessToken?api-version=2025-06-30'
 * ```
 */
export function exchangeUrl(endpoint: string, route: ExchangeRoute): string {
  const url = new URL(endpoint);
  const basePath = url.pathname.replace(/\/+$/, '');
  const path = route.path.startsWith('/') ? route.path : `/${route.path}`;
  const apiVersion = `api-version=${encodeURIComponent(route.apiVersion)}`;
  const query = url.search.length > 1 ? `${url.search}&${apiVersion}` : `?${apiVersion}`;
  return `${url.origin}${basePath}${path}${query}`;
}
