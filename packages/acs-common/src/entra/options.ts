/**
 * Validates the Entra options at construction and turns them into a frozen configuration.
 * The caller's object is only read, never written; the scopes are copied.
 */
import {
  DEFAULT_ENTRA_SCOPES,
  type ExchangeRoute,
  type ExchangeRouteOverrides,
  exchangeRouteFor,
  exchangeUrl,
  SCOPES_VALIDATION_MESSAGE,
  type ScopeFamily,
  scopeFamilyOf,
} from 'acs-protocol';
import type { EntraCommunicationTokenCredentialOptions } from '../credential/types.js';
import { assertOptionalClock, describeType } from '../credential/validate.js';
import { type Clock, systemClock } from '../lib/clock.js';
import type { TokenCredential } from '../lib/core-auth-types.js';
import { unsupportedRuntime } from '../lib/errors.js';
import type { FetchLike } from '../lib/fetch-types.js';
import { insecureUrlError, isSecureOrLoopback } from '../lib/secure-url.js';

/**
 * Everything the Entra strategy needs, checked.
 *
 * @example
 * ```ts
 * const { url, scopes, clock } = resolveEntraOptions(options);
 * ```
 */
export interface EntraConfig {
  readonly tokenCredential: TokenCredential;
  readonly scopes: readonly string[];
  readonly route: ExchangeRoute;
  /** The full exchange URL (endpoint path kept, no `//`, `api-version` appended). */
  readonly url: string;
  readonly fetch: FetchLike | undefined;
  readonly clock: Clock;
}

const PREFIX = 'AzureCommunicationTokenCredential:';
const FAMILIES: readonly ScopeFamily[] = ['teamsExtension', 'communicationClients'];

/** A short, secret-free quote of a scope for error messages. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function checkEndpoint(resourceEndpoint: unknown): string {
  const expected = 'an absolute https URL such as https://my-resource.communication.azure.com';
  if (typeof resourceEndpoint !== 'string' || resourceEndpoint.trim() === '') {
    throw new TypeError(`${PREFIX} resourceEndpoint must be ${expected}; got ${describeType(resourceEndpoint)}.`);
  }
  // Without this check the ReferenceError below would read as "not an absolute URL".
  if (typeof URL !== 'function') {
    throw unsupportedRuntime(
      'URL global',
      'the Entra exchange (to check and build the exchange URL)',
      'install a WHATWG URL polyfill (for example react-native-url-polyfill) before creating the credential.',
    );
  }
  // The value is never quoted: a connection string passed by mistake would carry the access key.
  let url: URL;
  try {
    url = new URL(resourceEndpoint);
  } catch {
    throw new TypeError(
      `${PREFIX} resourceEndpoint must be ${expected}; got a string that is not an absolute URL (pass the endpoint, not a connection string).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${PREFIX} resourceEndpoint must be ${expected}; got a URL with the scheme ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`${PREFIX} resourceEndpoint must not contain a user name or password.`);
  }
  if (url.hash !== '') {
    throw new TypeError(`${PREFIX} resourceEndpoint must not contain a fragment (#…).`);
  }
  if (!isSecureOrLoopback(url)) {
    throw insecureUrlError(
      `${PREFIX} resourceEndpoint must use https, because the exchange request carries the Entra token.`,
    );
  }
  return resourceEndpoint;
}

function checkTokenCredential(tokenCredential: unknown): TokenCredential {
  const candidate = tokenCredential as { getToken?: unknown } | null | undefined;
  if (
    (typeof candidate !== 'object' && typeof candidate !== 'function') ||
    candidate === null ||
    typeof candidate.getToken !== 'function'
  ) {
    throw new TypeError(
      `${PREFIX} tokenCredential must be a TokenCredential (an object with a getToken(scopes, options) method), for example from @azure/identity; got ${describeType(tokenCredential)}.`,
    );
  }
  return candidate as TokenCredential;
}

function checkScopes(scopes: unknown): readonly string[] {
  if (scopes === undefined) return DEFAULT_ENTRA_SCOPES;
  if (!Array.isArray(scopes)) {
    throw new TypeError(
      `${SCOPES_VALIDATION_MESSAGE} scopes must be an array of strings; got ${describeType(scopes)}.`,
    );
  }
  if (scopes.length === 0) {
    throw new TypeError(`${SCOPES_VALIDATION_MESSAGE} Got an empty array; omit scopes to use the default.`);
  }
  const copy: string[] = [];
  for (const scope of scopes as unknown[]) {
    if (typeof scope !== 'string') {
      throw new TypeError(`${SCOPES_VALIDATION_MESSAGE} Got ${describeType(scope)} in scopes.`);
    }
    if (scopeFamilyOf(scope) === undefined) {
      throw new TypeError(`${SCOPES_VALIDATION_MESSAGE} Got ${quote(scope)}.`);
    }
    copy.push(scope);
  }
  if (copy.some((scope) => scopeFamilyOf(scope) !== scopeFamilyOf(copy[0] as string))) {
    throw new TypeError(
      `${SCOPES_VALIDATION_MESSAGE} All scopes must be of one family: Teams Extension scopes and communication clients scopes cannot be mixed.`,
    );
  }
  return Object.freeze(copy);
}

function checkRoutes(routes: unknown): ExchangeRouteOverrides {
  if (routes === undefined) return {};
  const usage = `${PREFIX} routes must be an object like { communicationClients: { apiVersion: '2025-03-02-preview' } }`;
  if (typeof routes !== 'object' || routes === null) throw new TypeError(`${usage}; got ${describeType(routes)}.`);
  const out: { [F in ScopeFamily]?: Partial<ExchangeRoute> } = {};
  for (const [family, override] of Object.entries(routes)) {
    if (!FAMILIES.includes(family as ScopeFamily)) {
      throw new TypeError(`${usage}; the keys are ${FAMILIES.join(' and ')}, got ${quote(family)}.`);
    }
    if (override === undefined) continue;
    if (typeof override !== 'object' || override === null) {
      throw new TypeError(`${usage}; routes.${family} is ${describeType(override)}.`);
    }
    const { path, apiVersion } = override as { path?: unknown; apiVersion?: unknown };
    if (path !== undefined && !(typeof path === 'string' && path.startsWith('/') && !/[?#]/.test(path))) {
      throw new TypeError(`${PREFIX} routes.${family}.path must be a path starting with "/" (no query or fragment).`);
    }
    if (apiVersion !== undefined && !(typeof apiVersion === 'string' && apiVersion.trim() !== '')) {
      throw new TypeError(`${PREFIX} routes.${family}.apiVersion must be a non-empty string such as "2025-06-30".`);
    }
    out[family as ScopeFamily] = {
      ...(path !== undefined ? { path } : {}),
      ...(apiVersion !== undefined ? { apiVersion } : {}),
    };
  }
  return out;
}

function checkFetch(fetch: unknown): FetchLike | undefined {
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new TypeError(`${PREFIX} fetch must be a fetch-compatible function; got ${describeType(fetch)}.`);
  }
  if (fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new TypeError(`${PREFIX} this runtime has no global fetch; pass one as the fetch option.`);
  }
  return fetch as FetchLike | undefined;
}

/**
 * Checks every Entra option and returns the configuration, or throws a `TypeError` naming the
 * option and the fix. Nothing is sent and nothing in `options` is changed.
 *
 * @example
 * ```ts
 * const config = resolveEntraOptions({ resourceEndpoint, tokenCredential });
 * config.url; // 'https://…/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview'
 * ```
 */
export function resolveEntraOptions(options: EntraCommunicationTokenCredentialOptions): EntraConfig {
  const endpoint = checkEndpoint(options.resourceEndpoint);
  const tokenCredential = checkTokenCredential(options.tokenCredential);
  const scopes = checkScopes(options.scopes);
  const routes = checkRoutes(options.routes);
  const fetch = checkFetch(options.fetch);
  const givenClock: unknown = options.clock;
  assertOptionalClock(givenClock);
  const route = exchangeRouteFor(scopes, routes);
  if (route === undefined) throw new TypeError(SCOPES_VALIDATION_MESSAGE); // unreachable: checkScopes ran
  return Object.freeze({
    tokenCredential,
    scopes,
    route,
    url: exchangeUrl(endpoint, route),
    fetch,
    clock: givenClock ?? systemClock,
  });
}
