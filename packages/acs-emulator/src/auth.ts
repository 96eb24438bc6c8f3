import type { AuthResult, EmulatorContext, EmulatorRequest } from './context.js';
import { verifyHmac } from './hmac.js';
import { denied, HttpError } from './http-error.js';
import type { AuthKind } from './router.js';
import { verifyAcsToken, verifyEntraToken } from './tokens.js';

/**
 * Authentication per route kind. Every failure is a 401 `Denied` whose message says what was
 * wrong without repeating what was sent.
 *
 * @example
 * ```ts
 * const auth = authenticate('hmac', context, request); // throws HttpError 401 on failure
 * ```
 */
export function authenticate(kind: AuthKind, context: EmulatorContext, request: EmulatorRequest): AuthResult {
  switch (kind) {
    case 'hmac':
      return hmac(context, request);
    case 'acsToken':
      return acsToken(context, request);
    case 'entraToken':
      return entraToken(context, request);
    case 'loopback':
      if (!isLoopback(request.remoteAddress)) {
        throw new HttpError(403, 'Forbidden', 'This emulator route only answers loopback clients.');
      }
      return LOOPBACK;
  }
}

const HMAC: AuthResult = { kind: 'hmac' };
const LOOPBACK: AuthResult = { kind: 'loopback' };

function hmac(context: EmulatorContext, request: EmulatorRequest): AuthResult {
  const { headers } = request;
  const result = verifyHmac(
    {
      method: request.method,
      pathAndQuery: request.target,
      host: headers.host,
      authorization: headers.authorization,
      xMsDate: single(headers['x-ms-date']),
      date: headers.date,
      contentSha256: single(headers['x-ms-content-sha256']),
      body: request.body,
    },
    context.accessKeyHmac,
    context.now(),
  );
  if (!result.ok) throw denied(result.reason);
  return HMAC;
}

function acsToken(context: EmulatorContext, request: EmulatorRequest): AuthResult {
  const result = verifyAcsToken(context.acsSigner, bearer(request), context.now());
  if ('reason' in result) throw denied(result.reason);
  const { claims } = result;
  const identity = context.store.get(claims.identityId);
  if (identity === undefined) throw denied('The identity of the access token has been deleted.');
  if (claims.revision < identity.minRevision) throw denied('The access token has been revoked.');
  return { kind: 'acsToken', claims };
}

function entraToken(context: EmulatorContext, request: EmulatorRequest): AuthResult {
  const result = verifyEntraToken(context.entraSigner, bearer(request), context.now());
  if ('reason' in result) throw denied(result.reason);
  return { kind: 'entraToken', claims: result.claims };
}

function bearer(request: EmulatorRequest): string {
  const { authorization } = request.headers;
  if (authorization === undefined || authorization === '') throw denied('The request has no Authorization header.');
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (match === null) throw denied("The Authorization header must be 'Bearer <token>'.");
  return match[1] as string;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a socket address is a loopback address (`127.0.0.0/8`, `::1`, or their IPv4-mapped form).
 *
 * @example
 * ```ts
 * isLoopback('::ffff:127.0.0.1'); // true
 * ```
 */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
