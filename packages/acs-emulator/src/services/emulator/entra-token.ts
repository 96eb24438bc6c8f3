import { splitEntraScopes } from '../../host/auth/scopes.js';
import { mintEntraToken } from '../../host/auth/tokens.js';
import { badRequest } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { formatExpiresOn } from '../../host/time.js';

/** Default and longest lifetime of a stand-in Entra token. */
const DEFAULT_ENTRA_LIFETIME_IN_MINUTES = 60;
const MAX_ENTRA_LIFETIME_IN_MINUTES = 1440;

const ID_PART = s.string({ pattern: /^[A-Za-z0-9-]{1,64}$/, hint: 'must be 1–64 letters, digits or dashes' });

/**
 * Test-only `POST /emulator/entra/token` (loopback clients, no auth) body
 * `{objectId, tenantId, scopes, expiresInMinutes?, appId?}` (appId: the `appid` claim) → 200 `{accessToken, expiresOn, expiresOnTimestamp}`:
 * a stand-in Entra token. Exchange scopes (`https://communication.azure.com/clients/…`,
 * `https://auth.msft.communication.azure.com/…`) give a token for that exchange route;
 * `https://communication.azure.com/.default` gives one for the admin APIs (Entra RBAC).
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/entra/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ objectId: 'oid', tenantId: 'tid', scopes: ['https://communication.azure.com/.default'] }) });
 * ```
 */
export const mintEntraTokenRoute = defineRoute({
  method: 'POST',
  path: '/emulator/entra/token',
  auth: ['loopback'],
  apiVersions: null,
  body: s.object({
    objectId: ID_PART,
    tenantId: ID_PART,
    scopes: s.array(s.string()),
    expiresInMinutes: s.optional(s.integer({ min: 1, max: MAX_ENTRA_LIFETIME_IN_MINUTES })),
    appId: s.optional(
      s.string({
        pattern: /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/,
        hint: 'must be a GUID (the Entra application id)',
      }),
    ),
  }),
  badRequestCode: 'InvalidRequestBody',
  handle(request, ctx) {
    const { objectId, tenantId, scopes, appId, expiresInMinutes = DEFAULT_ENTRA_LIFETIME_IN_MINUTES } = request.body;
    const split = splitEntraScopes(scopes);
    if ('reason' in split) throw badRequest('InvalidScopes', split.reason, 'scopes');
    const nowTimestamp = ctx.now();
    const { token, expiresOnTimestamp } = mintEntraToken(ctx.signers.entra, {
      audience: split.audience,
      scopeNames: split.names,
      objectId,
      tenantId,
      issuedAtTimestamp: nowTimestamp,
      expiresOnTimestamp: nowTimestamp + expiresInMinutes * 60_000,
      appId,
    });
    return reply(200, { accessToken: token, expiresOn: formatExpiresOn(expiresOnTimestamp), expiresOnTimestamp });
  },
});
