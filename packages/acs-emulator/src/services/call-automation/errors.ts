/**
 * A refusal of the call model (a precondition a request does not meet), with the HTTP status and
 * the error code the service answers. The routes turn it into the host's ServiceError; the model
 * itself stays free of HTTP.
 *
 * @example
 * ```ts
 * throw new CallModelError(404, '8522', 'Call not found.');
 * ```
 */
export class CallModelError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'CallModelError';
    this.status = status;
    this.code = code;
  }
}

/**
 * The service's answer for an unknown (or ended) call connection: 404, code 8522, "Call not found."
 * (as recorded from the service).
 *
 * @example
 * ```ts
 * throw callNotFound();
 * ```
 */
export function callNotFound(): CallModelError {
  return new CallModelError(404, '8522', 'Call not found.');
}
