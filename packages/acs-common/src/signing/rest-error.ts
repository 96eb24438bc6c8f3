import { redact } from '../lib/redact.js';
import type { PipelineRequest, PipelineResponse } from './pipeline-types.js';
import { sanitizeRequest, sanitizeResponse } from './sanitize.js';

/** Options of the {@link RestError} constructor (as in core-rest-pipeline). */
export interface RestErrorOptions {
  /** The error code; prefer `RestError.REQUEST_SEND_ERROR` / `RestError.PARSE_ERROR` where they fit. */
  code?: string;
  /** The HTTP status code, when there was a response. */
  statusCode?: number;
  /** The request that was made (kept non-enumerable). */
  request?: PipelineRequest;
  /** The response received (kept non-enumerable). */
  response?: PipelineResponse;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * An HTTP request failure, compatible with `@azure/core-rest-pipeline`'s `RestError` (which
 * `@azure/communication-common@2.5.0` re-exports): same name, fields and static codes.
 * `request` and `response` are non-enumerable, and `util.inspect` shows them sanitized (headers
 * outside an allow-list and query values other than `api-version` become `REDACTED`, and
 * anything shaped like a JWT is removed), so no
 * `Authorization` header or signature reaches a log.
 *
 * `error instanceof RestError` is also true for core-rest-pipeline's own `RestError`s (thrown by
 * Azure SDK clients), as it was when this class was core's.
 *
 * @example
 * ```ts
 * try {
 *   await client.createUser();
 * } catch (error) {
 *   if (error instanceof RestError && error.statusCode === 401) {
 *     // wrong access key, or a clock more than 15 minutes off
 *   }
 * }
 * ```
 */
export class RestError extends Error {
  /** The request could not be sent (DNS failure, connection lost, …). */
  static readonly REQUEST_SEND_ERROR: string = 'REQUEST_SEND_ERROR';
  /** The response could not be parsed. */
  static readonly PARSE_ERROR: string = 'PARSE_ERROR';

  /** The error code (see the statics). */
  code?: string;
  /** The HTTP status code, when there was a response. */
  statusCode?: number;
  /** The request that was made. Non-enumerable. */
  declare request?: PipelineRequest;
  /** The response received, if any. Non-enumerable. */
  declare response?: PipelineResponse;
  /** Extra information set by the thrower (for example the parsed error body). */
  details?: unknown;

  /**
   * @param message - What went wrong. Must not contain secrets.
   * @param options - Code, status, request and response.
   */
  constructor(message: string, options: RestErrorOptions = {}) {
    super(message);
    this.name = 'RestError';
    // Own properties even when undefined, as core-rest-pipeline's RestError has them.
    (this as { code?: string | undefined }).code = options.code;
    (this as { statusCode?: number | undefined }).statusCode = options.statusCode;
    Object.defineProperty(this, 'request', { value: options.request, enumerable: false, writable: true });
    Object.defineProperty(this, 'response', { value: options.response, enumerable: false, writable: true });
    Object.defineProperty(this, INSPECT, {
      value: () => `RestError: ${this.message} \n ${this.#sanitized()}`,
      enumerable: false,
    });
  }

  #sanitized(): string {
    const view = {
      name: this.name,
      code: this.code,
      statusCode: this.statusCode,
      request: sanitizeRequest(this.request),
      response: sanitizeResponse(this.response),
    };
    let text: string;
    try {
      text = JSON.stringify({ ...view, details: this.details });
    } catch {
      text = JSON.stringify(view); // details that JSON cannot represent (cycles, BigInt)
    }
    return redact(text); // a token quoted in details (JWT-shaped) is removed here too
  }

  /** `instanceof RestError` accepts any RestError by shape (see {@link isRestError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: subclasses keep ordinary instanceof semantics
    return this === RestError ? isRestError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * Whether `error` is a `RestError`: ours, `@azure/core-rest-pipeline`'s, or any error named
 * `"RestError"` (another copy of either package, another realm).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isRestError(error)) console.error(error.statusCode, error.code);
 * }
 * ```
 */
export function isRestError(error: unknown): error is RestError {
  if (typeof error !== 'object' || error === null) return false;
  if (Function.prototype[Symbol.hasInstance].call(RestError, error)) return true;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'RestError' && typeof message === 'string';
}
