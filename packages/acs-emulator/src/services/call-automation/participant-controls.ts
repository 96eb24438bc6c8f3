import { context, Draft, type ModelEnv, type Transition } from './draft.js';
import { CallModelError } from './errors.js';
import { RESULTS } from './events.js';
import { requireConnected } from './lifecycle.js';
import type { CallRecord, ParticipantRecord } from './model.js';

/**
 * What the app does to participants besides adding and removing them: mute, hold / unhold (each
 * answered at once, seen by the app as ParticipantsUpdated with `isMuted` / `isOnHold`), and
 * sending DTMF tones to one (SendDtmfTonesCompleted after `playDurationInMs`; no tone is heard).
 */

function participantOf(call: CallRecord, rawId: string): ParticipantRecord {
  const participant = call.participants.find((p) => p.identity.rawId === rawId);
  if (participant === undefined) {
    throw new CallModelError(404, 'ParticipantNotFound', `${rawId} is not a participant of this call.`);
  }
  return participant;
}

function update(
  call: CallRecord,
  env: ModelEnv,
  rawIds: readonly string[],
  patch: Partial<ParticipantRecord>,
): Transition {
  for (const rawId of rawIds) participantOf(call, rawId);
  const draft = new Draft(call, env);
  let changed = false;
  draft.set({
    participants: call.participants.map((p) => {
      if (!rawIds.includes(p.identity.rawId)) return p;
      const next = { ...p, ...patch };
      changed ||= next.isMuted !== p.isMuted || next.isOnHold !== p.isOnHold;
      return next;
    }),
  });
  if (changed) draft.participantsUpdated();
  return draft.done();
}

/**
 * Mutes participants (ParticipantsUpdated when something changed).
 *
 * @example
 * ```ts
 * muteParticipants(call, ['4:+14255550123'], env);
 * ```
 */
export function muteParticipants(call: CallRecord | undefined, rawIds: readonly string[], env: ModelEnv): Transition {
  return update(requireConnected(call), env, rawIds, { isMuted: true });
}

/**
 * Puts a participant on hold, or takes them off it (ParticipantsUpdated when something changed).
 *
 * @example
 * ```ts
 * setOnHold(call, '4:+14255550123', true, env);
 * ```
 */
export function setOnHold(call: CallRecord | undefined, rawId: string, onHold: boolean, env: ModelEnv): Transition {
  return update(requireConnected(call), env, [rawId], { isOnHold: onHold });
}

/** The fields of sendDtmfTones the model uses. */
export interface SendDtmfInput {
  readonly targetRawId: string;
  readonly tones: readonly string[];
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/**
 * "Sends" DTMF tones to a participant: SendDtmfTonesCompleted after `playDurationInMs`.
 *
 * @example
 * ```ts
 * sendDtmfTones(call, { targetRawId: '4:+14255550123', tones: ['one', 'pound'] }, env);
 * ```
 */
export function sendDtmfTones(call: CallRecord | undefined, input: SendDtmfInput, env: ModelEnv): Transition {
  const live = requireConnected(call);
  participantOf(live, input.targetRawId);
  const draft = new Draft(live, env);
  draft.schedule(
    {
      type: 'dtmfSent',
      ...context(input.operationContext),
      callbackUrl: input.operationCallbackUri ?? live.callbackUri,
    },
    env.settings.playDurationInMs,
  );
  return draft.done();
}

/**
 * Applies a due 'dtmfSent' step.
 *
 * @example
 * ```ts
 * dtmfSentStep(draft, { callbackUrl }); // SendDtmfTonesCompleted
 * ```
 */
export function dtmfSentStep(draft: Draft, step: { operationContext?: string; callbackUrl: string }): void {
  draft.emit(
    'SendDtmfTonesCompleted',
    { ...context(step.operationContext), resultInformation: RESULTS.success },
    step.callbackUrl,
  );
}
