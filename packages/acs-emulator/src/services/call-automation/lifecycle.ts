import { context, Draft, type ModelEnv, type Transition } from './draft.js';
import { CallModelError, callNotFound } from './errors.js';
import { RESULTS } from './events.js';
import type { CallIdentity } from './identifiers.js';
import type { CallRecord, IncomingCallRecord } from './model.js';

/**
 * The life of a call connection: created (outbound) or answered (inbound), connected after the
 * simulated delay, participants invited / removed, transferred, hung up or terminated. Every
 * function is pure: (call, request, env) → { call, outgoing events }. Timed outcomes are
 * scheduled as steps that `advance` applies when they are due.
 */

/** The fields of createCall the model uses (already validated). */
export interface CreateCallInput {
  readonly targets: readonly CallIdentity[];
  readonly callbackUri: string;
  readonly operationContext?: string;
  readonly source?: CallIdentity;
  readonly sourceCallerIdNumber?: string;
  readonly sourceDisplayName?: string;
}

/**
 * A new outbound call connection, `connecting`; CallConnected follows after `connectDelayInMs`.
 *
 * @example
 * ```ts
 * const { call } = createOutboundCall({ targets: [user], callbackUri: 'https://127.0.0.1:9000/cb' }, env);
 * call.state; // 'connecting'
 * ```
 */
export function createOutboundCall(input: CreateCallInput, env: ModelEnv): Transition {
  return connectingCall(
    {
      callConnectionId: env.uuid(),
      serverCallId: serverCallIdFor(env.uuid()),
      correlationId: env.uuid(),
      direction: 'outbound',
      callbackUri: input.callbackUri,
      ...context(input.operationContext),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.sourceCallerIdNumber !== undefined ? { sourceCallerIdNumber: input.sourceCallerIdNumber } : {}),
      ...(input.sourceDisplayName !== undefined ? { sourceDisplayName: input.sourceDisplayName } : {}),
      targets: input.targets,
    },
    env,
  );
}

/** The fields of answerCall the model uses. */
export interface AnswerCallInput {
  readonly callbackUri: string;
  readonly operationContext?: string;
  readonly answeredBy?: string;
}

/**
 * The call connection that answers `incoming`: it keeps the incoming call's serverCallId and
 * correlationId; the caller is its participant once CallConnected is sent.
 *
 * @example
 * ```ts
 * const { call } = answerIncomingCall(incoming, { callbackUri }, env);
 * call.serverCallId === incoming.serverCallId; // true
 * ```
 */
export function answerIncomingCall(incoming: IncomingCallRecord, input: AnswerCallInput, env: ModelEnv): Transition {
  return connectingCall(
    {
      callConnectionId: env.uuid(),
      serverCallId: incoming.serverCallId,
      correlationId: incoming.correlationId,
      direction: 'inbound',
      callbackUri: input.callbackUri,
      ...context(input.operationContext),
      source: incoming.from,
      ...(input.answeredBy !== undefined ? { answeredBy: input.answeredBy } : {}),
      ...(incoming.to.kind === 'phoneNumber'
        ? { answeredFor: incoming.to.rawId.slice(2), sourceCallerIdNumber: incoming.to.rawId.slice(2) }
        : {}),
      ...(incoming.callerDisplayName !== undefined ? { sourceDisplayName: incoming.callerDisplayName } : {}),
      targets: [incoming.to],
    },
    env,
  );
}

/** What every new call connection starts with, besides what its operation sets. */
type FreshCallFields =
  | 'state'
  | 'participants'
  | 'invitations'
  | 'media'
  | 'steps'
  | 'participantsSequence'
  | 'stepSequence'
  | 'createdAt';

/**
 * A new call connection: `connecting`, with no participants, media or steps yet; its
 * CallConnected follows after `connectDelayInMs`. Outbound, answered and connect calls differ only
 * in `fields`.
 */
function connectingCall(fields: Omit<CallRecord, FreshCallFields>, env: ModelEnv): Transition {
  const draft = new Draft(
    {
      ...fields,
      state: 'connecting',
      participants: [],
      invitations: [],
      media: [],
      steps: [],
      participantsSequence: 0,
      stepSequence: 0,
      createdAt: env.now,
    },
    env,
  );
  draft.schedule({ type: 'connect' }, env.settings.connectDelayInMs);
  return draft.done();
}

/**
 * The serverCallId of a new call: opaque base64url, like the service's.
 *
 * @example
 * ```ts
 * serverCallIdFor('0b0c…'); // 'YWNzLWVtdWxhdG9yOi8vY29udi8wYjBj…'
 * ```
 */
export function serverCallIdFor(uuid: string): string {
  return Buffer.from(`acs-emulator://conv/${uuid}`).toString('base64url');
}

/**
 * Throws the service's 404 unless `call` exists and has not ended.
 *
 * @example
 * ```ts
 * const live = requireLive(calls.get(id)); // CallRecord, or throws 404 8522
 * ```
 */
export function requireLive(call: CallRecord | undefined): CallRecord {
  if (call === undefined || call.state === 'disconnected') throw callNotFound();
  return call;
}

/**
 * Throws 400 unless the call is connected (mid-call actions need an established call).
 *
 * @example
 * ```ts
 * requireConnected(call); // throws while 'connecting' or 'transferring'
 * ```
 */
export function requireConnected(call: CallRecord | undefined): CallRecord {
  const live = requireLive(call);
  if (live.state !== 'connected') {
    throw new CallModelError(
      400,
      'CallNotEstablished',
      `Action is not valid while the call is ${live.state}; wait for the CallConnected event (call connection ${live.callConnectionId}).`,
    );
  }
  return live;
}

/** The fields of connectCall the model uses (the route resolves the locator). */
export interface ConnectCallInput {
  readonly callbackUri: string;
  readonly operationContext?: string;
  /** The call joined, when the locator names one of the emulator's calls (serverCallLocator). */
  readonly joined?: Pick<CallRecord, 'serverCallId' | 'correlationId' | 'participants'>;
}

/**
 * A call connection that joins an existing call, a room or a group call: `connecting`, then
 * CallConnected and ParticipantsUpdated (the joined call's participants; nobody for a room or a
 * group call, since no calling client joins one in the emulator).
 *
 * @example
 * ```ts
 * const { call } = connectCall({ callbackUri, joined: existingCall }, env);
 * call.serverCallId === existingCall.serverCallId; // true
 * ```
 */
export function connectCall(input: ConnectCallInput, env: ModelEnv): Transition {
  return connectingCall(
    {
      callConnectionId: env.uuid(),
      serverCallId: input.joined?.serverCallId ?? serverCallIdFor(env.uuid()),
      correlationId: input.joined?.correlationId ?? env.uuid(),
      direction: 'connect',
      callbackUri: input.callbackUri,
      ...context(input.operationContext),
      targets: (input.joined?.participants ?? []).map((p) => p.identity),
    },
    env,
  );
}

/**
 * Applies a due 'connect' step.
 *
 * @example
 * ```ts
 * connectStep(draft); // draft.call.state === 'connected'
 * ```
 */
export function connectStep(draft: Draft): void {
  const { call, env } = draft;
  if (call.direction === 'connect') {
    draft.set({
      state: 'connected',
      participants: call.targets.map((identity) => ({ identity, isMuted: false, isOnHold: false })),
    });
  } else if (call.direction === 'inbound') {
    const caller = call.source;
    draft.set({
      state: 'connected',
      participants: caller ? [{ identity: caller, isMuted: false, isOnHold: false }] : [],
    });
  } else {
    const reachable = call.targets.filter((target) => !env.settings.unreachable.includes(target.rawId));
    if (reachable.length === 0) {
      draft.emit('CreateCallFailed', { ...context(call.operationContext), resultInformation: RESULTS.notAnswered });
      draft.end(RESULTS.notAnswered, 'no target answered');
      return;
    }
    draft.set({
      state: 'connected',
      participants: reachable.map((identity) => ({ identity, isMuted: false, isOnHold: false })),
    });
  }
  draft.emit('CallConnected', { ...context(call.operationContext), resultInformation: RESULTS.success });
  draft.participantsUpdated();
}

/** The fields of addParticipant the model uses. */
export interface AddParticipantInput {
  readonly identity: CallIdentity;
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/**
 * Invites a participant: 202 now, AddParticipantSucceeded (or Failed, for an unreachable one)
 * and ParticipantsUpdated after `ringDelayInMs`.
 *
 * @example
 * ```ts
 * const { transition, invitationId } = addParticipant(call, { identity: user }, env);
 * ```
 */
export function addParticipant(
  call: CallRecord | undefined,
  input: AddParticipantInput,
  env: ModelEnv,
): { transition: Transition; invitationId: string } {
  const live = requireConnected(call);
  const rawId = input.identity.rawId;
  if (live.participants.some((p) => p.identity.rawId === rawId)) {
    throw new CallModelError(400, 'ParticipantAlreadyInCall', `${rawId} is already a participant of this call.`);
  }
  if (live.invitations.some((i) => i.identity.rawId === rawId)) {
    throw new CallModelError(400, 'ParticipantAlreadyInvited', `${rawId} is already being added to this call.`);
  }
  const draft = new Draft(live, env);
  const invitationId = env.uuid();
  draft.set({
    invitations: [
      ...live.invitations,
      {
        invitationId,
        identity: input.identity,
        ...context(input.operationContext),
        callbackUrl: input.operationCallbackUri ?? live.callbackUri,
      },
    ],
  });
  draft.schedule({ type: 'invitation', invitationId }, env.settings.ringDelayInMs);
  return { transition: draft.done(), invitationId };
}

/**
 * Applies a due 'invitation' step.
 *
 * @example
 * ```ts
 * invitationStep(draft, invitationId); // AddParticipantSucceeded, ParticipantsUpdated
 * ```
 */
export function invitationStep(draft: Draft, invitationId: string): void {
  const invitation = draft.call.invitations.find((i) => i.invitationId === invitationId);
  if (invitation === undefined) return;
  draft.set({ invitations: draft.call.invitations.filter((i) => i.invitationId !== invitationId) });
  const data = { ...context(invitation.operationContext), participant: invitation.identity.model };
  if (draft.env.settings.unreachable.includes(invitation.identity.rawId)) {
    draft.emit('AddParticipantFailed', { ...data, resultInformation: RESULTS.notAnswered }, invitation.callbackUrl);
    return;
  }
  draft.set({
    participants: [...draft.call.participants, { identity: invitation.identity, isMuted: false, isOnHold: false }],
  });
  draft.emit('AddParticipantSucceeded', { ...data, resultInformation: RESULTS.success }, invitation.callbackUrl);
  draft.participantsUpdated();
}

/** The fields of removeParticipant the model uses. */
export interface RemoveParticipantInput {
  readonly rawId: string;
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/**
 * Removes a participant: 202 now, RemoveParticipantSucceeded and ParticipantsUpdated after
 * `ringDelayInMs`; the call ends when nobody is left.
 *
 * @example
 * ```ts
 * removeParticipant(call, { rawId: '8:acs:…' }, env);
 * ```
 */
export function removeParticipant(
  call: CallRecord | undefined,
  input: RemoveParticipantInput,
  env: ModelEnv,
): Transition {
  const live = requireConnected(call);
  if (!live.participants.some((p) => p.identity.rawId === input.rawId)) {
    throw new CallModelError(404, 'ParticipantNotFound', `${input.rawId} is not a participant of this call.`);
  }
  const draft = new Draft(live, env);
  draft.schedule(
    {
      type: 'removal',
      rawId: input.rawId,
      ...context(input.operationContext),
      callbackUrl: input.operationCallbackUri ?? live.callbackUri,
    },
    env.settings.ringDelayInMs,
  );
  return draft.done();
}

/**
 * Applies a due 'removal' step.
 *
 * @example
 * ```ts
 * removalStep(draft, { rawId, callbackUrl }); // RemoveParticipantSucceeded, ParticipantsUpdated
 * ```
 */
export function removalStep(
  draft: Draft,
  step: { rawId: string; operationContext?: string; callbackUrl: string },
): void {
  const participant = draft.call.participants.find((p) => p.identity.rawId === step.rawId);
  if (participant === undefined) return;
  draft.set({ participants: draft.call.participants.filter((p) => p.identity.rawId !== step.rawId) });
  draft.emit(
    'RemoveParticipantSucceeded',
    { ...context(step.operationContext), participant: participant.identity.model, resultInformation: RESULTS.success },
    step.callbackUrl,
  );
  draft.participantsUpdated();
  if (draft.call.participants.length === 0) draft.end(RESULTS.everyoneLeft, 'the last participant was removed');
}

/** The fields of transferToParticipant the model uses. */
export interface TransferInput {
  readonly target: CallIdentity;
  readonly transfereeRawId?: string;
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/**
 * Transfers the call: `transferring` now; after `ringDelayInMs` CallTransferAccepted and this
 * connection's CallDisconnected (or CallTransferFailed for an unreachable target).
 *
 * @example
 * ```ts
 * transferToParticipant(call, { target: agent }, env).call.state; // 'transferring'
 * ```
 */
export function transferToParticipant(call: CallRecord | undefined, input: TransferInput, env: ModelEnv): Transition {
  const live = requireConnected(call);
  let transfereeRawId = input.transfereeRawId;
  if (transfereeRawId === undefined) {
    if (live.participants.length !== 1) {
      throw new CallModelError(
        400,
        'TransfereeRequired',
        `The call has ${live.participants.length} participants; name the participant to transfer with the transferee option.`,
      );
    }
    transfereeRawId = (live.participants[0] as (typeof live.participants)[0]).identity.rawId;
  } else if (!live.participants.some((p) => p.identity.rawId === transfereeRawId)) {
    throw new CallModelError(
      400,
      'TransfereeNotInCall',
      `The transferee ${transfereeRawId} is not a participant of this call.`,
    );
  }
  const draft = new Draft(live, env);
  draft.set({
    state: 'transferring',
    transfer: {
      target: input.target,
      transfereeRawId,
      ...context(input.operationContext),
      callbackUrl: input.operationCallbackUri ?? live.callbackUri,
    },
  });
  draft.schedule({ type: 'transfer' }, env.settings.ringDelayInMs);
  return draft.done();
}

/**
 * Applies a due 'transfer' step.
 *
 * @example
 * ```ts
 * transferStep(draft); // CallTransferAccepted, CallDisconnected
 * ```
 */
export function transferStep(draft: Draft): void {
  const transfer = draft.call.transfer;
  if (transfer === undefined) return;
  const { transfer: _done, ...rest } = draft.call;
  draft.call = { ...rest, state: 'connected' };
  if (draft.env.settings.unreachable.includes(transfer.target.rawId)) {
    draft.emit(
      'CallTransferFailed',
      { ...context(transfer.operationContext), resultInformation: RESULTS.notAnswered },
      transfer.callbackUrl,
    );
    return;
  }
  const transferee = draft.call.participants.find((p) => p.identity.rawId === transfer.transfereeRawId);
  draft.set({ state: 'transferAccepted' });
  draft.emit(
    'CallTransferAccepted',
    {
      ...context(transfer.operationContext),
      transferTarget: transfer.target.model,
      ...(transferee ? { transferee: transferee.identity.model } : {}),
      resultInformation: RESULTS.success,
    },
    transfer.callbackUrl,
  );
  draft.end(RESULTS.transferred, `transferred to ${transfer.target.rawId}`);
}

/**
 * Hangs up (DELETE: this connection leaves) or terminates (`:terminate`: the call ends for
 * everyone). Either way this connection receives CallDisconnected and is gone afterwards.
 *
 * @example
 * ```ts
 * hangUp(call, { forEveryone: true }, env).call.state; // 'disconnected'
 * ```
 */
export function hangUp(call: CallRecord | undefined, options: { forEveryone: boolean }, env: ModelEnv): Transition {
  const live = requireLive(call);
  const draft = new Draft(live, env);
  if (options.forEveryone) draft.end(RESULTS.terminated, 'terminated for everyone');
  else draft.end(RESULTS.hungUp, 'hung up');
  return draft.done();
}

/**
 * A participant leaves on their own (a caller hangs up): ParticipantsUpdated now, and the call
 * connection ends (CallDisconnected) when nobody is left. Driven by the emulator's test route.
 *
 * @example
 * ```ts
 * participantLeaves(call, '4:+14255550111', env).call.state; // 'disconnected' in a 1:1 call
 * ```
 */
export function participantLeaves(call: CallRecord | undefined, rawId: string, env: ModelEnv): Transition {
  const live = requireLive(call);
  if (!live.participants.some((p) => p.identity.rawId === rawId)) {
    throw new CallModelError(404, 'ParticipantNotFound', `${rawId} is not a participant of this call.`);
  }
  const draft = new Draft(live, env);
  draft.set({ participants: live.participants.filter((p) => p.identity.rawId !== rawId) });
  draft.participantsUpdated();
  if (draft.call.participants.length === 0) draft.end(RESULTS.everyoneLeft, `${rawId} hung up`);
  return draft.done();
}
