import { mintAcsToken } from '../../host/auth/tokens.js';
import { badRequest, ServiceError } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, type HandlerRequest, type RequestContext, reply } from '../../host/service.js';
import { formatExpiresOn } from '../../host/time.js';
import {
  createIdentityRecord,
  currentRevision,
  type IdentityRecord,
  identities,
  revokeIdentityTokens,
} from './identities-store.js';
import { identityIdOfResource, newIdentityId } from './ids.js';
import { validateExpiresInMinutes, validateScopes } from './validation.js';

/**
 * The identity routes (HMAC, or Entra RBAC): create, get, delete, issue a token, revoke tokens.
 * Contract: `specification/communication/data-plane/Identity` (CommunicationIdentity.json).
 */

const ADMIN = ['hmac', 'entraAdmin'] as const;

/**
 * `POST /identities` body `{createTokenWithScopes?, expiresInMinutes?}` (optional) →
 * 201 `{identity:{id}, accessToken?:{token, expiresOn}}`.
 *
 * @example
 * ```ts
 * defineService({ name: 'identity', routes: [createIdentity, …], … });
 * ```
 */
export const createIdentity = defineRoute({
  method: 'POST',
  path: '/identities',
  auth: ADMIN,
  body: s.optional(
    s.object({ createTokenWithScopes: s.optional(s.unknown()), expiresInMinutes: s.optional(s.unknown()) }),
  ),
  handle(request, ctx) {
    const scopes = validateScopes(request.body?.createTokenWithScopes, 'createTokenWithScopes', false);
    const expiresInMinutes = validateExpiresInMinutes(
      request.body?.expiresInMinutes,
      ctx.options.minTokenLifetimeInMinutes,
    );
    const record = createIdentityRecord(ctx, newIdentityId(ctx.resourceId));
    ctx.annotate({ identityId: record.id });
    const accessToken = scopes.length === 0 ? undefined : issue(ctx, record, scopes, expiresInMinutes);
    return reply(
      201,
      accessToken === undefined ? { identity: { id: record.id } } : { identity: { id: record.id }, accessToken },
    );
  },
});

/**
 * `GET /identities/{id}` → 200 `{id}`.
 *
 * @example
 * ```ts
 * // GET /identities/8%3Aacs%3A…?api-version=2023-10-01
 * ```
 */
export const getIdentity = defineRoute({
  method: 'GET',
  path: '/identities/{id}',
  auth: ADMIN,
  handle: (request, ctx) => reply(200, { id: existing(ctx, request).id }),
});

/**
 * `DELETE /identities/{id}` → 204; the identity's tokens stop working.
 *
 * @example
 * ```ts
 * // DELETE /identities/8%3Aacs%3A…?api-version=2023-10-01
 * ```
 */
export const deleteIdentity = defineRoute({
  method: 'DELETE',
  path: '/identities/{id}',
  auth: ADMIN,
  handle(request, ctx) {
    const record = existing(ctx, request);
    identities(ctx).delete(record.id);
    ctx.annotate({ identityId: record.id, deleted: true });
    return reply(204);
  },
});

/**
 * `POST /identities/{id}/:issueAccessToken` body `{scopes, expiresInMinutes?}` → 200 `{token, expiresOn}`.
 *
 * @example
 * ```ts
 * // POST /identities/8%3Aacs%3A…/:issueAccessToken?api-version=2023-10-01 {"scopes":["chat"]}
 * ```
 */
export const issueAccessToken = defineRoute({
  method: 'POST',
  path: '/identities/{id}/:issueAccessToken',
  auth: ADMIN,
  body: s.object({ scopes: s.optional(s.unknown()), expiresInMinutes: s.optional(s.unknown()) }),
  badRequestCode: 'InvalidRequestBody',
  handle(request, ctx) {
    const record = existing(ctx, request);
    const scopes = validateScopes(request.body.scopes, 'scopes', true);
    const expiresInMinutes = validateExpiresInMinutes(
      request.body.expiresInMinutes,
      ctx.options.minTokenLifetimeInMinutes,
    );
    return reply(200, issue(ctx, record, scopes, expiresInMinutes));
  },
});

/**
 * `POST /identities/{id}/:revokeAccessTokens` → 204; every token issued so far is rejected.
 *
 * @example
 * ```ts
 * // POST /identities/8%3Aacs%3A…/:revokeAccessTokens?api-version=2023-10-01
 * ```
 */
export const revokeAccessTokens = defineRoute({
  method: 'POST',
  path: '/identities/{id}/:revokeAccessTokens',
  auth: ADMIN,
  handle(request, ctx) {
    const record = existing(ctx, request);
    revokeIdentityTokens(ctx, record);
    ctx.annotate({ identityId: record.id, revoked: true });
    return reply(204);
  },
});

/**
 * Test-only `POST /emulator/identities/{id}/:revokeAccessTokens` (loopback callers, no auth, no
 * api-version): the same revocation as the HMAC route, for tools that do not hold the access key
 * (the dashboard's "revoke tokens" action).
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/identities/${encodeURIComponent(id)}/:revokeAccessTokens`, { method: 'POST' });
 * ```
 */
export const revokeAccessTokensFromLoopback = defineRoute({
  method: 'POST',
  path: '/emulator/identities/{id}/:revokeAccessTokens',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => revokeAccessTokens.handle(request as never, ctx),
});

function existing(ctx: RequestContext, request: HandlerRequest): IdentityRecord {
  const id = identityIdOfResource(request.params.id ?? '', ctx.resourceId);
  if (id === undefined) {
    throw badRequest('InvalidIdentifier', `Identifier format is invalid: expected 8:acs:${ctx.resourceId}_<id>.`);
  }
  const record = identities(ctx).get(id);
  if (record === undefined) throw new ServiceError(404, 'IdentityNotFound', 'The identity does not exist.');
  return record;
}

function issue(
  ctx: RequestContext,
  record: IdentityRecord,
  scopes: readonly string[],
  expiresInMinutes: number,
): { token: string; expiresOn: string } {
  const nowTimestamp = ctx.now();
  const { token, expiresOnTimestamp } = mintAcsToken(ctx.signers.acs, {
    identityId: record.id,
    resourceId: ctx.resourceId,
    scopes,
    issuedAtTimestamp: nowTimestamp,
    expiresOnTimestamp: nowTimestamp + expiresInMinutes * 60_000,
    revision: currentRevision(ctx),
  });
  const expiresOn = formatExpiresOn(expiresOnTimestamp);
  ctx.annotate({
    identityId: record.id,
    tokenIssued: { scopes, issuedAtTimestamp: nowTimestamp, expiresOn },
  });
  return { token, expiresOn };
}
