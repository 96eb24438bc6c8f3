import { parseJsonBody } from '../body.js';
import type { EmulatorContext, EmulatorRequest, Handler, Reply } from '../context.js';
import { badRequest, HttpError } from '../http-error.js';
import { decodeIdentityId, newIdentityId } from '../ids.js';
import type { IdentityRecord } from '../store.js';
import { formatExpiresOn } from '../time.js';
import { TokenReplyCache, type TokenReplyKey } from '../token-reply-cache.js';
import { mintAcsToken } from '../tokens.js';
import { validateExpiresInMinutes, validateScopes } from '../validation.js';

/**
 * The identity routes (HMAC-authenticated): create, get, delete, issue a token, revoke tokens.
 * Mutations are answered only once they are durable.
 */

/**
 * `POST /identities` body `{createTokenWithScopes?, expiresInMinutes?}` (optional) →
 * 201 `{identity:{id}, accessToken?:{token, expiresOn}}`.
 *
 * @example
 * ```ts
 * { method: 'POST', pattern: ['identities'], family: 'identity', auth: 'hmac', handle: createIdentity }
 * ```
 */
export const createIdentity: Handler = async (context, request) => {
  const json = parseJsonBody(request.headers['content-type'], request.body);
  const scopes = validateScopes(json?.createTokenWithScopes, 'createTokenWithScopes', false);
  const expiresInMinutes = validateExpiresInMinutes(json?.expiresInMinutes, context.minTokenLifetimeInMinutes);
  const nowTimestamp = context.now();
  const record = context.store.create(newIdentityId(context.resourceId), nowTimestamp);
  const accessToken = scopes.length === 0 ? undefined : issue(context, record, scopes, expiresInMinutes, nowTimestamp);
  await context.commit();
  return {
    status: 201,
    body: accessToken === undefined ? { identity: { id: record.id } } : { identity: { id: record.id }, accessToken },
  };
};

/**
 * `GET /identities/{id}` → 200 `{id}`.
 *
 * @example
 * ```ts
 * { method: 'GET', pattern: ['identities', '{id}'], family: 'identity', auth: 'hmac', handle: getIdentity }
 * ```
 */
export const getIdentity: Handler = (context, request) => {
  const record = existing(context, request);
  return { status: 200, body: { id: record.id } };
};

/**
 * `DELETE /identities/{id}` → 204; the identity's tokens stop working.
 *
 * @example
 * ```ts
 * { method: 'DELETE', pattern: ['identities', '{id}'], family: 'identity', auth: 'hmac', handle: deleteIdentity }
 * ```
 */
export const deleteIdentity: Handler = async (context, request) => {
  const record = existing(context, request);
  context.store.delete(record.id);
  await context.commit();
  return NO_CONTENT;
};

/**
 * `POST /identities/{id}/:issueAccessToken` body `{scopes, expiresInMinutes?}` → 200 `{token, expiresOn}`.
 *
 * @example
 * ```ts
 * { method: 'POST', pattern: ['identities', '{id}', ':issueAccessToken'], family: 'identity', auth: 'hmac', handle: issueAccessToken }
 * ```
 */
export const issueAccessToken: Handler = (context, request) => {
  const record = existing(context, request);
  const json = parseJsonBody(request.headers['content-type'], request.body);
  if (json === undefined) throw badRequest('InvalidRequestBody', 'The request body {"scopes": [...]} is required.');
  const scopes = validateScopes(json.scopes, 'scopes', true);
  const expiresInMinutes = validateExpiresInMinutes(json.expiresInMinutes, context.minTokenLifetimeInMinutes);
  const nowTimestamp = context.now();
  // The same inputs in the same second sign to the same bytes: reuse them (token-reply-cache.ts).
  const key: TokenReplyKey = {
    signer: context.acsSigner,
    resourceId: context.resourceId,
    acsScope: scopes.join(','),
    revision: context.store.revision,
    issuedAtInSeconds: Math.floor(nowTimestamp / 1000),
    expiresOnInSeconds: Math.floor((nowTimestamp + expiresInMinutes * 60_000) / 1000),
  };
  let reply = TOKEN_REPLIES.get(record, key);
  if (reply === undefined) {
    const { token, expiresOn } = issue(context, record, scopes, expiresInMinutes, nowTimestamp);
    // Both strings are JSON-safe (base64url with dots; a date), so the text is written directly.
    reply = TOKEN_REPLIES.set(record, key, `{"token":"${token}","expiresOn":"${expiresOn}"}`);
  }
  return { status: 200, json: reply };
};

const TOKEN_REPLIES = new TokenReplyCache();

/**
 * `POST /identities/{id}/:revokeAccessTokens` → 204; every token issued so far is rejected.
 *
 * @example
 * ```ts
 * { method: 'POST', pattern: ['identities', '{id}', ':revokeAccessTokens'], family: 'identity', auth: 'hmac', handle: revokeAccessTokens }
 * ```
 */
export const revokeAccessTokens: Handler = async (context, request) => {
  const record = existing(context, request);
  context.store.revoke(record.id);
  await context.commit();
  return NO_CONTENT;
};

const NO_CONTENT: Reply = { status: 204 };

function existing(context: EmulatorContext, request: EmulatorRequest): IdentityRecord {
  const id = decodeIdentityId(request.params.id ?? '', context.resourceId);
  if (id === undefined) {
    throw badRequest('InvalidIdentifier', `Identifier format is invalid: expected 8:acs:${context.resourceId}_<id>.`);
  }
  const record = context.store.get(id);
  if (record === undefined) throw new HttpError(404, 'IdentityNotFound', 'The identity does not exist.');
  return record;
}

function issue(
  context: EmulatorContext,
  record: IdentityRecord,
  scopes: readonly string[],
  expiresInMinutes: number,
  nowTimestamp: number,
): { token: string; expiresOn: string } {
  const { token, expiresOnTimestamp } = mintAcsToken(context.acsSigner, {
    identityId: record.id,
    resourceId: context.resourceId,
    scopes,
    issuedAtTimestamp: nowTimestamp,
    expiresOnTimestamp: nowTimestamp + expiresInMinutes * 60_000,
    revision: context.store.revision,
  });
  return { token, expiresOn: formatExpiresOn(expiresOnTimestamp) };
}
