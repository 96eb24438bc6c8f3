import { type JwtSigner, signJwt, signJwtJson, verifyJwt } from './jwt.js';
import { type EntraAudienceKind, familyOfAudience } from './scopes.js';

/** The `skypeid` claim of an id: the id without its `8:` prefix. */
const skypeIdOf = (id: string) => id.slice(2);

/**
 * The two kinds of tokens the emulator mints: ACS access tokens (claims of peers-and-pain §3d) and
 * stand-in Entra tokens for the exchange routes. Each kind has its own signing key, so one can
 * never be passed off as the other.
 */

/** What an ACS token says, after verification. */
export interface AcsTokenClaims {
  readonly identityId: string;
  readonly scopes: readonly string[];
  readonly expiresOnTimestamp: number;
  /** The emulator's revocation counter when the token was issued. */
  readonly revision: number;
}

/**
 * Mints an ACS access token: `{skypeid, scp: 1792, csi, iat, exp, acsScope, resourceId, rev}`.
 * `exp` is whole seconds; the returned `expiresOnTimestamp` is exactly `exp × 1000`.
 *
 * @example
 * ```ts
 * const { token, expiresOnTimestamp } = mintAcsToken(signer, {
 *   identityId: '8:acs:res_x', resourceId: 'res', scopes: ['chat'],
 *   issuedAtTimestamp: Date.now(), expiresOnTimestamp: Date.now() + 3_600_000, revision: 0,
 * });
 * ```
 */
export function mintAcsToken(
  signer: JwtSigner,
  input: {
    identityId: string;
    resourceId: string;
    scopes: readonly string[];
    issuedAtTimestamp: number;
    expiresOnTimestamp: number;
    revision: number;
  },
): { token: string; expiresOnTimestamp: number } {
  const iat = Math.floor(input.issuedAtTimestamp / 1000);
  const exp = Math.floor(input.expiresOnTimestamp / 1000);
  // The JSON text of {skypeid, scp, csi, exp, acsScope, resourceId, iat, rev}, written directly:
  // this runs for every token issued.
  const payload = `{"skypeid":${JSON.stringify(skypeIdOf(input.identityId))},"scp":1792,"csi":"${iat}","exp":${exp},"acsScope":${JSON.stringify(input.scopes.join(','))},"resourceId":${JSON.stringify(input.resourceId)},"iat":${iat},"rev":${input.revision}}`;
  return { token: signJwtJson(signer, payload), expiresOnTimestamp: exp * 1000 };
}

/**
 * Verifies an ACS token's signature, shape and expiry at `nowTimestamp`. Revocation and deletion
 * are checked by the caller against the store.
 *
 * @example
 * ```ts
 * const result = verifyAcsToken(signer, token, Date.now());
 * ```
 */
export function verifyAcsToken(
  signer: JwtSigner,
  token: string,
  nowTimestamp: number,
): { claims: AcsTokenClaims } | { reason: string } {
  const verified = verifyJwt(signer, token);
  if ('reason' in verified) return verified;
  const { skypeid, exp, acsScope, rev } = verified.payload;
  if (
    typeof skypeid !== 'string' ||
    typeof exp !== 'number' ||
    typeof acsScope !== 'string' ||
    typeof rev !== 'number'
  ) {
    return { reason: 'The token is missing required claims.' };
  }
  if (nowTimestamp >= exp * 1000) return { reason: 'The access token has expired.' };
  return {
    claims: {
      identityId: `8:${skypeid}`,
      scopes: acsScope === '' ? [] : acsScope.split(','),
      expiresOnTimestamp: exp * 1000,
      revision: rev,
    },
  };
}

/** What a stand-in Entra token says, after verification. */
export interface EntraTokenClaims {
  readonly objectId: string;
  readonly tenantId: string;
  readonly family: EntraAudienceKind;
  readonly scopeNames: readonly string[];
  readonly expiresOnTimestamp: number;
  /** The `appid` claim (the Entra application the token was issued to), when minted with one. */
  readonly appId?: string;
}

/**
 * Mints a stand-in Entra access token: `{aud, iss, iat, nbf, exp, oid, tid, scp}` with `scp` the
 * space-separated permission names, like a v2 Entra token.
 *
 * @example
 * ```ts
 * mintEntraToken(entraSigner, {
 *   audience: 'https://communication.azure.com/clients', scopeNames: ['VoIP'],
 *   objectId: 'oid', tenantId: 'tid', issuedAtTimestamp: now, expiresOnTimestamp: now + 3_600_000,
 * });
 * ```
 */
export function mintEntraToken(
  signer: JwtSigner,
  input: {
    audience: string;
    scopeNames: readonly string[];
    objectId: string;
    tenantId: string;
    issuedAtTimestamp: number;
    expiresOnTimestamp: number;
    /** Becomes the `appid` claim (checked by the Teams-user exchange). */
    appId?: string | undefined;
  },
): { token: string; expiresOnTimestamp: number } {
  const iat = Math.floor(input.issuedAtTimestamp / 1000);
  const exp = Math.floor(input.expiresOnTimestamp / 1000);
  const token = signJwt(signer, {
    ...(input.appId === undefined ? {} : { appid: input.appId }),
    aud: input.audience,
    iss: 'acs-emulator',
    iat,
    nbf: iat,
    exp,
    oid: input.objectId,
    tid: input.tenantId,
    scp: input.scopeNames.join(' '),
  });
  return { token, expiresOnTimestamp: exp * 1000 };
}

/**
 * Verifies a stand-in Entra token's signature, shape and expiry.
 *
 * @example
 * ```ts
 * const result = verifyEntraToken(entraSigner, token, Date.now());
 * if ('claims' in result && result.claims.family === 'entra') { … }
 * ```
 */
export function verifyEntraToken(
  signer: JwtSigner,
  token: string,
  nowTimestamp: number,
): { claims: EntraTokenClaims } | { reason: string } {
  const verified = verifyJwt(signer, token);
  if ('reason' in verified) return verified;
  const { aud, exp, oid, tid, scp, appid } = verified.payload;
  if (
    typeof aud !== 'string' ||
    typeof exp !== 'number' ||
    typeof oid !== 'string' ||
    typeof tid !== 'string' ||
    typeof scp !== 'string'
  ) {
    return { reason: 'The Entra token is missing required claims.' };
  }
  const family = familyOfAudience(aud);
  if (family === undefined) return { reason: 'The Entra token audience is not Azure Communication Services.' };
  if (nowTimestamp >= exp * 1000) return { reason: 'The Entra token has expired.' };
  return {
    claims: {
      objectId: oid,
      tenantId: tid,
      family,
      scopeNames: scp.split(' '),
      expiresOnTimestamp: exp * 1000,
      ...(typeof appid === 'string' ? { appId: appid } : {}),
    },
  };
}
