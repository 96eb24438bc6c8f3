export {
  COMMUNICATION_CLIENTS_SCOPE_PREFIX,
  DEFAULT_ENTRA_SCOPES,
  EXCHANGE_ROUTES,
  type ExchangeRoute,
  type ExchangeRouteOverrides,
  exchangeRouteFor,
  exchangeUrl,
  SCOPES_VALIDATION_MESSAGE,
  type ScopeFamily,
  scopeFamily,
  TEAMS_EXTENSION_SCOPE_PREFIXES,
} from 'acs-protocol';
export type { EntraCommunicationTokenCredentialOptions } from '../credential/types.js';
export { AzureCommunicationTokenCredential } from './credential.js';
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from './fetch-types.js';
export {
  MAX_EXCHANGE_RETRIES,
  RETRY_BASE_DELAY_IN_MS,
  RETRY_MAX_DELAY_IN_MS,
  RETRYABLE_STATUS_CODES,
} from './retry-policy.js';
export { ACS_TOKEN_REFRESH_WINDOW_IN_MS, ENTRA_TOKEN_REFRESH_WINDOW_IN_MS } from './strategy.js';
