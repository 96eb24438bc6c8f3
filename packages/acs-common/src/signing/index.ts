export type { KeyCredential } from '../lib/core-auth-types.js';
export {
  communicationAccessKeyCredentialPolicyName,
  createCommunicationAccessKeyCredentialPolicy,
} from './access-key-policy.js';
export { createCommunicationAuthPolicy } from './auth-policy.js';
export { AzureKeyCredential } from './azure-key-credential.js';
export {
  bearerTokenAuthenticationPolicyName,
  COMMUNICATION_SCOPE,
  createBearerTokenPolicy,
} from './bearer-policy.js';
export type { UrlWithCredential } from './client-arguments.js';
export { parseClientArguments } from './client-arguments.js';
export type { EndpointCredential } from './connection-string.js';
export { parseConnectionString } from './connection-string.js';
export type { SignableBody } from './content-hash.js';
export { contentHash } from './content-hash.js';
export { isKeyCredential } from './credential-guards.js';
export type { HmacHeaders, HmacSigningInput } from './hmac-headers.js';
export { createHmacHeaders } from './hmac-headers.js';
export type {
  HttpHeadersLike,
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  SendRequest,
} from './pipeline-types.js';
export type { RestErrorOptions } from './rest-error.js';
export { isRestError, RestError } from './rest-error.js';
export type { SigningCrypto, SigningOptions } from './signing-crypto.js';
