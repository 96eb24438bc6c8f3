/**
 * Errors that become HTTP responses in the ACS error envelope (`CommunicationErrorResponse`):
 * `{"error":{"code":"…","message":"…","target"?:"…","details"?:[…],"innererror"?:{…}}}`.
 */

/** One entry of `error.details` (and the shape of `error` itself). */
export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly details?: readonly ErrorDetail[];
  readonly innererror?: { readonly code: string; readonly message?: string };
}

/** Extra parts of a service error. */
export interface ServiceErrorOptions {
  readonly target?: string;
  readonly details?: readonly ErrorDetail[];
  readonly innererror?: { readonly code: string; readonly message?: string };
  /** Response headers (for example `retry-after`, `allow`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An error answered to the client. Its `message` is sent, so it must never contain a secret.
 *
 * @example
 * ```ts
 * throw new ServiceError(404, 'ThreadNotFound', 'The chat thread does not exist.', { target: 'threadId' });
 * ```
 */
export class ServiceError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly innererror: { readonly code: string; readonly message?: string } | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, options: ServiceErrorOptions = {}) {
    super(message);
    this.name = 'ServiceError';
    this.status = status;
    this.code = code;
    this.target = options.target;
    this.details = options.details;
    this.innererror = options.innererror;
    this.headers = options.headers ?? {};
  }

  /** The envelope's `error` member. */
  toDetail(): ErrorDetail {
    return {
      code: this.code,
      message: this.message,
      ...(this.target === undefined ? {} : { target: this.target }),
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.innererror === undefined ? {} : { innererror: this.innererror }),
    };
  }
}

/**
 * 401 `Denied`, the answer of ACS to every authentication failure.
 *
 * @example
 * ```ts
 * throw denied('The access token has expired.');
 * ```
 */
export function denied(message: string): ServiceError {
  return new ServiceError(401, 'Denied', message);
}

/**
 * 400 with a validation code.
 *
 * @example
 * ```ts
 * throw badRequest('InvalidScopes', 'scopes must not be empty.', 'scopes');
 * ```
 */
export function badRequest(code: string, message: string, target?: string): ServiceError {
  return new ServiceError(400, code, message, target === undefined ? {} : { target });
}

/**
 * 404 with a code.
 *
 * @example
 * ```ts
 * throw notFound('IdentityNotFound', 'The identity does not exist.');
 * ```
 */
export function notFound(code: string, message: string): ServiceError {
  return new ServiceError(404, code, message);
}

/**
 * 403 with a code.
 *
 * @example
 * ```ts
 * throw forbidden('Forbidden', 'The caller is not a participant of the thread.');
 * ```
 */
export function forbidden(code: string, message: string): ServiceError {
  return new ServiceError(403, code, message);
}

/**
 * 409 with a code.
 *
 * @example
 * ```ts
 * throw conflict('Conflict', 'A room with this id exists.');
 * ```
 */
export function conflict(code: string, message: string): ServiceError {
  return new ServiceError(409, code, message);
}

/**
 * The response body for an error.
 *
 * @example
 * ```ts
 * errorBody(denied('No Authorization header.')); // {"error":{"code":"Denied","message":"No Authorization header."}}
 * ```
 */
export function errorBody(error: ServiceError): string {
  return JSON.stringify({ error: error.toDetail() });
}
