import { systemClock } from '../lib/clock.js';
import type { AccessToken, TokenCredential } from '../lib/core-auth-types.js';
import { unsupportedRuntime } from '../lib/errors.js';
import { log } from '../lib/log.js';
import { RefreshEngine, type RefreshPolicy } from '../lib/refresh-engine.js';
import { REFRESH_WINDOWS } from '../lib/refresh-windows.js';
import { insecureUrlError, isSecureOrLoopback } from '../lib/secure-url.js';
import { caeClaims } from './claims-challenge.js';
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from './pipeline-types.js';
import { isRestError } from './rest-error.js';

/** The policy name, as in `@azure/core-rest-pipeline` (pipelines address policies by name). */
export const bearerTokenAuthenticationPolicyName = 'bearerTokenAuthenticationPolicy';

/** The scope `@azure/communication-common` asks Entra credentials for (the double slash is verbatim). */
export const COMMUNICATION_SCOPE = 'https://communication.azure.com//.default';

const INSECURE_MESSAGE = 'Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.';

/** What a caller may hand to the refresh it starts: the request's tracing and a CAE challenge's claims. */
interface RefreshContext {
  readonly tracingOptions?: unknown;
  readonly claims?: string;
}

/** The request URL, checked: the token goes only to https or a loopback host (lib/secure-url.ts). */
function assertPermittedUrl(url: string): void {
  if (typeof URL !== 'function') {
    throw unsupportedRuntime(
      'URL global',
      'the bearer policy (to check the request URL)',
      'install a WHATWG URL polyfill.',
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !isSecureOrLoopback(parsed)) throw insecureUrlError(INSECURE_MESSAGE);
}

/**
 * Sends the request; a `RestError` that carries a response (thrown by a later policy) counts as
 * that response, so a challenge inside it is seen, as in core-rest-pipeline.
 */
async function trySend<Request extends PipelineRequest, Response>(
  request: Request,
  next: SendRequest<Request, Response>,
): Promise<{ response: Response; error?: unknown }> {
  try {
    return { response: await next(request) };
  } catch (error) {
    const response = (error as { response?: Response } | null)?.response;
    if (isRestError(error) && response !== undefined) return { response, error };
    throw error;
  }
}

/** The `WWW-Authenticate` header of a 401, or `undefined`. */
function challengeOf(response: unknown): string | undefined {
  const { status, headers } = response as Partial<PipelineResponse>;
  return status === 401 ? headers?.get('WWW-Authenticate') : undefined;
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
  const engine = new RefreshEngine<AccessToken, RefreshContext>(BEARER_POLICY, {
    // As core-rest-pipeline passes them: the request's signal and tracing, CAE on, and the
    // claims of a challenge when there is one.
    refresh: (abortSignal, context) =>
      credential.getToken(scopeList, {
        ...(abortSignal === undefined ? {} : { abortSignal }),
        ...(context?.tracingOptions === undefined ? {} : { tracingOptions: context.tracingOptions }),
        enableCae: true,
        ...(context?.claims === undefined ? {} : { claims: context.claims }),
      }),
  });
  return {
    name: bearerTokenAuthenticationPolicyName,
    async sendRequest(request, next) {
      assertPermittedUrl(request.url);
      const { tracingOptions } = request as { tracingOptions?: unknown };
      const { token } = await engine.getToken(request.abortSignal, { tracingOptions });
      request.headers.set('Authorization', `Bearer ${token}`);
      let { response, error } = await trySend(request, next);
      const claims = caeClaims(challengeOf(response));
      if (claims === null) {
        log(
          'warning',
          'bearerTokenAuthenticationPolicy: the claims of a CAE challenge are not base64; the 401 is returned as is.',
        );
      } else if (claims !== undefined) {
        // The token was refused: forget it, get one with the claims, and send once more.
        engine.invalidate();
        const fresh = await engine.getToken(request.abortSignal, { tracingOptions, claims });
        request.headers.set('Authorization', `${fresh.tokenType ?? 'Bearer'} ${fresh.token}`);
        ({ response, error } = await trySend(request, next));
      }
      if (error !== undefined) throw error;
      return response;
    },
  };
}
