/**
 * Stable codes for every error this library creates, so callers can branch on `error.code`
 * instead of parsing messages. Messages that the official package also produces keep its exact
 * wording (drop-in parity); the code is the part we add.
 */
export type AcsErrorCode =
  | 'ERR_ABORTED'
  | 'ERR_DISPOSED'
  | 'ERR_INVALID_TOKEN'
  | 'ERR_TOKEN_EXPIRED'
  | 'ERR_REFRESHER'
  | 'ERR_INVALID_OPTIONS'
  | 'ERR_INVALID_IDENTIFIER'
  | 'ERR_INVALID_CONNECTION_STRING'
  | 'ERR_INVALID_ENDPOINT'
  | 'ERR_INVALID_ACCESS_KEY'
  | 'ERR_UNSUPPORTED_BODY'
  | 'ERR_INSECURE_ENDPOINT'
  | 'ERR_EXCHANGE_FAILED'
  | 'ERR_ENTRA_TOKEN'
  | 'ERR_UNSUPPORTED_RUNTIME'
  | 'ERR_INVALID_CLOCK';

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
 */
export function unsupportedRuntime(missing: string, neededFor: string, fix: string): AcsError {
  return new AcsError(
    `This JavaScript runtime has no ${missing}, which ${neededFor} needs; ${fix}`,
    'ERR_UNSUPPORTED_RUNTIME',
  );
}
