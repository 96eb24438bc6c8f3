import { isLoopbackHost } from 'acs-protocol';
import { systemClock } from '../lib/clock.js';
import type { AccessToken, TokenCredential } from '../lib/core-auth-types.js';
import { AcsError } from '../lib/errors.js';
import { RefreshEngine, type RefreshPolicy } from '../lib/refresh-engine.js';
import { REFRESH_WINDOWS } from '../lib/refresh-windows.js';
import type { PipelinePolicy } from './pipeline-types.js';

/** The policy name, as in `@azure/core-rest-pipeline` (pipelines address policies by name). */
export const bearerTokenAuthenticationPolicyName = 'bearerTokenAuthenticationPolicy';

/** The scope `@azure/communication-common` asks Entra credentials for (the double slash is verbatim). */
export const COMMUNICATION_SCOPE = 'https://communication.azure.com//.default';

const INSECURE_MESSAGE = 'Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.';

function isPermittedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
}

/** core-rest-pipeline's token cycler windows (lib/refresh-windows.ts), on the shared engine. */
const BEARER_POLICY: RefreshPolicy<AccessToken> = {
  windows: REFRESH_WINDOWS.bearerToken,
  expiredResultMessage: 'The access token returned by the credential has already expired.',
  source: 'Failed to refresh access token: the credential',
  invalidResultCode: 'ERR_ENTRA_TOKEN',
  name: bearerTokenAuthenticationPolicyName,
  clock: systemClock,
};

/**
 * A core-rest-pipeline-compatible bearer policy: sets `Authorization: Bearer <token>` with a
 * token from `credential.getToken(scopes)`, cached and refreshed by the shared refresh engine
 * (one refresh at a time; background refresh from 2 minutes before expiry). Refuses plain http
 * except to loopback hosts (`localhost`, `127.0.0.0/8`, `[::1]`), so a local emulator works.
 *
 * @example
 * ```ts
 * const policy = createBearerTokenPolicy(new DefaultAzureCredential(), ['https://communication.azure.com//.default']);
 * pipeline.addPolicy(policy); // pipeline from @azure/core-rest-pipeline
 * ```
 */
export function createBearerTokenPolicy(credential: TokenCredential, scopes: string | string[]): PipelinePolicy {
  if (typeof credential?.getToken !== 'function') {
    throw new TypeError('createBearerTokenPolicy: credential must be a TokenCredential (an object with getToken).');
  }
  const scopeList = Array.isArray(scopes) ? [...scopes] : [scopes];
  const engine = new RefreshEngine(BEARER_POLICY, {
    refresh: (abortSignal) =>
      credential.getToken(scopeList, { ...(abortSignal === undefined ? {} : { abortSignal }), enableCae: true }),
  });
  return {
    name: bearerTokenAuthenticationPolicyName,
    async sendRequest(request, next) {
      if (!isPermittedUrl(request.url)) throw new AcsError(INSECURE_MESSAGE, 'ERR_INSECURE_ENDPOINT');
      const { token } = await engine.getToken(request.abortSignal);
      request.headers.set('Authorization', `Bearer ${token}`);
      return next(request);
    },
  };
}
