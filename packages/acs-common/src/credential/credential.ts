import type { AccessToken } from '../lib/core-auth-types.js';
import { disposedError } from '../lib/errors.js';
import { isAccessToken, parseToken } from './parse-token.js';
import { createRefreshingStrategy } from './refreshing-strategy.js';
import type { TokenStrategy } from './strategy.js';
import type {
  CommunicationGetTokenOptions,
  CommunicationTokenCredential,
  CommunicationTokenRefreshOptions,
  EntraCommunicationTokenCredentialOptions,
} from './types.js';
import { invalidOption } from './validate.js';

declare global {
  interface SymbolConstructor {
    /**
     * Declared here as `@types/node` does, so these types compile without the `ESNext.Disposable`
     * lib (identical declarations merge with it).
     */
    readonly dispose: unique symbol;
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * `Symbol.dispose`, or where the engine lacks it (WebKit today, Hermes, QuickJS) the registered
 * symbol that TypeScript's downlevel `using` helpers and polyfills use; never `undefined`, which
 * would name the method "undefined".
 */
const disposeSymbol: typeof Symbol.dispose = (Symbol.dispose ?? Symbol.for('Symbol.dispose')) as typeof Symbol.dispose;

const FORMS =
  'a token string, an AccessToken with a non-empty token and a finite expiresOnTimestamp, { tokenRefresher } or { resourceEndpoint, tokenCredential }';

/** A static token, returned as is even when expired (parity with .NET and 2.5.0). */
class StaticStrategy implements TokenStrategy {
  readonly #token: AccessToken;
  constructor(token: AccessToken) {
    this.#token = token;
  }
  getToken(): Promise<AccessToken> {
    return Promise.resolve(this.#token);
  }
  dispose(): void {}
}

/**
 * The ACS user credential, in three forms: a static token, a refresh callback (optionally
 * proactive, optionally with an initial token), or an Entra ID user token exchanged for an ACS
 * token. A drop-in replacement for the class of `@azure/communication-common`.
 *
 * This entry point (`acs-common/credential`) carries the static and refreshing forms only, to stay
 * small, and its constructor does not declare the Entra form (it would fail at run time); the
 * class exported by `acs-common` and `acs-common/entra`, a subclass of this one, takes all three.
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
 */
export class AzureCommunicationTokenCredential implements CommunicationTokenCredential {
  /** `undefined` once disposed. */
  #strategy: TokenStrategy | undefined;

  // No Entra overload here: this class cannot run the exchange, so code that passes Entra
  // options to it must not type-check. The class of `acs-common` and `acs-common/entra` (a
  // subclass) declares it.
  /** A static token (a JWT string, or an AccessToken with an explicit expiry). */
  constructor(token: string | AccessToken);
  /** A refresh callback, optionally proactive and with an initial token. */
  constructor(refreshOptions: CommunicationTokenRefreshOptions);
  constructor(
    options: string | AccessToken | CommunicationTokenRefreshOptions | EntraCommunicationTokenCredentialOptions,
  ) {
    if (typeof options === 'string' || isAccessToken(options)) {
      this.#strategy = new StaticStrategy(parseToken(options, Date.now()));
    } else if (isObject(options) && 'token' in options && !('tokenRefresher' in options)) {
      // An AccessToken that is not one (an expiry that is not a date, an empty token): say which
      // field is wrong (2.5.0 silently treats it as Entra options). parseToken throws a TypeError.
      this.#strategy = new StaticStrategy(parseToken(options, Date.now()));
    } else if (isObject(options) && 'tokenRefresher' in options) {
      this.#strategy = createRefreshingStrategy(options);
    } else if (isObject(options) && ('resourceEndpoint' in options || 'tokenCredential' in options)) {
      this.#strategy = this.createEntraStrategy(options);
    } else {
      // Includes malformed AccessTokens, which 2.5.0 silently treats as Entra options.
      throw invalidOption('its argument', FORMS, options);
    }
  }

  /**
   * Extension point for the Entra form, implemented by the class in `acs-common/entra`.
   * @hidden
   */
  protected createEntraStrategy(_options: EntraCommunicationTokenCredentialOptions): TokenStrategy {
    throw new TypeError("AzureCommunicationTokenCredential: Entra options need 'acs-common' or 'acs-common/entra'.");
  }

  /**
   * A valid token: refreshed first when needed, shared with concurrent callers.
   *
   * @example
   * ```ts
   * const { token, expiresOnTimestamp } = await credential.getToken({ abortSignal });
   * ```
   */
  getToken(options?: CommunicationGetTokenOptions): Promise<AccessToken> {
    const strategy = this.#strategy;
    return strategy ? strategy.getToken(options?.abortSignal) : Promise.reject(disposedError());
  }

  /**
   * Stops refreshing and clears the timer; idempotent. Later `getToken` calls reject with
   * `User credential is disposed`.
   *
   * @example
   * ```ts
   * credential.dispose();
   * ```
   */
  dispose(): void {
    this.#strategy?.dispose();
    this.#strategy = undefined;
  }

  /**
   * Same as `dispose()`, so `using credential = new AzureCommunicationTokenCredential(…)` works.
   * Where the engine has no `Symbol.dispose`, the method is keyed by `Symbol.for('Symbol.dispose')`.
   *
   * @example
   * ```ts
   * using credential = new AzureCommunicationTokenCredential(token);
   * ```
   */
  [disposeSymbol](): void {
    this.dispose();
  }
}
