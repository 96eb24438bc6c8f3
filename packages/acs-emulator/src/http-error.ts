/**
 * Errors that become HTTP responses in the ACS error shape
 * `{"error":{"code":"…","message":"…"}}` (CommunicationErrorResponse).
 */

/**
 * An error answered to the client. `message` is sent, so it must never contain a secret.
 *
 * @example
 * ```ts
 * throw new HttpError(401, 'Denied', 'The access token has expired.');
 * ```
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/**
 * 401 `Denied`, the answer of ACS to every authentication failure.
 *
 * @example
 * ```ts
 * throw denied('The signature does not match.');
 * ```
 */
export function denied(message: string): HttpError {
  return new HttpError(401, 'Denied', message);
}

/**
 * 400 with a validation code.
 *
 * @example
 * ```ts
 * throw badRequest('InvalidScopes', 'scopes must not be empty.');
 * ```
 */
export function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

/**
 * The response body for an error.
 *
 * @example
 * ```ts
 * errorBody('Denied', 'No Authorization header.'); // {"error":{"code":"Denied","message":"No Authorization header."}}
 * ```
 */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
