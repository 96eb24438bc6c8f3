import { IDENTITIES_COLLECTION } from '../../host/auth/providers.js';
import type { Callers, HandlerRequest, RequestContext } from '../../host/service.js';
import type { ChatEnv, IdentityStatus } from './env.js';
import type { ChatEvent } from './events.js';
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
  return new RequestChatEnv(request.caller.identityId, ctx);
}

/** A class (methods on the prototype), not an object of closures: one is made per chat request. */
class RequestChatEnv implements ChatEnv {
  readonly now: number;
  readonly callerId: string;
  readonly #ctx: RequestContext;

  constructor(callerId: string, ctx: RequestContext) {
    this.now = ctx.now();
    this.callerId = callerId;
    this.#ctx = ctx;
  }

  identityStatus(rawId: string): IdentityStatus {
    if (!rawId.startsWith(`8:acs:${this.#ctx.resourceId}_`)) return 'forbidden';
    return this.#ctx.state.collection(IDENTITIES_COLLECTION).get(rawId) === undefined ? 'notFound' : 'ok';
  }

  newThreadId(): string {
    return newThreadId();
  }

  emit(event: ChatEvent): void {
    this.#ctx.emit(event);
  }

  wants(type: string): boolean {
    return this.#ctx.host.events.wants(type);
  }
}
