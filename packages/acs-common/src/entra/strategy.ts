/**
 * The Entra form of the credential: two caches, both the one refresh engine (SPEC §4).
 *
 * - The Entra token engine calls `tokenCredential.getToken(scopes)`; callers wait for a new one
 *   from 5 minutes before its expiry (as the Azure Core bearer policy does).
 * - The ACS token engine runs the exchange; callers wait for a new one from 2 minutes before
 *   its expiry (the on-demand window of SPEC §3).
 * - Each ACS token remembers the Entra token string it was exchanged for; when the Entra token
 *   changes (rotation, new sign-in), the ACS token is dropped and exchanged again.
 *
 * Lazy: nothing is requested before the first `getToken`, so construction never starts a
 * request whose failure nobody awaits, and never opens a sign-in prompt.
 */
import type { TokenStrategy } from '../credential/strategy.js';
import type { EntraCommunicationTokenCredentialOptions } from '../credential/types.js';
import type { AbortSignalLike, AccessToken } from '../lib/core-auth-types.js';
import { disposedError } from '../lib/errors.js';
import { RefreshEngine, type RefreshPolicy } from '../lib/refresh-engine.js';
import { REFRESH_WINDOWS } from '../lib/refresh-windows.js';
import { sendExchange } from './exchange.js';
import { buildExchangeRequest } from './exchange-request.js';
import { resolveEntraOptions } from './options.js';

/**
 * Callers wait for a new Entra token when less than this remains (Azure Core's bearer policy:
 * 5 min); a row of the one table in lib/refresh-windows.ts.
 *
 * @example
 * ```ts
 * ENTRA_TOKEN_REFRESH_WINDOW_IN_MS; // 300000
 * ```
 */
export const ENTRA_TOKEN_REFRESH_WINDOW_IN_MS: number = REFRESH_WINDOWS.entraToken.blockingInMs;
/**
 * Callers wait for a new ACS token (a new exchange) when less than this remains, capped at half
 * the token's lifetime (the on-demand window of the refresher form); a row of the one table in
 * lib/refresh-windows.ts.
 *
 * @example
 * ```ts
 * ACS_TOKEN_REFRESH_WINDOW_IN_MS; // 120000
 * ```
 */
export const ACS_TOKEN_REFRESH_WINDOW_IN_MS: number = REFRESH_WINDOWS.exchangedAcsToken.blockingInMs;

/**
 * The Entra token: requested again 5 minutes before it expires. A token that has already
 * expired is still exchanged (as 2.5.0 and .NET do): the service decides.
 */
const ENTRA_TOKEN_POLICY: Omit<RefreshPolicy<AccessToken>, 'clock'> = {
  windows: REFRESH_WINDOWS.entraToken,
  source: 'The tokenCredential',
  invalidResultCode: 'ERR_ENTRA_TOKEN',
  name: 'AzureCommunicationTokenCredential (Entra token)',
};

/** The ACS token from the exchange: exchanged again 2 minutes before it expires. */
const ACS_TOKEN_POLICY: Omit<RefreshPolicy<AccessToken>, 'clock'> = {
  windows: REFRESH_WINDOWS.exchangedAcsToken,
  expiredResultMessage: 'The token returned from the tokenRefresher is expired.',
  source: 'The token exchange',
  invalidResultCode: 'ERR_INVALID_TOKEN',
  name: 'AzureCommunicationTokenCredential (Entra exchange)',
};

/**
 * Validates the Entra options (throwing `TypeError`s at once) and returns the exchange strategy.
 *
 * @example
 * ```ts
 * const strategy = createEntraStrategy({ resourceEndpoint, tokenCredential });
 * const { token } = await strategy.getToken(undefined);
 * ```
 */
export function createEntraStrategy(options: EntraCommunicationTokenCredentialOptions): TokenStrategy {
  const config = resolveEntraOptions(options);
  const { clock, tokenCredential, scopes, url } = config;
  const entraPolicy = { ...ENTRA_TOKEN_POLICY, clock };
  const acsPolicy = { ...ACS_TOKEN_POLICY, clock };
  const entraEngine = new RefreshEngine(entraPolicy, {
    // 2.5.0 passes `undefined` when there is no signal; a fresh copy keeps our scopes ours. The
    // engine checks the result with the one AccessToken guard (null included).
    refresh: (abortSignal) => tokenCredential.getToken([...scopes], abortSignal ? { abortSignal } : undefined),
  });

  /**
   * One ACS-token engine per Entra token string: when the Entra token changes, the next caller
   * swaps in a fresh engine (synchronously, so concurrent callers share it), whose first
   * getToken exchanges the new Entra token. Exchanges still in flight on the old engine finish
   * for the callers that joined them.
   */
  const acsEngineFor = (entraToken: string) =>
    new RefreshEngine(acsPolicy, {
      refresh: (abortSignal) => sendExchange(buildExchangeRequest(url, entraToken), config, entraToken, abortSignal),
    });
  let exchangedFor: string | undefined;
  let acsEngine: RefreshEngine | undefined;
  let disposed = false;

  return {
    async getToken(abortSignal: AbortSignalLike | undefined): Promise<AccessToken> {
      const { token: entraToken } = await entraEngine.getToken(abortSignal);
      // Disposed while the Entra token was on its way: no new engine, no exchange.
      if (disposed) throw disposedError();
      if (acsEngine === undefined || exchangedFor !== entraToken) {
        exchangedFor = entraToken;
        acsEngine = acsEngineFor(entraToken);
      }
      return acsEngine.getToken(abortSignal);
    },
    dispose(): void {
      disposed = true;
      acsEngine?.dispose();
      entraEngine.dispose();
    },
  };
}
