import { encodeBase64Url } from '../lib/base64.js';
import { utf8Encode } from '../lib/utf8.js';

/** Claims and lifetime of a test token. Times are epoch milliseconds unless named otherwise. */
export interface TestTokenOptions {
  /** Issue time (default `Date.now()`). */
  nowInMs?: number;
  /** Lifetime from `nowInMs` (default 24 hours, as ACS issues). Ignored when `expiresOnTimestamp` is set. */
  lifetimeInMs?: number;
  /** Explicit expiry; `exp` becomes this in seconds (fractions kept). */
  expiresOnTimestamp?: number;
  /** The `skypeid` claim (default `acs:<resourceId>_test-user`). */
  skypeid?: string;
  /** The `scp` claim (default 1792). */
  scp?: number;
  /** The `acsScope` claim (default `chat,voip`). */
  acsScope?: string;
  /** The `resourceId` claim (default a fixed GUID). */
  resourceId?: string;
  /** Further claims, merged last. */
  extraClaims?: Record<string, unknown>;
}

const DEFAULT_RESOURCE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * An unsigned JWT shaped like an ACS access token (claims `skypeid`, `scp`, `csi`, `iat`, `exp`,
 * `acsScope`, `resourceId`). Any ACS client decodes it; no service accepts it.
 *
 * @example
 * ```ts
 * const token = createTestToken({ lifetimeInMs: 60 * 60_000 });
 * const credential = new AzureCommunicationTokenCredential(token);
 * ```
 */
export function createTestToken(options: TestTokenOptions = {}): string {
  const nowInMs = options.nowInMs ?? Date.now();
  const expiresOn = options.expiresOnTimestamp ?? nowInMs + (options.lifetimeInMs ?? 24 * 60 * 60 * 1000);
  const resourceId = options.resourceId ?? DEFAULT_RESOURCE_ID;
  const iat = Math.floor(nowInMs / 1000);
  const payload = {
    skypeid: options.skypeid ?? `acs:${resourceId}_test-user`,
    scp: options.scp ?? 1792,
    csi: String(iat),
    exp: expiresOn / 1000,
    acsScope: options.acsScope ?? 'chat,voip',
    resourceId,
    iat,
    ...options.extraClaims,
  };
  const header = encodeBase64Url(utf8Encode(JSON.stringify({ alg: 'none', typ: 'JWT' })));
  return `${header}.${encodeBase64Url(utf8Encode(JSON.stringify(payload)))}.`;
}
