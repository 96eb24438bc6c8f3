export { ACS_TOKEN_SCOPES, type AcsTokenScope, isAcsTokenScope } from './acs-token-scopes.js';
export { isBase64 } from './base64.js';
export {
  COMMUNICATION_CLIENTS_SCOPE_PREFIX,
  DEFAULT_ENTRA_SCOPES,
  SCOPE_PREFIXES,
  SCOPES_VALIDATION_MESSAGE,
  type ScopeFamily,
  scopeFamily,
  scopeFamilyOf,
  splitScope,
  TEAMS_EXTENSION_SCOPE_PREFIXES,
} from './entra-scopes.js';
export {
  EXCHANGE_ROUTES,
  type ExchangeRoute,
  type ExchangeRouteOverrides,
  exchangeRouteFor,
  exchangeUrl,
} from './exchange-routes.js';
export {
  authorizationHeader,
  EMPTY_CONTENT_HASH,
  SIGNED_HEADERS,
  type SigningInput,
  signedParts,
  stringToSign,
} from './hmac.js';
export { isLoopbackHost } from './loopback.js';
export {
  ACS_USER_PREFIX,
  PHONE_NUMBER_PREFIX,
  RAW_ID_CLOUDS,
  RAW_ID_NO_CLOUD,
  RAW_ID_PREFIXES,
} from './raw-id-prefixes.js';
