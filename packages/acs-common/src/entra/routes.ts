/**
 * The one route table of the Entra exchange: which ACS endpoint and api-version a set of Entra
 * scopes is exchanged at (SPEC §4, reference js-common §3.6, peers-and-pain §3a). Pure.
 */

/**
 * Teams Extension scope prefixes: the public cloud and the US Government cloud (.NET 1.4.1, JS 2.5.0).
 *
 * @example
 * ```ts
 * TEAMS_EXTENSION_SCOPE_PREFIXES.some((prefix) => scope.toLowerCase().startsWith(prefix));
 * ```
 */
export const TEAMS_EXTENSION_SCOPE_PREFIXES: readonly string[] = Object.freeze([
  'https://auth.msft.communication.azure.com/',
  'https://auth.msft.communication.azure.us/',
]);

/**
 * Communication Clients scope prefix (Entra ID users, preview).
 *
 * @example
 * ```ts
 * const scopes = [`${COMMUNICATION_CLIENTS_SCOPE_PREFIX}VoIP`];
 * ```
 */
export const COMMUNICATION_CLIENTS_SCOPE_PREFIX = 'https://communication.azure.com/clients/';

/**
 * The scopes used when none are given.
 *
 * @example
 * ```ts
 * DEFAULT_ENTRA_SCOPES; // ['https://communication.azure.com/clients/.default']
 * ```
 */
export const DEFAULT_ENTRA_SCOPES: readonly string[] = Object.freeze([
  'https://communication.azure.com/clients/.default',
]);

/**
 * The text of `@azure/communication-common@2.5.0` for empty, mixed or unknown scopes; our
 * `TypeError`s start with it and add what was wrong.
 *
 * @example
 * ```ts
 * if (error instanceof TypeError && error.message.startsWith(SCOPES_VALIDATION_MESSAGE)) { … }
 * ```
 */
export const SCOPES_VALIDATION_MESSAGE = `Scopes validation failed. Ensure all scopes start with one of ${[
  ...TEAMS_EXTENSION_SCOPE_PREFIXES,
  COMMUNICATION_CLIENTS_SCOPE_PREFIX,
].join(', ')}.`;

/**
 * The two scope families.
 *
 * @example
 * ```ts
 * const family: ScopeFamily = scopeFamily(scopes) ?? 'communicationClients';
 * ```
 */
export type ScopeFamily = 'teamsExtension' | 'communicationClients';

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
 * The route of each scope family. Override one or both with the credential's `routes` option,
 * for example to try a newer api-version before this library ships it.
 *
 * @example
 * ```ts
 * EXCHANGE_ROUTES.teamsExtension.apiVersion; // '2025-06-30'
 * ```
 */
export const EXCHANGE_ROUTES: Readonly<Record<ScopeFamily, ExchangeRoute>> = Object.freeze({
  teamsExtension: Object.freeze({ path: '/access/teamsExtension/:exchangeAccessToken', apiVersion: '2025-06-30' }),
  communicationClients: Object.freeze({
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

function startsWithIgnoringCase(value: string, prefix: string): boolean {
  return value.length >= prefix.length && value.slice(0, prefix.length).toLowerCase() === prefix;
}

/**
 * The family of one scope, or `undefined` when it belongs to neither. Prefixes match case-insensitively.
 *
 * @example
 * ```ts
 * scopeFamilyOf('https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls'); // 'teamsExtension'
 * ```
 */
export function scopeFamilyOf(scope: string): ScopeFamily | undefined {
  if (TEAMS_EXTENSION_SCOPE_PREFIXES.some((prefix) => startsWithIgnoringCase(scope, prefix))) return 'teamsExtension';
  if (startsWithIgnoringCase(scope, COMMUNICATION_CLIENTS_SCOPE_PREFIX)) return 'communicationClients';
  return undefined;
}

/**
 * The family shared by every scope, or `undefined` for an empty list, a mix of families, or a
 * scope of neither family.
 *
 * @example
 * ```ts
 * scopeFamily(['https://auth.msft.communication.azure.us/TeamsExtension.ManageCalls']); // 'teamsExtension'
 * scopeFamily(['https://communication.azure.com/clients/VoIP']); // 'communicationClients'
 * scopeFamily([]); // undefined
 * ```
 */
export function scopeFamily(scopes: readonly string[]): ScopeFamily | undefined {
  let family: ScopeFamily | undefined;
  for (const scope of scopes) {
    const current = scopeFamilyOf(scope);
    if (current === undefined || (family !== undefined && current !== family)) return undefined;
    family = current;
  }
  return family;
}

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
 * an absolute URL (checked at construction).
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
