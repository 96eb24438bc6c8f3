import { parseJsonBody } from '../body.js';
import type { Handler } from '../context.js';
import { denied } from '../http-error.js';
import { entraUserId, teamsExtensionUserId } from '../ids.js';
import { acsScopesOfEntraNames, type ExchangeFamily } from '../scopes.js';
import { formatExpiresOn } from '../time.js';
import { mintAcsToken } from '../tokens.js';

/**
 * `POST /access/entra/:exchangeAccessToken` and `POST /access/teamsExtension/:exchangeAccessToken`:
 * an (emulator-minted) Entra token in `Authorization: Bearer`, body `{}` →
 * 200 `{identity:{id}, accessToken:{token, expiresOn}}`. The ACS token expires with the Entra token
 * ("matching expiration time"). The identity is created on first exchange.
 *
 * @example
 * ```ts
 * { method: 'POST', pattern: ['access', 'entra', ':exchangeAccessToken'], family: 'entraExchange',
 *   auth: 'entraToken', handle: exchangeHandler('entra') }
 * ```
 */
export function exchangeHandler(family: ExchangeFamily): Handler {
  return async (context, request, auth) => {
    if (auth.kind !== 'entraToken') throw denied('An Entra access token is required.');
    const { claims } = auth;
    if (claims.family !== family) {
      throw denied(`The Entra token's scopes are for the ${claims.family} exchange, not the ${family} exchange.`);
    }
    parseJsonBody(request.headers['content-type'], request.body); // `{}` or nothing; anything else is rejected
    const nowTimestamp = context.now();
    const id =
      family === 'teamsExtension'
        ? teamsExtensionUserId(context.resourceId, claims.tenantId, claims.objectId)
        : entraUserId(context.resourceId, claims.tenantId, claims.objectId);
    const { created } = context.store.ensure(id, nowTimestamp);
    const { token, expiresOnTimestamp } = mintAcsToken(context.acsSigner, {
      identityId: id,
      resourceId: context.resourceId,
      scopes: acsScopesOfEntraNames(claims.scopeNames),
      issuedAtTimestamp: nowTimestamp,
      expiresOnTimestamp: claims.expiresOnTimestamp,
      revision: context.store.revision,
    });
    if (created) await context.commit();
    return {
      status: 200,
      body: { identity: { id }, accessToken: { token, expiresOn: formatExpiresOn(expiresOnTimestamp) } },
    };
  };
}
