import { parseJsonBody } from '../body.js';
import type { Handler } from '../context.js';
import { badRequest } from '../http-error.js';
import { isSafeIdPart } from '../ids.js';
import { splitEntraScopes } from '../scopes.js';
import { formatExpiresOn } from '../time.js';
import { mintEntraToken } from '../tokens.js';

/** Default and longest lifetime of a stand-in Entra token. */
const DEFAULT_ENTRA_LIFETIME_IN_MINUTES = 60;
const MAX_ENTRA_LIFETIME_IN_MINUTES = 1440;

/**
 * Test-only `POST /emulator/entra/token` (loopback clients, no auth) body
 * `{objectId, tenantId, scopes, expiresInMinutes?}` → 200 `{accessToken, expiresOn, expiresOnTimestamp}`:
 * a stand-in Entra token that the exchange route of the scopes' family accepts.
 *
 * @example
 * ```ts
 * { method: 'POST', pattern: ['emulator', 'entra', 'token'], family: null, auth: 'loopback', handle: mintEntraTokenRoute }
 * ```
 */
export const mintEntraTokenRoute: Handler = (context, request) => {
  const json = parseJsonBody(request.headers['content-type'], request.body);
  if (json === undefined)
    throw badRequest('InvalidRequestBody', 'The request body {"objectId","tenantId","scopes"} is required.');
  const { objectId, tenantId, scopes, expiresInMinutes } = json;
  if (!isSafeIdPart(objectId)) throw badRequest('InvalidObjectId', 'objectId must be 1–64 letters, digits or dashes.');
  if (!isSafeIdPart(tenantId)) throw badRequest('InvalidTenantId', 'tenantId must be 1–64 letters, digits or dashes.');
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    throw badRequest('InvalidScopes', 'scopes must be an array of strings.');
  }
  const split = splitEntraScopes(scopes as string[]);
  if ('reason' in split) throw badRequest('InvalidScopes', split.reason);
  const lifetimeInMinutes = expiresInMinutes ?? DEFAULT_ENTRA_LIFETIME_IN_MINUTES;
  if (
    typeof lifetimeInMinutes !== 'number' ||
    !Number.isInteger(lifetimeInMinutes) ||
    lifetimeInMinutes < 1 ||
    lifetimeInMinutes > MAX_ENTRA_LIFETIME_IN_MINUTES
  ) {
    throw badRequest(
      'InvalidExpiresInMinutes',
      `expiresInMinutes must be an integer from 1 to ${MAX_ENTRA_LIFETIME_IN_MINUTES}.`,
    );
  }
  const nowTimestamp = context.now();
  const { token, expiresOnTimestamp } = mintEntraToken(context.entraSigner, {
    audience: split.audience,
    scopeNames: split.names,
    objectId,
    tenantId,
    issuedAtTimestamp: nowTimestamp,
    expiresOnTimestamp: nowTimestamp + lifetimeInMinutes * 60_000,
  });
  return {
    status: 200,
    body: { accessToken: token, expiresOn: formatExpiresOn(expiresOnTimestamp), expiresOnTimestamp },
  };
};
