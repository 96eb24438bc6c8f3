import { listChatThreads } from './handlers/chat.js';
import { mintEntraTokenRoute } from './handlers/emulator-entra.js';
import { exchangeHandler } from './handlers/exchange.js';
import {
  createIdentity,
  deleteIdentity,
  getIdentity,
  issueAccessToken,
  revokeAccessTokens,
} from './handlers/identities.js';
import type { Route } from './router.js';

/**
 * Every route of the emulator, in one table.
 *
 * @example
 * ```ts
 * matchRoute(ROUTES, 'GET', '/chat/threads');
 * ```
 */
export const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: ['identities'], family: 'identity', auth: 'hmac', handle: createIdentity },
  { method: 'GET', pattern: ['identities', '{id}'], family: 'identity', auth: 'hmac', handle: getIdentity },
  { method: 'DELETE', pattern: ['identities', '{id}'], family: 'identity', auth: 'hmac', handle: deleteIdentity },
  {
    method: 'POST',
    pattern: ['identities', '{id}', ':issueAccessToken'],
    family: 'identity',
    auth: 'hmac',
    handle: issueAccessToken,
  },
  {
    method: 'POST',
    pattern: ['identities', '{id}', ':revokeAccessTokens'],
    family: 'identity',
    auth: 'hmac',
    handle: revokeAccessTokens,
  },
  {
    method: 'POST',
    pattern: ['access', 'entra', ':exchangeAccessToken'],
    family: 'entraExchange',
    auth: 'entraToken',
    handle: exchangeHandler('entra'),
  },
  {
    method: 'POST',
    pattern: ['access', 'teamsExtension', ':exchangeAccessToken'],
    family: 'teamsExtensionExchange',
    auth: 'entraToken',
    handle: exchangeHandler('teamsExtension'),
  },
  { method: 'GET', pattern: ['chat', 'threads'], family: 'chat', auth: 'acsToken', handle: listChatThreads },
  {
    method: 'POST',
    pattern: ['emulator', 'entra', 'token'],
    family: null,
    auth: 'loopback',
    handle: mintEntraTokenRoute,
  },
];
