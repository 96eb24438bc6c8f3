/**
 * Structural copies of the few `@azure/core-auth` and `@azure/abort-controller` types that the
 * public API mentions. They are assignable both ways with the originals, so no runtime or type
 * dependency on `@azure/*` is needed (checked by type tests against the real packages).
 */

/** A signal that can abort an operation; `AbortSignal` satisfies it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: (this: AbortSignalLike, ev: unknown) => unknown, options?: unknown): void;
  removeEventListener(
    type: 'abort',
    listener: (this: AbortSignalLike, ev: unknown) => unknown,
    options?: unknown,
  ): void;
}

/** A token and its expiry, as `@azure/core-auth` defines it. Times are epoch milliseconds. */
export interface AccessToken {
  /** The token string. */
  token: string;
  /** When the token expires, epoch milliseconds. */
  expiresOnTimestamp: number;
  /** When the token should be refreshed, epoch milliseconds (optional hint). */
  refreshAfterTimestamp?: number;
  /** The token type (`@azure/core-auth` ≥ 1.10). */
  tokenType?: 'Bearer' | 'pop';
}

/** Options of `TokenCredential.getToken` (the subset we use, plus an open tail). */
export interface GetTokenOptions {
  abortSignal?: AbortSignalLike;
  [key: string]: unknown;
}

/** An Entra (AAD) credential such as `@azure/identity`'s, per `@azure/core-auth`. */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/**
 * A credential holding an access key, per `@azure/core-auth` (`AzureKeyCredential` is one).
 *
 * @example
 * ```ts
 * const credential: KeyCredential = new AzureKeyCredential(accessKey);
 * ```
 */
export interface KeyCredential {
  readonly key: string;
}
