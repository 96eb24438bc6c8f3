import { denied, ServiceError } from '../errors.js';
import type { HmacDiagnostics } from '../request-log.js';
import type { AuthName, Callers, HandlerRequest, Signers } from '../service.js';
import type { Store } from '../store/store.js';
import { verifyHmac } from './hmac.js';
import { isLoopbackAddress } from './loopback.js';
import { verifyAcsToken, verifyEntraToken } from './tokens.js';
import type { VerifiedTokens } from './verified-tokens.js';

/**
 * The auth providers, by name. A route lists the names it accepts; the pipeline picks the
 * provider whose credential the request carries (HMAC by its `Authorization` scheme, the bearer
 * kinds by theirs), so `['hmac', 'entraAdmin']` accepts either. Every failure is a 401 `Denied`
 * (403 for a loopback-only route called from elsewhere) whose message says what was wrong without
 * repeating what was sent.
 */

/** What providers need from the host. */
export interface AuthEnvironment {
  readonly store: Store;
  readonly signers: Signers;
  /** The decoded access key. */
  readonly accessKey: Uint8Array;
  /** ACS tokens already verified (signature and claims), so each is checked in full once. */
  readonly verifiedAcsTokens: VerifiedTokens;
  now(): number;
}

/** A request as providers see it (before its body is validated). */
export type AuthRequest = Pick<HandlerRequest, 'method' | 'target' | 'headers' | 'rawBody' | 'remoteAddress'>;

/**
 * An authentication failure; for HMAC it carries what the emulator computed, for the request log.
 *
 * @example
 * ```ts
 * throw new AuthFailure('The request signature does not match.', diagnostics);
 * ```
 */
export class AuthFailure extends ServiceError {
  readonly hmac: HmacDiagnostics | undefined;
  constructor(message: string, hmac?: HmacDiagnostics, status = 401, code = 'Denied') {
    super(status, code, message);
    this.name = 'AuthFailure';
    this.hmac = hmac;
  }
}

/** One provider. */
export interface AuthProvider<N extends AuthName> {
  readonly name: N;
  /** Whether the request carries this provider's kind of credential. */
  carries(request: AuthRequest): boolean;
  authenticate(request: AuthRequest, environment: AuthEnvironment): Callers[N];
}

/** The collection the identity service keeps its identities in (the token provider reads it). */
export const IDENTITIES_COLLECTION = 'identity.identities';

const isBearer = (request: AuthRequest) => /^bearer /i.test(request.headers.authorization ?? '');

const HMAC_CALLER: Callers['hmac'] = { kind: 'hmac' };
const LOOPBACK_CALLER: Callers['loopback'] = { kind: 'loopback' };

/** The providers. */
export const AUTH_PROVIDERS: { readonly [N in AuthName]: AuthProvider<N> } = {
  hmac: {
    name: 'hmac',
    carries: (request) => /^hmac-sha256 /i.test(request.headers.authorization ?? ''),
    authenticate(request, environment) {
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
          body: request.rawBody,
        },
        environment.accessKey,
        environment.now(),
      );
      if (!result.ok) throw new AuthFailure(result.reason, result.diagnostics);
      return HMAC_CALLER;
    },
  },
  acsToken: {
    name: 'acsToken',
    carries: isBearer,
    authenticate(request, environment) {
      const token = bearer(request);
      const nowTimestamp = environment.now();
      let caller = environment.verifiedAcsTokens.get(token, nowTimestamp);
      if (caller === undefined) {
        const result = verifyAcsToken(environment.signers.acs, token, nowTimestamp);
        if ('reason' in result) throw denied(result.reason);
        caller = environment.verifiedAcsTokens.add(token, { kind: 'acsToken', ...result.claims });
      }
      // Deletion and revocation can happen after the token was verified: checked every time.
      const identity = environment.store.read(IDENTITIES_COLLECTION).get(caller.identityId) as
        | { minRevision: number }
        | undefined;
      if (identity === undefined) throw denied('The identity of the access token has been deleted.');
      if (caller.revision < identity.minRevision) throw denied('The access token has been revoked.');
      return caller;
    },
  },
  entraAdmin: {
    name: 'entraAdmin',
    carries: isBearer,
    authenticate(request, environment) {
      const result = verifyEntraToken(environment.signers.entra, bearer(request), environment.now());
      if ('reason' in result) throw denied(result.reason);
      if (result.claims.family !== 'admin') {
        throw denied(
          "The Entra token's audience is not https://communication.azure.com (mint it with the scope https://communication.azure.com/.default).",
        );
      }
      return { kind: 'entraAdmin', objectId: result.claims.objectId, tenantId: result.claims.tenantId };
    },
  },
  entraExchange: {
    name: 'entraExchange',
    carries: isBearer,
    authenticate(request, environment) {
      const result = verifyEntraToken(environment.signers.entra, bearer(request), environment.now());
      if ('reason' in result) throw denied(result.reason);
      const { family, ...claims } = result.claims;
      if (family === 'admin') throw denied('The Entra token is for the admin APIs, not for a token exchange.');
      return { kind: 'entraExchange', family, ...claims };
    },
  },
  loopback: {
    name: 'loopback',
    carries: () => true,
    authenticate(request) {
      if (!isLoopbackAddress(request.remoteAddress)) {
        throw new AuthFailure('This emulator route only answers loopback clients.', undefined, 403, 'Forbidden');
      }
      return LOOPBACK_CALLER;
    },
  },
};

/**
 * Authenticates a request with the first accepted provider whose credential it carries (or the
 * first accepted provider, to report what is missing).
 *
 * @example
 * ```ts
 * const caller = authenticate(['hmac', 'entraAdmin'], request, environment);
 * ```
 */
export function authenticate(
  accepted: readonly AuthName[],
  request: AuthRequest,
  environment: AuthEnvironment,
): Callers[AuthName] {
  const name = accepted.find((candidate) => AUTH_PROVIDERS[candidate].carries(request)) ?? accepted[0];
  if (name === undefined) throw new Error('A route must accept at least one auth provider.');
  return AUTH_PROVIDERS[name].authenticate(request, environment);
}

function bearer(request: AuthRequest): string {
  const { authorization } = request.headers;
  if (authorization === undefined || authorization === '') throw denied('The request has no Authorization header.');
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization);
  if (match === null) throw denied("The Authorization header must be 'Bearer <token>'.");
  return match[1] as string;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
