/**
 * The stable code of every `AcsError` this library throws, so callers can branch on
 * `error.code` instead of parsing messages. Exactly the codes thrown: a test scans the sources
 * and fails on a code declared here and never thrown, or thrown and not declared. Messages that
 * the official package also produces keep its exact wording (drop-in parity); the code is the
 * part we add. The error model: a bad argument is a `TypeError` at the call that passed it, a
 * runtime failure an `AcsError` with one of these codes, an HTTP failure a `RestError`.
 *
 * - `ERR_ABORTED`: the caller's own `abortSignal` fired (`AbortError`).
 * - `ERR_DISPOSED`: the credential was disposed.
 * - `ERR_INVALID_TOKEN`: a `tokenRefresher` (or the token exchange) returned something that is not
 *   a token, or one whose expiry is not a date.
 * - `ERR_TOKEN_EXPIRED`: a `tokenRefresher` (or the token exchange) returned an expired token.
 * - `ERR_ENTRA_TOKEN`: a `TokenCredential` (Entra form, bearer policy) returned no usable token.
 * - `ERR_INVALID_CLOCK`: the `clock` option's `now()` stopped returning a time.
 * - `ERR_INVALID_CONNECTION_STRING`, `ERR_INVALID_ENDPOINT`, `ERR_INVALID_ACCESS_KEY`,
 *   `ERR_UNSUPPORTED_BODY`: signing and client arguments (see their functions).
 * - `ERR_UNSUPPORTED_RUNTIME`: the JavaScript runtime lacks a Web API the library needs.
 */
export type AcsErrorCode =
  | 'ERR_ABORTED'
  | 'ERR_DISPOSED'
  | 'ERR_INVALID_TOKEN'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_ENTRA_TOKEN'
  | 'ERR_INVALID_CLOCK'
  | 'ERR_INVALID_CONNECTION_STRING'
  | 'ERR_INVALID_ENDPOINT'
  | 'ERR_INVALID_ACCESS_KEY'
  | 'ERR_UNSUPPORTED_BODY'
  | 'ERR_UNSUPPORTED_RUNTIME';

/**
 * Base class of the errors thrown by acs-common (argument errors are `TypeError`s instead).
 *
 * @example
 * ```ts
 * try {
 *   await credential.getToken();
 * } catch (error) {
 *   if (error instanceof AcsError && error.code === 'ERR_TOKEN_EXPIRED') {
 *     // the refresher handed back a token that had already expired
 *   }
 * }
 * ```
 */
export class AcsError extends Error {
  /** A stable, machine-readable reason. */
  readonly code: AcsErrorCode;

  constructor(message: string, code: AcsErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AcsError';
    this.code = code;
  }
}

/**
 * Rejection of a `getToken` call whose own `abortSignal` fired. The signal's `reason` is kept
 * as `cause`. Other callers sharing the same refresh are not affected.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = credential.getToken({ abortSignal: controller.signal });
 * controller.abort();
 * await pending; // rejects with AbortError (name "AbortError", code "ERR_ABORTED")
 * ```
 */
export class AbortError extends AcsError {
  constructor(message = 'The operation was aborted.', options?: { cause?: unknown }) {
    super(message, 'ERR_ABORTED', options);
    this.name = 'AbortError';
  }
}

/** The error of every call on a disposed credential (the official text). */
export function disposedError(): AcsError {
  return new AcsError('User credential is disposed', 'ERR_DISPOSED');
}

/** The rejection of a caller whose own signal aborted; the signal's reason is the cause. */
export function abortedBy(signal: { readonly reason?: unknown }): AbortError {
  return new AbortError(undefined, { cause: signal.reason });
}

/**
 * The error for a Web API the JavaScript runtime does not provide (for example `URL` or
 * `crypto.subtle` on some React Native engines): says what is missing, what needs it, and how to
 * fix it, instead of a bare `ReferenceError` or a misleading validation message.
 *
 * @example
 * ```ts
 * if (typeof URL !== 'function') throw unsupportedRuntime('URL global', 'the Entra exchange', 'install a URL polyfill.');
 * ```
 */
export function unsupportedRuntime(missing: string, neededFor: string, fix: string): AcsError {
  return new AcsError(
    `This JavaScript runtime has no ${missing}, which ${neededFor} needs; ${fix}`,
    'ERR_UNSUPPORTED_RUNTIME',
  );
}
