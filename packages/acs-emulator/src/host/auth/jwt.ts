import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JWTs with node:crypto. HMAC rather than RSA: a 2048-bit RSA signature costs about
 * a millisecond, an HMAC a microsecond, and only the emulator itself ever verifies these tokens.
 */

/** A decoded, signature-checked JWT payload. */
export type JwtPayload = Record<string, unknown>;

/** A signing key plus its pre-encoded header, built once per key. */
export interface JwtSigner {
  /** HMAC-SHA256 of the signing input, base64url. */
  readonly sign: (signingInput: string) => string;
  readonly encodedHeader: string;
}

/**
 * Prepares a signer: the header is encoded once, not per token.
 *
 * @example
 * ```ts
 * const signer = createJwtSigner(randomBytes(32), { kid: '1' });
 * ```
 */
export function createJwtSigner(key: Buffer, extraHeader: Record<string, string> = {}): JwtSigner {
  const header = { alg: 'HS256', ...extraHeader, typ: 'JWT' };
  const secret = Buffer.from(key);
  return {
    sign: (signingInput) => createHmac('sha256', secret).update(signingInput).digest('base64url'),
    encodedHeader: Buffer.from(JSON.stringify(header)).toString('base64url'),
  };
}

/**
 * Signs a payload.
 *
 * @example
 * ```ts
 * const token = signJwt(signer, { sub: 'x', exp: 1_900_000_000 });
 * ```
 */
export function signJwt(signer: JwtSigner, payload: JwtPayload): string {
  return signJwtJson(signer, JSON.stringify(payload));
}

/**
 * Signs a payload given as JSON text (the caller guarantees it is a JSON object).
 *
 * @example
 * ```ts
 * const token = signJwtJson(signer, '{"sub":"x","exp":1900000000}');
 * ```
 */
export function signJwtJson(signer: JwtSigner, payloadJson: string): string {
  const signingInput = `${signer.encodedHeader}.${Buffer.from(payloadJson).toString('base64url')}`;
  return `${signingInput}.${signer.sign(signingInput)}`;
}

/**
 * Checks the structure, header and signature of a token (constant-time compare) and returns its
 * payload, or a reason. Claims (expiry and the rest) are the caller's business.
 *
 * @example
 * ```ts
 * const result = verifyJwt(signer, token);
 * if ('reason' in result) throw denied(result.reason);
 * ```
 */
export function verifyJwt(signer: JwtSigner, token: string): { payload: JwtPayload } | { reason: string } {
  const firstDot = token.indexOf('.');
  const secondDot = token.indexOf('.', firstDot + 1);
  if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
    return { reason: 'The token is not a signed JWT.' };
  }
  if (token.slice(0, firstDot) !== signer.encodedHeader) {
    return { reason: 'The token was not issued by this emulator.' };
  }
  // Compare the base64url text, not decoded bytes: a lenient decoder would accept several spellings.
  const expected = Buffer.from(signer.sign(token.slice(0, secondDot)));
  const given = Buffer.from(token.slice(secondDot + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { reason: 'The token signature is invalid.' };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token.slice(firstDot + 1, secondDot), 'base64url').toString('utf8'));
  } catch {
    return { reason: 'The token payload is not JSON.' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { reason: 'The token payload is not a JSON object.' };
  }
  return { payload: payload as JwtPayload };
}
