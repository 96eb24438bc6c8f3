/**
 * Which ACS token scopes each chat operation needs (identity documentation): `chat` can do
 * everything; `chat.join` everything but create, delete or update threads; `chat.join.limited`
 * also not add or remove participants. A token with none of them gets 403.
 */

/**
 * Any chat scope: read and write messages, receipts, typing; list and read threads.
 *
 * @example
 * ```ts
 * defineRoute({ …, auth: ['acsToken'], scopes: ANY_CHAT_SCOPE });
 * ```
 */
export const ANY_CHAT_SCOPE = ['chat', 'chat.join', 'chat.join.limited'] as const;
/**
 * Create, update, delete threads.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'DELETE', …, scopes: THREAD_ADMIN_SCOPE });
 * ```
 */
export const THREAD_ADMIN_SCOPE = ['chat'] as const;
/**
 * Add and remove participants.
 *
 * @example
 * ```ts
 * defineRoute({ path: '/chat/threads/{threadId}/participants/:add', …, scopes: ROSTER_SCOPE });
 * ```
 */
export const ROSTER_SCOPE = ['chat', 'chat.join'] as const;
