import type { KeyCredential } from '../lib/core-auth-types.js';
import { type SignableBody, unsupportedBody } from './content-hash.js';
import { createHmacHeaders } from './hmac-headers.js';
import type { PipelinePolicy } from './pipeline-types.js';
import { checkSigningCrypto, type SigningOptions } from './signing-crypto.js';

/** The policy name, as in `@azure/communication-common` (pipelines address policies by name). */
export const communicationAccessKeyCredentialPolicyName = 'CommunicationAccessKeyCredentialPolicy';

/**
 * A core-rest-pipeline policy that signs each request with the access key: it sets `x-ms-date`,
 * `x-ms-content-sha256`, `Authorization` and `Host`. `credential.key` is read each time it signs,
 * so `AzureKeyCredential.update()` takes effect on the next request.
 *
 * It signs each time the pipeline runs it. Added without a phase (as the official clients add it)
 * it runs before the retry policies, so a retry resends the first signature, which the service
 * accepts while its `x-ms-date` is less than 15 minutes old. Add it with `{ phase: 'Sign' }` to
 * sign every attempt again.
 *
 * Unlike `@azure/communication-common@2.5.0`, the path and query are signed exactly as sent (2.5.0
 * re-encodes the query, so `%20`, `~` or a key-only parameter break the signature), the body hash
 * covers the bytes sent (a stream or `Blob` body is an error), and a non-base64 key is an error.
 *
 * `options.crypto` supplies SHA-256 and HMAC-SHA256 where the runtime has no WebCrypto (React
 * Native); without it, signing there fails with `AcsError` `ERR_UNSUPPORTED_RUNTIME`.
 *
 * @example
 * ```ts
 * import { createEmptyPipeline, createDefaultHttpClient, createPipelineRequest } from '@azure/core-rest-pipeline';
 *
 * const pipeline = createEmptyPipeline();
 * pipeline.addPolicy(createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(accessKey)), { phase: 'Sign' });
 * const request = createPipelineRequest({ url: `${endpoint}identities?api-version=2023-10-01`, method: 'POST', body: '{}' });
 * const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
 * ```
 */
export function createCommunicationAccessKeyCredentialPolicy(
  credential: KeyCredential,
  options: SigningOptions = {},
): PipelinePolicy {
  if (typeof credential !== 'object' || credential === null || !('key' in credential)) {
    throw new TypeError(
      'createCommunicationAccessKeyCredentialPolicy: credential must be a KeyCredential such as new AzureKeyCredential(accessKey).',
    );
  }
  const crypto = checkSigningCrypto(options?.crypto, 'createCommunicationAccessKeyCredentialPolicy');
  return {
    name: communicationAccessKeyCredentialPolicyName,
    async sendRequest(request, next) {
      if (
        (request.body === undefined || request.body === null) &&
        (request.formData !== undefined || request.multipartBody !== undefined)
      ) {
        // core-rest-pipeline serialises these into a (stream) body only after signing.
        throw unsupportedBody(request.formData !== undefined ? 'form data' : 'a multipart body');
      }
      const headers = await createHmacHeaders({
        method: request.method,
        url: request.url,
        body: request.body as SignableBody, // checked at run time: anything else is ERR_UNSUPPORTED_BODY
        key: credential.key,
        crypto,
      });
      // Browsers silently drop Host (a forbidden header); Node clients send it as set.
      request.headers.set('Host', headers.host);
      request.headers.set('x-ms-date', headers['x-ms-date']);
      request.headers.set('x-ms-content-sha256', headers['x-ms-content-sha256']);
      request.headers.set('Authorization', headers.authorization);
      return next(request);
    },
  };
}
