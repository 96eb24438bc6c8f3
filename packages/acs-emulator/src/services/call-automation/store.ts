import { randomUUID } from 'node:crypto';
import { shownUrl } from '../../host/outbound.js';
import type { RequestContext } from '../../host/service.js';
import { nextDueAt } from './advance.js';
import type { ModelEnv, Transition } from './draft.js';
import type { CallbackEvent } from './events.js';
import { type CallRecord, DEFAULT_SETTINGS, type IncomingCallRecord, type SimulationSettings } from './model.js';

/**
 * Where the call model lives in the host store, and the one function that commits a transition:
 * the call, its next wake-up time, its event history, and the callbacks (delivered in order per
 * call: one outbound group per callConnectionId).
 */

/**
 * Collection names (the service is `call-automation`).
 *
 * @example
 * ```ts
 * ctx.state.collection<CallRecord>(CALLS).get(callConnectionId);
 * ```
 */
export const CALLS = 'call-automation.calls';
/**
 * Incoming calls raised by the emulator, not answered yet (key: incomingCallContext).
 *
 * @example
 * ```ts
 * ctx.state.collection<IncomingCallRecord>(INCOMING).get(incomingCallContext);
 * ```
 */
export const INCOMING = 'call-automation.incoming';
/**
 * callConnectionId → epoch ms of its next step (only calls with something pending).
 *
 * @example
 * ```ts
 * host.store.read(WAKEUPS); // callConnectionId → dueAt
 * ```
 */
export const WAKEUPS = 'call-automation.wakeups';
/**
 * `${callConnectionId}/${eventId}` → the callback sent (for the dashboard and tests).
 *
 * @example
 * ```ts
 * ctx.state.collection<SentCallback>(EVENTS).scan(`${callConnectionId}/`);
 * ```
 */
export const EVENTS = 'call-automation.events';
/**
 * `simulation` → SimulationSettings.
 *
 * @example
 * ```ts
 * ctx.state.collection<SimulationSettings>(SETTINGS).get('simulation');
 * ```
 */
export const SETTINGS = 'call-automation.settings';

/** A callback as recorded. */
export interface SentCallback {
  readonly url: string;
  readonly event: CallbackEvent;
}

/**
 * The simulation settings in force.
 *
 * @example
 * ```ts
 * settingsOf(ctx).connectDelayInMs; // 50
 * ```
 */
export function settingsOf(ctx: Pick<RequestContext, 'state'>): SimulationSettings {
  return ctx.state.collection<SimulationSettings>(SETTINGS).get('simulation') ?? DEFAULT_SETTINGS;
}

/**
 * The model's environment for this request or background step.
 *
 * @example
 * ```ts
 * const transition = play(call, input, envOf(ctx));
 * ```
 */
export function envOf(ctx: Pick<RequestContext, 'state' | 'now'>): ModelEnv {
  return { now: ctx.now(), uuid: randomUUID, settings: settingsOf(ctx) };
}

/**
 * A call by id (undefined when unknown).
 *
 * @example
 * ```ts
 * const call = findCall(ctx, request.params.callConnectionId);
 * ```
 */
export function findCall(ctx: Pick<RequestContext, 'state'>, callConnectionId: string): CallRecord | undefined {
  return ctx.state.collection<CallRecord>(CALLS).get(callConnectionId);
}

/**
 * An incoming call by its context (undefined when unknown or already answered).
 *
 * @example
 * ```ts
 * const incoming = findIncoming(ctx, request.body.incomingCallContext);
 * ```
 */
export function findIncoming(ctx: Pick<RequestContext, 'state'>, context: string): IncomingCallRecord | undefined {
  return ctx.state.collection<IncomingCallRecord>(INCOMING).get(context);
}

/**
 * Commits a transition in the request's transaction: stores the call and its wake-up, records
 * and delivers its callbacks (after the transaction is durable, in order, never blocking).
 *
 * @example
 * ```ts
 * const call = commit(ctx, hangUp(findCall(ctx, id), { forEveryone: true }, envOf(ctx)));
 * ```
 */
export function commit(ctx: RequestContext, transition: Transition): CallRecord {
  const { call, outgoing } = transition;
  ctx.state.collection<CallRecord>(CALLS).put(call.callConnectionId, call);
  const wakeups = ctx.state.collection<number>(WAKEUPS);
  const due = nextDueAt(call);
  if (due === undefined) wakeups.delete(call.callConnectionId);
  else wakeups.put(call.callConnectionId, due);
  const events = ctx.state.collection<SentCallback>(EVENTS);
  for (const { url, event, callConnectionId } of outgoing) {
    events.put(`${callConnectionId}/${event.id}`, { url, event });
    ctx.deliver({
      url,
      body: [event],
      label: `${event.type} → ${shownUrl(url)}`,
      kind: 'callback',
      group: `call-automation:${callConnectionId}`,
    });
  }
  return call;
}
