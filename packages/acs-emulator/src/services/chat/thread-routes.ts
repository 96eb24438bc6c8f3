import { defineRoute, reply } from '../../host/service.js';
import { pageBody } from './paging.js';
import { type ChatRequest, envOf, stateOf } from './request-env.js';
import { createThreadBody, updateThreadBody } from './schemas.js';
import { ANY_CHAT_SCOPE, THREAD_ADMIN_SCOPE } from './scopes.js';
import { createThread, deleteThread, getThread, listThreads, updateThread } from './thread-ops.js';
import { offsetOf, pageSize, startTimeOf } from './validation.js';

/** The chat thread routes: create, list (the caller's), get, update, delete. */

/** `repeatability-request-id` (first value when repeated). */
function requestIdOf(request: ChatRequest): string | undefined {
  const header = request.headers['repeatability-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined || value === '' ? undefined : value;
}

/**
 * `POST /chat/threads` → 201 `CreateChatThreadResult`, `Location`; with a
 * `repeatability-request-id`, also `repeatability-result: accepted` (a repeat gets the first answer).
 *
 * @example
 * ```ts
 * await chatClient.createChatThread({ topic: 'Lunch' }, { participants });
 * ```
 */
export const createThreadRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads',
  auth: ['acsToken'],
  scopes: THREAD_ADMIN_SCOPE,
  body: createThreadBody,
  handle(request, ctx) {
    const requestId = requestIdOf(request);
    const outcome = createThread(stateOf(ctx), { ...request.body, requestId }, envOf(request, ctx));
    return reply(201, outcome.result, {
      location: `${ctx.endpoint}chat/threads/${encodeURIComponent(outcome.threadId)}`,
      ...(requestId === undefined ? {} : { 'repeatability-result': 'accepted' }),
    });
  },
});

/**
 * `GET /chat/threads` → the caller's threads, most recent activity first (`maxPageSize`, `startTime`).
 *
 * @example
 * ```ts
 * for await (const thread of chatClient.listChatThreads({ maxPageSize: 10 })) console.log(thread.topic);
 * ```
 */
export const listThreadsRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const query = {
      skip: offsetOf(request.query, 'skip'),
      size: pageSize(request.query),
      startTime: startTimeOf(request.query),
    };
    const page = listThreads(stateOf(ctx), request.caller.identityId, query);
    return reply(200, pageBody(page, { endpoint: ctx.endpoint, path: request.path, query: request.query }, 'skip'));
  },
});

/**
 * `GET /chat/threads/{threadId}` → `ChatThreadProperties`.
 *
 * @example
 * ```ts
 * await chatClient.getChatThreadClient(threadId).getProperties();
 * ```
 */
export const getThreadRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads/{threadId}',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    return reply(200, getThread(stateOf(ctx), request.params.threadId as string, request.caller.identityId));
  },
});

/**
 * `PATCH /chat/threads/{threadId}` (merge patch: topic, metadata, retentionPolicy) → 204.
 *
 * @example
 * ```ts
 * await threadClient.updateTopic('Dinner');
 * ```
 */
export const updateThreadRoute = defineRoute({
  method: 'PATCH',
  path: '/chat/threads/{threadId}',
  auth: ['acsToken'],
  scopes: THREAD_ADMIN_SCOPE,
  body: updateThreadBody,
  handle(request, ctx) {
    // The client sends retentionPolicy only when given; `null` (merge patch) removes it.
    updateThread(stateOf(ctx), request.params.threadId as string, request.body, envOf(request, ctx));
    return reply(204);
  },
});

/**
 * `DELETE /chat/threads/{threadId}` → 204.
 *
 * @example
 * ```ts
 * await chatClient.deleteChatThread(threadId);
 * ```
 */
export const deleteThreadRoute = defineRoute({
  method: 'DELETE',
  path: '/chat/threads/{threadId}',
  auth: ['acsToken'],
  scopes: THREAD_ADMIN_SCOPE,
  handle(request, ctx) {
    deleteThread(stateOf(ctx), request.params.threadId as string, envOf(request, ctx));
    return reply(204);
  },
});
