import type { ExchangeRouteOverrides } from 'acs-protocol';
import type { Clock } from '../lib/clock.js';
import type { AbortSignalLike, AccessToken, TokenCredential } from '../lib/core-auth-types.js';
import type { FetchLike } from '../lib/fetch-types.js';

/**
 * Options of `getToken`.
 *
 * @example
 * ```ts
 * await credential.getToken({ abortSignal: AbortSignal.timeout(5_000) });
 * ```
 */
export interface CommunicationGetTokenOptions {
  /** Aborts this caller's wait (other callers sharing the refresh are not affected). */
  abortSignal?: AbortSignalLike;
}

/**
 * What the ACS clients (`ChatClient`, calling) need from a credential.
 *
 * @example
 * ```ts
 * const credential: CommunicationTokenCredential = new AzureCommunicationTokenCredential(token);
 * ```
 */
export interface CommunicationTokenCredential {
  /** A valid token, refreshed as needed. */
  getToken(options?: CommunicationGetTokenOptions): Promise<AccessToken>;
  /** Stops refreshing and releases the timer. */
  dispose(): void;
}

/**
 * Options of the refreshing forms of `AzureCommunicationTokenCredential`.
 *
 * @example
 * ```ts
 * const credential = new AzureCommunicationTokenCredential({
 *   tokenRefresher: async (abortSignal) => fetchTokenFromMyServer(abortSignal),
 *   token: initialToken, // optional
 *   refreshProactively: true, // optional
 * });
 * ```
 */
export interface CommunicationTokenRefreshOptions {
  /**
   * Returns a fresh, unexpired token: a JWT string, or an AccessToken with an explicit
   * `expiresOnTimestamp` (needed for encrypted tokens). May return it directly or as a promise.
   * Receives the abort signal of the `getToken` call that started the refresh.
   */
  tokenRefresher: (abortSignal?: AbortSignalLike) => Promise<string | AccessToken> | string | AccessToken;
  /** An initial token, used until it needs refreshing. */
  token?: string | AccessToken;
  /** Refresh in the background before the token expires (10 minutes before). Default `false`. */
  refreshProactively?: boolean;
  /** Lifetime assumed for tokens whose expiry cannot be decoded. Default 600 seconds. */
  undecodableTokenExpiryIntervalInSeconds?: number;
  /** Told about each failed background refresh (they are also logged at warning level and retried). */
  onRefreshError?: (error: unknown) => void;
  /** Time source and timers, for deterministic tests (see `ManualClock` in `acs-common/testing`). */
  clock?: Clock;
}

/**
 * Options of the Entra form: exchanges an Entra ID user token for an ACS token.
 *
 * @example
 * ```ts
 * const credential = new AzureCommunicationTokenCredential({
 *   resourceEndpoint: 'https://my-resource.communication.azure.com',
 *   tokenCredential: new InteractiveBrowserCredential({ tenantId, clientId }),
 *   scopes: ['https://communication.azure.com/clients/VoIP'],
 * });
 * ```
 */
export interface EntraCommunicationTokenCredentialOptions {
  /** The ACS resource endpoint, for example `https://my-resource.communication.azure.com`. */
  resourceEndpoint: string;
  /** Any `@azure/core-auth` TokenCredential that yields Entra user tokens. */
  tokenCredential: TokenCredential;
  /** Entra scopes, all of one family. Default `['https://communication.azure.com/clients/.default']`. */
  scopes?: string[];
  /**
   * Replaces the route (path or api-version) of a scope family. Defaults:
   * `teamsExtension` → `/access/teamsExtension/:exchangeAccessToken`, `2025-06-30`;
   * `communicationClients` → `/access/entra/:exchangeAccessToken`, `2025-03-02-preview`.
   */
  routes?: ExchangeRouteOverrides;
  /** The `fetch` used for the exchange. Default: `globalThis.fetch`, looked up at each request. */
  fetch?: FetchLike;
  /** Time source and timers (token expiry, retry back-off), for deterministic tests. */
  clock?: Clock;
}
