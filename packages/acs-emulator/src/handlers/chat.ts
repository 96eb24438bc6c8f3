import type { Handler } from '../context.js';
import { denied, HttpError } from '../http-error.js';

/** Scopes that let a token use chat. */
const CHAT_SCOPES = new Set(['chat', 'chat.join', 'chat.join.limited']);

/**
 * `GET /chat/threads` with an ACS token that has a chat scope → 200 `{value: []}`: an empty first
 * page, enough for a real `ChatClient` to prove that its token is accepted. 403 without a chat scope.
 *
 * @example
 * ```ts
 * { method: 'GET', pattern: ['chat', 'threads'], family: 'chat', auth: 'acsToken', handle: listChatThreads }
 * ```
 */
export const listChatThreads: Handler = (_context, _request, auth) => {
  if (auth.kind !== 'acsToken') throw denied('An ACS access token is required.');
  if (!auth.claims.scopes.some((scope) => CHAT_SCOPES.has(scope))) {
    throw new HttpError(403, 'Forbidden', 'The access token has no chat scope.');
  }
  return { status: 200, body: { value: [] } };
};
