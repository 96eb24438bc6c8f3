import type { KeyCredential, TokenCredential } from '../lib/core-auth-types.js';
import { createCommunicationAccessKeyCredentialPolicy } from './access-key-policy.js';
import { COMMUNICATION_SCOPE, createBearerTokenPolicy } from './bearer-policy.js';
import { isTokenCredential } from './credential-guards.js';
import type { PipelinePolicy } from './pipeline-types.js';
import type { SigningOptions } from './signing-crypto.js';

/**
 * The authentication policy for a communication client: for a `TokenCredential` (by
 * `@azure/core-auth`'s rule, so an `AzureCommunicationTokenCredential` counts too) a bearer
 * policy (`bearerTokenAuthenticationPolicy`) with the scope
 * `https://communication.azure.com//.default`; otherwise the HMAC policy
 * (`CommunicationAccessKeyCredentialPolicy`). `options.crypto` is passed to the HMAC policy (see
 * `SigningCrypto`); the bearer policy ignores it.
 *
 * @example
 * ```ts
 * const { url, credential } = parseClientArguments(connectionStringOrUrl, credentialOrOptions);
 * const client = new SomeGeneratedClient(url, options);
 * client.pipeline.addPolicy(createCommunicationAuthPolicy(credential));
 * ```
 */
export function createCommunicationAuthPolicy(
  credential: KeyCredential | TokenCredential,
  options: SigningOptions = {},
): PipelinePolicy {
  return isTokenCredential(credential)
    ? createBearerTokenPolicy(credential, [COMMUNICATION_SCOPE])
    : createCommunicationAccessKeyCredentialPolicy(credential as KeyCredential, options);
}
