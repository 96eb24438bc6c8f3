import { mintAcsToken, verifyEntraToken } from '../../host/auth/tokens.js';
import { ServiceError } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { formatExpiresOn } from '../../host/time.js';

/**
 * `POST /teamsUser/:exchangeAccessToken` (Identity 2023-10-01, `getTokenForTeamsUser`): the
 * caller (HMAC or Entra admin) hands over a Teams user's Entra token with the Entra application
 * id and the user's object id; the service checks the token, that its `appid` claim is `appId`
 * and its `oid` claim is `userId`, and answers an ACS token for the Teams user
 * (`8:orgid:<oid>`), `{token, expiresOn}`. The emulator accepts the Entra tokens it minted
 * (`POST /emulator/entra/token` with Teams scopes such as
 * `https://auth.msft.communication.azure.com/Teams.ManageCalls` and an `appId`).
 * Error codes and messages are those the real service answered in the official SDKs' recorded
 * live tests.
 */

/**
 * What a verified Entra token says, as far as this exchange needs it.
 *
 * @example
 * ```ts
 * const claims: TeamsUserTokenClaims = { objectId, appId, family: 'teamsExtension', expiresOnTimestamp };
 * ```
 */
export interface TeamsUserTokenClaims {
  readonly objectId: string;
  /** The `appid` claim; absent when the token was minted without an application. */
  readonly appId?: string | undefined;
  /** `teamsExtension` for the `https://auth.msft.communication.azure.com` audience. */
  readonly family: string;
  readonly expiresOnTimestamp: number;
}

/**
 * A refusal of the exchange.
 *
 * @example
 * ```ts
 * const outcome = checkTeamsUserExchange(body, verified); if ('problem' in outcome) outcome.problem.code; // 'ValidationError'
 * ```
 */
export interface TeamsUserProblem {
  readonly status: 400 | 401;
  readonly code: 'ValidationError' | 'InvalidAccessToken';
  readonly message: string;
  readonly target?: 'appId' | 'userId';
}

/**
 * What the exchange grants.
 *
 * @example
 * ```ts
 * const outcome = checkTeamsUserExchange(body, verified); if ('grant' in outcome) outcome.grant.identityId; // '8:orgid:…'
 * ```
 */
export interface TeamsUserGrant {
  /** The Teams user's identity, `8:orgid:<oid>`. */
  readonly identityId: string;
  readonly expiresOnTimestamp: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INVALID_TOKEN = 'Provided access token is not valid.';

/**
 * Checks an exchange request against the verified token (or the reason it did not verify).
 *
 * @example
 * ```ts
 * const outcome = checkTeamsUserExchange(body, verifyEntraToken(signer, body.token, now));
 * if ('problem' in outcome) throw new ServiceError(outcome.problem.status, outcome.problem.code, outcome.problem.message);
 * ```
 */
export function checkTeamsUserExchange(
  body: { readonly token: string; readonly appId: string; readonly userId: string },
  verified: { readonly claims: TeamsUserTokenClaims } | { readonly reason: string },
): { grant: TeamsUserGrant } | { problem: TeamsUserProblem } {
  if (!GUID.test(body.appId)) return validation('Provided AppId has invalid format.', 'appId');
  if (!GUID.test(body.userId)) return validation('Provided UserId has invalid format.', 'userId');
  if ('reason' in verified) return invalidToken(verified.reason);
  const { claims } = verified;
  if (claims.family !== 'teamsExtension') {
    return invalidToken(
      'a Teams user token has the audience https://auth.msft.communication.azure.com (mint it with the scopes https://auth.msft.communication.azure.com/Teams.ManageCalls and …/Teams.ManageChats).',
    );
  }
  if (claims.appId === undefined || claims.appId.toLowerCase() !== body.appId.toLowerCase()) {
    return validation('AAD application is not the expected one.', 'appId');
  }
  if (claims.objectId.toLowerCase() !== body.userId.toLowerCase()) {
    return validation('Provided AAD token issued for unexpected user.', 'userId');
  }
  return {
    grant: { identityId: `8:orgid:${claims.objectId.toLowerCase()}`, expiresOnTimestamp: claims.expiresOnTimestamp },
  };
}

function validation(message: string, target: 'appId' | 'userId'): { problem: TeamsUserProblem } {
  return { problem: { status: 400, code: 'ValidationError', message, target } };
}

function invalidToken(reason: string): { problem: TeamsUserProblem } {
  return {
    problem: { status: 401, code: 'InvalidAccessToken', message: `${INVALID_TOKEN} (acs-emulator: ${reason})` },
  };
}

/** The ACS scopes of a Teams user's token, from the Teams permission names of the Entra token. */
const TEAMS_SCOPES: Readonly<Record<string, string>> = { 'teams.managecalls': 'voip', 'teams.managechats': 'chat' };

/**
 * The ACS scopes a Teams user's token carries: `voip` for Teams.ManageCalls, `chat` for
 * Teams.ManageChats (`voip` when neither is named).
 *
 * @example
 * ```ts
 * teamsUserScopes(['Teams.ManageCalls', 'Teams.ManageChats']); // ['voip', 'chat']
 * ```
 */
export function teamsUserScopes(scopeNames: readonly string[]): string[] {
  const scopes = new Set<string>();
  for (const name of scopeNames) {
    const scope = TEAMS_SCOPES[name.toLowerCase()];
    if (scope !== undefined) scopes.add(scope);
  }
  return scopes.size === 0 ? ['voip'] : [...scopes];
}

/**
 * `POST /teamsUser/:exchangeAccessToken` `{token, appId, userId}` → 200 `{token, expiresOn}`.
 *
 * @example
 * ```ts
 * await new CommunicationIdentityClient(connectionString).getTokenForTeamsUser({
 *   teamsUserAadToken, clientId: appId, userObjectId: oid,
 * });
 * ```
 */
export const exchangeTeamsUserToken = defineRoute({
  method: 'POST',
  path: '/teamsUser/:exchangeAccessToken',
  auth: ['hmac', 'entraAdmin'],
  body: s.optional(s.unknown()),
  handle(request, ctx) {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    for (const field of ['token', 'appId', 'userId'] as const) {
      if (typeof body[field] !== 'string') {
        throw new ServiceError(400, 'ValidationError', `The ${field} field is required (a string).`, { target: field });
      }
    }
    const input = { token: body.token as string, appId: body.appId as string, userId: body.userId as string };
    const now = ctx.now();
    const verified = verifyEntraToken(ctx.signers.entra, input.token, now);
    const outcome = checkTeamsUserExchange(input, verified);
    if ('problem' in outcome) {
      const { status, code, message, target } = outcome.problem;
      throw new ServiceError(status, code, message, target === undefined ? {} : { target });
    }
    const { identityId, expiresOnTimestamp } = outcome.grant;
    const scopes = teamsUserScopes('claims' in verified ? verified.claims.scopeNames : []);
    const minted = mintAcsToken(ctx.signers.acs, {
      identityId,
      resourceId: ctx.resourceId,
      scopes,
      issuedAtTimestamp: now,
      expiresOnTimestamp,
      revision: 0,
    });
    const expiresOn = formatExpiresOn(minted.expiresOnTimestamp);
    ctx.annotate({
      identityId,
      tokenIssued: { exchange: 'teamsUser', scopes, issuedAt: new Date(now).toISOString(), expiresOn },
    });
    return reply(200, { token: minted.token, expiresOn });
  },
});
