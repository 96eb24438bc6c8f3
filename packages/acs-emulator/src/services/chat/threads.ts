import { defineRoute, reply } from '../../host/service.js';

/** Scopes that let a token use chat. */
export const CHAT_SCOPES = ['chat', 'chat.join', 'chat.join.limited'];

/**
 * `GET /chat/threads` with an ACS token that has a chat scope → 200 `{value: []}`.
 *
 * @example
 * ```ts
 * // GET /chat/threads?api-version=2025-03-15
 * ```
 */
export const listChatThreads = defineRoute({
  method: 'GET',
  path: '/chat/threads',
  auth: ['acsToken'],
  scopes: CHAT_SCOPES,
  handle: () => reply(200, { value: [] }),
});
