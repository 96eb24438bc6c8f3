import { defineRoute, reply } from '../../host/service.js';
import { pageBody } from './paging.js';
import { addParticipants, listParticipants, removeParticipant } from './participant-ops.js';
import { envOf, stateOf } from './request-env.js';
import { addParticipantsBody, identifierBody, readReceiptBody, typingBody } from './schemas.js';
import { ANY_CHAT_SCOPE, ROSTER_SCOPE } from './scopes.js';
import { listReadReceipts, sendReadReceipt, sendTyping } from './signals.js';
import { offsetOf, pageSize } from './validation.js';

/** The routes of a thread's people: participants, read receipts, typing notifications. */

/**
 * `GET /chat/threads/{threadId}/participants` (`maxPageSize`, `skip`).
 *
 * @example
 * ```ts
 * for await (const p of threadClient.listParticipants()) console.log(p.displayName);
 * ```
 */
export const listParticipantsRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads/{threadId}/participants',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const skip = offsetOf(request.query, 'skip');
    const page = listParticipants(stateOf(ctx), request.params.threadId as string, request.caller.identityId, {
      skip,
      size: pageSize(request.query),
    });
    return reply(200, pageBody(page, { endpoint: ctx.endpoint, path: request.path, query: request.query }, 'skip'));
  },
});

/**
 * `POST /chat/threads/{threadId}/participants/:add` → 201 `AddChatParticipantsResult`.
 *
 * @example
 * ```ts
 * await threadClient.addParticipants({ participants: [{ id: { communicationUserId }, displayName: 'Bob' }] });
 * ```
 */
export const addParticipantsRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads/{threadId}/participants/:add',
  auth: ['acsToken'],
  scopes: ROSTER_SCOPE,
  body: addParticipantsBody,
  handle(request, ctx) {
    const invalid = addParticipants(
      stateOf(ctx),
      request.params.threadId as string,
      request.body.participants,
      envOf(request, ctx),
    );
    return reply(201, invalid.length === 0 ? {} : { invalidParticipants: invalid });
  },
});

/**
 * `POST /chat/threads/{threadId}/participants/:remove` (a `CommunicationIdentifierModel`) → 204.
 *
 * @example
 * ```ts
 * await threadClient.removeParticipant({ communicationUserId });
 * ```
 */
export const removeParticipantRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads/{threadId}/participants/:remove',
  auth: ['acsToken'],
  scopes: ROSTER_SCOPE,
  body: identifierBody,
  handle(request, ctx) {
    removeParticipant(stateOf(ctx), request.params.threadId as string, request.body, envOf(request, ctx));
    return reply(204);
  },
});

/**
 * `POST /chat/threads/{threadId}/readReceipts` → 200.
 *
 * @example
 * ```ts
 * await threadClient.sendReadReceipt({ chatMessageId });
 * ```
 */
export const sendReadReceiptRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads/{threadId}/readReceipts',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  body: readReceiptBody,
  handle(request, ctx) {
    sendReadReceipt(stateOf(ctx), request.params.threadId as string, request.body.chatMessageId, envOf(request, ctx));
    return reply(200);
  },
});

/**
 * `GET /chat/threads/{threadId}/readReceipts` (`maxPageSize`, `skip`).
 *
 * @example
 * ```ts
 * for await (const receipt of threadClient.listReadReceipts()) console.log(receipt.chatMessageId);
 * ```
 */
export const listReadReceiptsRoute = defineRoute({
  method: 'GET',
  path: '/chat/threads/{threadId}/readReceipts',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  handle(request, ctx) {
    const page = listReadReceipts(stateOf(ctx), request.params.threadId as string, request.caller.identityId, {
      skip: offsetOf(request.query, 'skip'),
      size: pageSize(request.query),
    });
    return reply(200, pageBody(page, { endpoint: ctx.endpoint, path: request.path, query: request.query }, 'skip'));
  },
});

/**
 * `POST /chat/threads/{threadId}/typing` → 200 (accepted; delivery is real-time signalling).
 *
 * @example
 * ```ts
 * await threadClient.sendTypingNotification({ senderDisplayName: 'Ann' });
 * ```
 */
export const typingRoute = defineRoute({
  method: 'POST',
  path: '/chat/threads/{threadId}/typing',
  auth: ['acsToken'],
  scopes: ANY_CHAT_SCOPE,
  body: typingBody,
  handle(request, ctx) {
    sendTyping(stateOf(ctx), request.params.threadId as string, request.caller.identityId);
    return reply(200);
  },
});
