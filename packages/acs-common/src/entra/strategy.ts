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
import { AcsError, disposedError } from '../lib/errors.js';
import { RefreshEngine, type RefreshPolicy } from '../lib/refresh-engine.js';
import { sendExchange } from './exchange.js';
import { buildExchangeRequest } from './exchange-request.js';
import { resolveEntraOptions } from './options.js';

/**
 * Callers wait for a new Entra token when less than this remains (Azure Core's bearer policy: 5 min).
 *
 * @example
 * ```ts
 * ENTRA_TOKEN_REFRESH_WINDOW_IN_MS; // 300000
 * ```
 */
export const ENTRA_TOKEN_REFRESH_WINDOW_IN_MS = 5 * 60 * 1000;
/**
 * Callers wait for a new ACS token (a new exchange) when less than this remains, capped at half
 * the token's lifetime (the on-demand window of the refresher form).
 *
 * @example
 * ```ts
 * ACS_TOKEN_REFRESH_WINDOW_IN_MS; // 120000
 * ```
 */
export const ACS_TOKEN_REFRESH_WINDOW_IN_MS = 2 * 60 * 1000;

const EXPIRED_ACS_TOKEN = 'The token returned from the tokenRefresher is expired.';
const EXPIRED_ENTRA_TOKEN = 'The token returned from the tokenCredential is expired.';

function isTokenLike(value: unknown): value is AccessToken {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresOnTimestamp } = value as Partial<AccessToken>;
  return typeof token === 'string' && token !== '' && typeof expiresOnTimestamp === 'number';
}

/** The Entra token: requested again 5 minutes before it expires. */
const ENTRA_TOKEN_POLICY: Omit<RefreshPolicy<AccessToken>, 'clock'> = {
  blockingWindowInMs: ENTRA_TOKEN_REFRESH_WINDOW_IN_MS,
  expiredResultMessage: EXPIRED_ENTRA_TOKEN,
  name: 'AzureCommunicationTokenCredential (Entra token)',
};

/** The ACS token from the exchange: exchanged again 2 minutes before it expires. */
const ACS_TOKEN_POLICY: Omit<RefreshPolicy<AccessToken>, 'clock'> = {
  blockingWindowInMs: ACS_TOKEN_REFRESH_WINDOW_IN_MS,
  expiredResultMessage: EXPIRED_ACS_TOKEN,
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
    refresh: async (abortSignal) => {
      // 2.5.0 passes `undefined` when there is no signal; a fresh copy keeps our scopes ours.
      const result = await tokenCredential.getToken([...scopes], abortSignal ? { abortSignal } : undefined);
      if (!isTokenLike(result)) {
        throw new AcsError(
          `The tokenCredential returned ${result === null ? 'null' : 'no access token'} for the scopes ${scopes.join(' ')}; it must return an AccessToken with a non-empty token.`,
          'ERR_ENTRA_TOKEN',
        );
      }
      return { token: result.token, expiresOnTimestamp: result.expiresOnTimestamp };
    },
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
