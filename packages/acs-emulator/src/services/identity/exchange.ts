import { EXCHANGE_ROUTES } from 'acs-protocol';
import { acsScopesOfEntraNames, type ExchangeFamily } from '../../host/auth/scopes.js';
import { mintAcsToken } from '../../host/auth/tokens.js';
import { denied } from '../../host/errors.js';
import { defineRoute, type RequestContext, reply } from '../../host/service.js';
import { formatExpiresOn } from '../../host/time.js';
import { createIdentityRecord, currentRevision, identities } from './identities-store.js';
import { entraUserId, teamsExtensionUserId } from './ids.js';

/**
 * `POST /access/entra/:exchangeAccessToken` and `POST /access/teamsExtension/:exchangeAccessToken`:
 * an (emulator-minted) Entra token in `Authorization: Bearer`, body `{}` →
 * 200 `{identity:{id}, accessToken:{token, expiresOn}}`. The ACS token expires with the Entra token
 * ("matching expiration time"). The identity is created on first exchange.
 */

/** The Entra-user exchange accepts only the previews (acs-common sends EXCHANGE_ROUTES' version). */
const ENTRA_EXCHANGE_VERSIONS = ['2025-03-02-preview', '2025-04-01-preview'];
/** The Teams Phone extension exchange: 2025-03-02-preview and every later version. */
const TEAMS_EXTENSION_EXCHANGE_VERSIONS = [
  '2025-03-02-preview',
  '2025-04-01-preview',
  '2025-06-30',
  '2026-07-22',
  '2026-09-23',
];

function exchange(family: ExchangeFamily, path: string, apiVersions: readonly string[]) {
  return defineRoute({
    method: 'POST',
    path,
    auth: ['entraExchange'],
    apiVersions,
    handle(request, ctx) {
      const { caller } = request;
      if (caller.family !== family) {
        throw denied(`The Entra token's scopes are for the ${caller.family} exchange, not the ${family} exchange.`);
      }
      const id =
        family === 'teamsExtension'
          ? teamsExtensionUserId(ctx.resourceId, caller.tenantId, caller.objectId)
          : entraUserId(ctx.resourceId, caller.tenantId, caller.objectId);
      ensureIdentity(ctx, id);
      const { token, expiresOnTimestamp } = mintAcsToken(ctx.signers.acs, {
        identityId: id,
        resourceId: ctx.resourceId,
        scopes: acsScopesOfEntraNames(caller.scopeNames),
        issuedAtTimestamp: ctx.now(),
        expiresOnTimestamp: caller.expiresOnTimestamp,
        revision: currentRevision(ctx),
      });
      const expiresOn = formatExpiresOn(expiresOnTimestamp);
      ctx.annotate({ identityId: id, tokenIssued: { exchange: family, expiresOn } });
      return reply(200, { identity: { id }, accessToken: { token, expiresOn } });
    },
  });
}

function ensureIdentity(ctx: RequestContext, id: string): void {
  if (!identities(ctx).has(id)) createIdentityRecord(ctx, id);
}

/**
 * The Entra-user exchange route.
 *
 * @example
 * ```ts
 * // POST /access/entra/:exchangeAccessToken?api-version=2025-03-02-preview
 * ```
 */
export const entraExchange = exchange('entra', EXCHANGE_ROUTES.communicationClients.path, ENTRA_EXCHANGE_VERSIONS);

/**
 * The Teams Phone extension exchange route.
 *
 * @example
 * ```ts
 * // POST /access/teamsExtension/:exchangeAccessToken?api-version=2025-06-30
 * ```
 */
export const teamsExtensionExchange = exchange(
  'teamsExtension',
  EXCHANGE_ROUTES.teamsExtension.path,
  TEAMS_EXTENSION_EXCHANGE_VERSIONS,
);
