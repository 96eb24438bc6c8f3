/**
 * Reads the exchange response (pure): the "process" step of build → send → process.
 * 200 `{ identity: { id }, accessToken: { token, expiresOn } }` gives the ACS token with its
 * expiry from `expiresOn`; anything else gives a `RestError`-compatible error that carries the
 * status and the service's `error.code` / `error.message` and never a token.
 */
import type { AccessToken } from '../lib/core-auth-types.js';
import { MAX_QUOTED_LENGTH, redact } from '../lib/redact.js';
import { RestError } from '../signing/rest-error.js';
import { parseRfc3339 } from './rfc3339.js';

/**
 * What the processor needs from an HTTP response (the shell reads the body first).
 *
 * @example
 * ```ts
 * const response: ExchangeHttpResponse = { status: 401, bodyText: '{"error":{"code":"Denied"}}' };
 * ```
 */
export interface ExchangeHttpResponse {
  readonly status: number;
  readonly statusText?: string | undefined;
  /** The `x-ms-error-code` header, a fallback for the error code. */
  readonly errorCodeHeader?: string | null | undefined;
  readonly bodyText: string;
}

/**
 * The service's error envelope (`CommunicationErrorResponse`), as far as we read it; the
 * `details` of an exchange `RestError`.
 *
 * @example
 * ```ts
 * const details = error.details as ServiceErrorDetails; // { code: 'Denied', message: '…' }
 * ```
 */
export interface ServiceErrorDetails {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function invalidResponse(problem: string): RestError {
  return new RestError(`The token exchange response is not valid: ${problem}.`, {
    code: RestError.PARSE_ERROR,
    statusCode: 200,
  });
}

/**
 * The ACS token of a successful exchange. Throws a `RestError` (code `PARSE_ERROR`) when the
 * body is not JSON, `accessToken.token` is not a non-empty string, or `accessToken.expiresOn`
 * is not an RFC 3339 date-time. The messages never quote the body, which holds the token.
 *
 * @example
 * ```ts
 * readExchangedToken('{"identity":{"id":"8:acs:…"},"accessToken":{"token":"eyJ…","expiresOn":"2034-10-04T10:21:29.4729393+00:00"}}');
 * // { token: 'eyJ…', expiresOnTimestamp: 2043570089472 }
 * ```
 */
export function readExchangedToken(bodyText: string, secrets: readonly string[] = []): AccessToken {
  const json = parseJson(bodyText);
  if (!isRecord(json)) throw invalidResponse('the body is not a JSON object');
  const accessToken = json.accessToken;
  if (!isRecord(accessToken)) throw invalidResponse('accessToken is missing');
  const { token, expiresOn } = accessToken;
  if (typeof token !== 'string' || token.trim() === '') throw invalidResponse('accessToken.token is missing or empty');
  if (typeof expiresOn !== 'string') throw invalidResponse('accessToken.expiresOn is missing');
  const expiresOnTimestamp = parseRfc3339(expiresOn);
  if (expiresOnTimestamp === undefined) {
    throw invalidResponse(
      `accessToken.expiresOn ${JSON.stringify(redact(expiresOn, [token, ...secrets], 64))} is not an RFC 3339 date-time`,
    );
  }
  return { token, expiresOnTimestamp };
}

/**
 * The `error` object of a `CommunicationErrorResponse` body, if the body is one.
 *
 * @example
 * ```ts
 * readServiceError('{"error":{"code":"BadRequest","message":"Invalid request."}}'); // { code: 'BadRequest', message: 'Invalid request.' }
 * readServiceError('Service Unavailable'); // undefined
 * ```
 */
export function readServiceError(bodyText: string): ServiceErrorDetails | undefined {
  const json = parseJson(bodyText);
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const { code, message, target } = json.error;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof target === 'string' ? { target } : {}),
  };
}

/**
 * The error for a response other than 200: `RestError` with `statusCode`, `code` (the service's
 * `error.code`, else the `x-ms-error-code` header) and `details` (the service's error object).
 * The message starts like 2.5.0's (`Service request failed. Status: 401`) and adds the
 * service's code and message, or else the body text; `secrets` (the Entra token) and anything
 * shaped like a JWT are removed from all of it.
 *
 * @example
 * ```ts
 * exchangeFailure({ status: 400, bodyText: '{"error":{"code":"BadRequest","message":"Invalid request."}}' }, []);
 * // RestError: Service request failed. Status: 400, Code: BadRequest, Message: Invalid request.
 * ```
 */
export function exchangeFailure(response: ExchangeHttpResponse, secrets: readonly string[]): RestError {
  const bodyText = redact(response.bodyText, secrets);
  const service = readServiceError(bodyText);
  const code = service?.code ?? (response.errorCodeHeader ? redact(response.errorCodeHeader, secrets, 200) : undefined);
  let message = `Service request failed. Status: ${response.status}`;
  if (service?.code !== undefined || service?.message !== undefined) {
    if (service.code !== undefined) message += `, Code: ${redact(service.code, [], 200)}`;
    if (service.message !== undefined) message += `, Message: ${redact(service.message, [], MAX_QUOTED_LENGTH)}`;
  } else if (bodyText.trim() !== '') {
    message += `, Body: ${redact(bodyText, [], MAX_QUOTED_LENGTH)}`;
  } else if (response.statusText) {
    message += ` (${redact(response.statusText, secrets, 200)})`;
  }
  const error = new RestError(message, {
    ...(code !== undefined ? { code } : {}),
    statusCode: response.status,
  });
  if (service !== undefined) error.details = service;
  return error;
}
