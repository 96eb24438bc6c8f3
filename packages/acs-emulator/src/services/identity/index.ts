import { defineService } from '../../host/service.js';
import { entraExchange, teamsExtensionExchange } from './exchange.js';
import {
  createIdentity,
  deleteIdentity,
  getIdentity,
  issueAccessToken,
  revokeAccessTokens,
  revokeAccessTokensFromLoopback,
} from './identities.js';
import { exchangeTeamsUserToken } from './teams-user.js';

/**
 * The Identity service: communication users, their access tokens and revocation, and the Entra /
 * Teams Phone extension token exchanges. The identity versions are the folders of
 * `Azure/azure-rest-api-specs` `specification/communication/data-plane/Identity`;
 * `@azure/communication-identity@1.3.1` sends `2023-10-01`.
 *
 * @example
 * ```ts
 * import { service as identity } from './services/identity/index.js';
 * ```
 */
export const service = defineService({
  name: 'identity',
  apiVersions: [
    '2021-03-07',
    '2022-06-01',
    '2022-09-01',
    '2022-10-01',
    '2023-08-01',
    '2023-10-01',
    '2025-06-30',
    '2026-07-22',
    '2026-09-23',
    '2020-07-20-preview2',
    '2021-02-22-preview1',
    '2021-03-31-preview1',
    '2021-10-31-preview',
    '2023-08-30-preview',
    '2025-03-02-preview',
    '2025-04-01-preview',
  ],
  collections: ['identities', 'meta'],
  routes: [
    createIdentity,
    getIdentity,
    deleteIdentity,
    issueAccessToken,
    revokeAccessTokens,
    revokeAccessTokensFromLoopback,
    entraExchange,
    teamsExtensionExchange,
    exchangeTeamsUserToken,
  ],
});
