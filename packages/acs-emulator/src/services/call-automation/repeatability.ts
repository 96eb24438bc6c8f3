import { type HandlerRequest, type Reply, type RequestContext, reply } from '../../host/service.js';

/**
 * Repeatable requests (the `Repeatability-Request-ID` / `Repeatability-First-Sent` headers the
 * official client sends on createCall, answerCall, add / remove participant, transfer and
 * terminate): a request repeated with the same id gets the first answer again and changes
 * nothing — so a client retry after a lost reply neither creates a second call nor finds its
 * incoming call already answered. A refused request is not remembered (it may be retried).
 */

/**
 * `${method} ${path} ${requestId}` → the answer given.
 *
 * @example
 * ```ts
 * ctx.state.collection(REPEATABILITY).size;
 * ```
 */
export const REPEATABILITY = 'call-automation.repeatability';

interface RememberedReply {
  readonly status: number;
  readonly body?: unknown;
  readonly atTimestamp: number;
}

/**
 * Runs `work` once per Repeatability-Request-ID (per route and path) and answers repeats alike.
 *
 * @example
 * ```ts
 * handle: (request, ctx) => repeatable(request, ctx, () => reply(201, properties)),
 * ```
 */
export function repeatable(request: HandlerRequest, ctx: RequestContext, work: () => Reply): Reply {
  const header = request.headers['repeatability-request-id'];
  const requestId = Array.isArray(header) ? header[0] : header;
  if (requestId === undefined || requestId === '') return work();
  const key = `${request.method} ${request.path} ${requestId}`;
  const remembered = ctx.state.collection<RememberedReply>(REPEATABILITY);
  const earlier = remembered.get(key);
  if (earlier !== undefined) return reply(earlier.status, earlier.body, { 'repeatability-result': 'accepted' });
  const answer = work();
  remembered.put(key, {
    status: answer.status,
    ...(answer.body === undefined ? {} : { body: answer.body }),
    atTimestamp: ctx.now(),
  });
  return { ...answer, headers: { ...answer.headers, 'repeatability-result': 'accepted' } };
}
