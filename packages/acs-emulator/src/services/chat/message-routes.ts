import { defineRoute, reply } from '../../host/service.js';
import { deleteMessage, getMessage, listMessages, sendMessage, updateMessage } from './message-ops.js';
import { pageBody } from './paging.js';
import { envOf, stateOf } from './request-env.js';
import { sendMessageBody, updateMessageBody } from './schemas.js';
import { ANY_CHAT_SCOPE } from './scopes.js';
import { offsetOf, pageSize, startTimeOf } from './validation.js';

/** The chat message routes: send, list (newest first), get, edit, delete. */

/** The continuation of a message list: the sequenceId the next page starts below. */
const SYNC_STATE = 'syncState';

/**
 * `POST /chat/threads/{threadId}/messages` → 201 `{ id }`, `Location`.
 *
 * @example
 * ```ts
 * const { id } = await threadClient.sendMessage({ content: 'Hello' }, { senderDisplayName: 'Ann' });
 * ```
 */
export const sendMessageRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads/{threadId}/messages',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  body: sendMessageBody,
  handle(request, ctx) {
    const threadId = request.params.threadId as string;
    const id = sendMessage(stateOf(ctx), threadId, request.body, envOf(request, ctx));
    return reply(
      201,
      { id },
      { location: `${ctx.endpoint}chat/threads/${encodeURIComponent(threadId)}/messages/${id}` },
    );
  },
});

/**
 * `GET /chat/threads/{threadId}/messages` → newest first (`maxPageSize`, `startTime`).
 *
 * @example
 * ```ts
 * for await (const message of threadClient.listMessages({ maxPageSize: 50 })) console.log(message.sequenceId);
 * ```
 */
export const listMessagesRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads/{threadId}/messages',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const before = request.query.has(SYNC_STATE) ? offsetOf(request.query, SYNC_STATE) : undefined;
    const page = listMessages(stateOf(ctx), request.params.threadId as string, request.caller.identityId, {
      size: pageSize(request.query),
      before,
      startTime: startTimeOf(request.query),
    });
    return reply(200, pageBody(page, { endpoint: ctx.endpoint, path: request.path, query: request.query }, SYNC_STATE));
  },
});

/**
 * `GET /chat/threads/{threadId}/messages/{messageId}` → `ChatMessage`.
 *
 * @example
 * ```ts
 * await threadClient.getMessage(id);
 * ```
 */
export const getMessageRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads/{threadId}/messages/{messageId}',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const { threadId, messageId } = request.params as { threadId: string; messageId: string };
    return reply(200, getMessage(stateOf(ctx), threadId, messageId, request.caller.identityId));
  },
});

/**
 * `PATCH /chat/threads/{threadId}/messages/{messageId}` (merge patch: content, metadata) → 204.
 *
 * @example
 * ```ts
 * await threadClient.updateMessage(id, { content: 'Hello again' });
 * ```
 */
export const updateMessageRoute = defineRoute({
  method: 'PATCH',
  path: '/chat/threads/{threadId}/messages/{messageId}',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  body: updateMessageBody,
  handle(request, ctx) {
    const { threadId, messageId } = request.params as { threadId: string; messageId: string };
    updateMessage(stateOf(ctx), threadId, messageId, request.body, envOf(request, ctx));
    return reply(204);
  },
});

/**
 * `DELETE /chat/threads/{threadId}/messages/{messageId}` → 204.
 *
 * @example
 * ```ts
 * await threadClient.deleteMessage(id);
 * ```
 */
export const deleteMessageRoute = defineRoute({
  method: 'DELETE',
  path: '/chat/threads/{threadId}/messages/{messageId}',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const { threadId, messageId } = request.params as { threadId: string; messageId: string };
    deleteMessage(stateOf(ctx), threadId, messageId, envOf(request, ctx));
    return reply(204);
  },
});
