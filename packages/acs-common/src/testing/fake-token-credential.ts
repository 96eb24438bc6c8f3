import type { AccessToken, GetTokenOptions, TokenCredential } from '../lib/core-auth-types.js';

/** One recorded `getToken` call of a {@link FakeTokenCredential}. */
export interface FakeTokenCredentialCall {
  readonly scopes: string[];
  readonly options: GetTokenOptions | undefined;
}

/**
 * A `TokenCredential` (the `@azure/core-auth` shape) that hands out a token you control and
 * records every call: a stand-in for `@azure/identity` credentials in Entra exchange tests.
 *
 * @example
 * ```ts
 * const entra = new FakeTokenCredential({ token: 'entra-1', expiresOnTimestamp: Date.now() + 3_600_000 });
 * const credential = new AzureCommunicationTokenCredential({ resourceEndpoint, tokenCredential: entra });
 * await credential.getToken();
 * entra.calls.length; // 1
 * entra.setToken('entra-2', Date.now() + 3_600_000); // rotation: the next getToken exchanges again
 * ```
 */
export class FakeTokenCredential implements TokenCredential {
  /** Every call, oldest first. */
  readonly calls: FakeTokenCredentialCall[] = [];
  #token: string;
  #expiresOnTimestamp: number;
  #error: unknown;
  #failing = false;

  constructor(options: { token?: string; expiresOnTimestamp?: number } = {}) {
    this.#token = options.token ?? 'fake-entra-token';
    this.#expiresOnTimestamp = options.expiresOnTimestamp ?? Date.now() + 60 * 60 * 1000;
  }

  /** Returns the current token, or rejects with the error set by {@link FakeTokenCredential.failWith}. */
  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.calls.push({ scopes: Array.isArray(scopes) ? [...scopes] : [scopes], options });
    if (this.#failing) throw this.#error;
    return { token: this.#token, expiresOnTimestamp: this.#expiresOnTimestamp };
  }

  /** Changes the token handed out from now on. */
  setToken(token: string, expiresOnTimestamp: number = this.#expiresOnTimestamp): void {
    this.#token = token;
    this.#expiresOnTimestamp = expiresOnTimestamp;
    this.#failing = false;
  }

  /** Makes every later call reject with `error` until {@link FakeTokenCredential.setToken}. */
  failWith(error: unknown = new Error('FakeTokenCredential: configured to fail')): void {
    this.#error = error;
    this.#failing = true;
  }
}
