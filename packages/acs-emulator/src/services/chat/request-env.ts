import { IDENTITIES_COLLECTION } from '../../host/auth/providers.js';
import type { Callers, HandlerRequest, RequestContext } from '../../host/service.js';
import type { ChatEnv, IdentityStatus } from './env.js';
import { newThreadId } from './ids.js';
import { type ChatState, chatState, type Table } from './state.js';

/**
 * The shell between the host and the chat core: a request's chat state (its transaction's
 * collections) and its {@link ChatEnv} (clock, caller, identity store, events).
 */

/** A chat route's request: an ACS token caller. */
export type ChatRequest<B = unknown> = HandlerRequest<Callers['acsToken'], B>;

/**
 * The chat collections of this request's transaction.
 *
 * @example
 * ```ts
 * const state = stateOf(ctx);
 * ```
 */
export function stateOf(ctx: RequestContext): ChatState {
  return chatState(<T>(name: string) => ctx.state.collection<T>(name) as Table<T>);
}

/**
 * The environment of one chat operation. A participant may be a communication user of this
 * resource that exists in the identity store (`ok`), one that does not (`notFound`, reported as
 * "404"), or anything else — another resource's user, a phone number, a Teams user (`forbidden`,
 * reported as "403").
 *
 * @example
 * ```ts
 * const id = sendMessage(stateOf(ctx), threadId, body, envOf(request, ctx));
 * ```
 */
export function envOf(request: ChatRequest, ctx: RequestContext): ChatEnv {
  const ownPrefix = `8:acs:${ctx.resourceId}_`;
  return {
    now: ctx.now(),
    callerId: request.caller.identityId,
    identityStatus(rawId): IdentityStatus {
      if (!rawId.startsWith(ownPrefix)) return 'forbidden';
      return ctx.state.collection(IDENTITIES_COLLECTION).get(rawId) === undefined ? 'notFound' : 'ok';
    },
    newThreadId,
    emit: (event) => ctx.emit(event),
  };
}
