import { AzureCommunicationTokenCredential as BaseCredential } from '../credential/credential.js';
import type { TokenStrategy } from '../credential/strategy.js';
import type {
  CommunicationTokenRefreshOptions,
  EntraCommunicationTokenCredentialOptions,
} from '../credential/types.js';
import type { AccessToken } from '../lib/core-auth-types.js';
import { createEntraStrategy } from './strategy.js';

/**
 * The ACS user credential, in all three forms: a static token, a refresh callback (optionally
 * proactive, optionally with an initial token), or an Entra ID user token exchanged for an ACS
 * token. A drop-in replacement for the class of `@azure/communication-common`; this is the class
 * exported by `acs-common` and `acs-common/entra` (the one in `acs-common/credential` leaves the
 * Entra exchange out, to stay small).
 *
 * The Entra form validates its options at once (`TypeError`), sends nothing until the first
 * `getToken`, caches the Entra token (new one from 5 minutes before its expiry) and the ACS token
 * (new exchange from 2 minutes before its expiry, or as soon as the Entra token changes), and
 * retries transient failures (408, 429, 5xx, network) up to 3 times.
 *
 * @example Static token (short-lived clients)
 * ```ts
 * const credential = new AzureCommunicationTokenCredential(token);
 * ```
 *
 * @example Refresh callback, proactive, with an initial token
 * ```ts
 * const credential = new AzureCommunicationTokenCredential({
 *   tokenRefresher: async (abortSignal) => fetchTokenFromMyServer('bob@contoso.com', abortSignal),
 *   refreshProactively: true,
 *   token: initialToken,
 * });
 * const chatClient = new ChatClient(endpoint, credential);
 * ```
 *
 * @example Entra ID user (Teams Extension or communication clients scopes)
 * ```ts
 * import { InteractiveBrowserCredential } from '@azure/identity';
 *
 * const credential = new AzureCommunicationTokenCredential({
 *   resourceEndpoint: 'https://my-resource.communication.azure.com',
 *   tokenCredential: new InteractiveBrowserCredential({ tenantId, clientId, redirectUri }),
 *   scopes: ['https://communication.azure.com/clients/VoIP'],
 * });
 * const { token } = await credential.getToken(); // signs in, then exchanges
 * ```
 */
export class AzureCommunicationTokenCredential extends BaseCredential {
  /** A static token (a JWT string, or an AccessToken with an explicit expiry). */
  constructor(token: string | AccessToken);
  /** A refresh callback, optionally proactive and with an initial token. */
  constructor(refreshOptions: CommunicationTokenRefreshOptions);
  /** An Entra ID user credential whose tokens are exchanged for ACS tokens. */
  constructor(entraOptions: EntraCommunicationTokenCredentialOptions);
  constructor(
    options: string | AccessToken | CommunicationTokenRefreshOptions | EntraCommunicationTokenCredentialOptions,
  ) {
    // The base constructor tells the forms apart and calls createEntraStrategy for this one.
    super(options as CommunicationTokenRefreshOptions);
  }

  /**
   * Builds the Entra exchange strategy.
   * @hidden
   */
  protected override createEntraStrategy(options: EntraCommunicationTokenCredentialOptions): TokenStrategy {
    return createEntraStrategy(options);
  }
}
