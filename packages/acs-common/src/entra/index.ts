// The wire-protocol internals (scope prefixes, the route table, the exchange URL builder, the
// back-off constants) are not API: they live in the unpublished acs-protocol package. The types
// below are public because the credential's `routes` option uses them.
export type { ExchangeRoute, ExchangeRouteOverrides, ScopeFamily } from 'acs-protocol';
export type { EntraCommunicationTokenCredentialOptions } from '../credential/types.js';
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from '../lib/fetch-types.js';
export { AzureCommunicationTokenCredential } from './credential.js';
export { ACS_TOKEN_REFRESH_WINDOW_IN_MS, ENTRA_TOKEN_REFRESH_WINDOW_IN_MS } from './strategy.js';
