import { type CallbackEvent, callbackEvent, type Outgoing, RESULTS, type ResultInformation } from './events.js';
import type { CallRecord, ParticipantRecord, SimulationSettings, StepAction } from './model.js';

/**
 * The working copy of one transition of the call model: the call as it becomes, and the events it
 * sends, in order. Transitions are pure functions (call, input, env) → { call, outgoing }; a
 * Draft only keeps their bodies short.
 */

/** What a transition may read: the clock, fresh ids and the simulation settings. */
export interface ModelEnv {
  readonly now: number;
  readonly uuid: () => string;
  readonly settings: SimulationSettings;
}

/** The result of a transition. */
export interface Transition {
  readonly call: CallRecord;
  readonly outgoing: readonly Outgoing[];
}

/**
 * A transition being built.
 *
 * @example
 * ```ts
 * const draft = new Draft(call, env);
 * draft.emit('CallConnected', { resultInformation: RESULTS.success });
 * return draft.done(); // { call, outgoing: [CallConnected] }
 * ```
 */
export class Draft {
  call: CallRecord;
  readonly env: ModelEnv;
  private readonly outgoing: Outgoing[] = [];

  constructor(call: CallRecord, env: ModelEnv) {
    this.call = call;
    this.env = env;
  }

  /** Replaces fields of the call. */
  set(patch: Partial<CallRecord>): void {
    this.call = { ...this.call, ...patch };
  }

  /** Queues an event of this call, to `url` (default: the call's callbackUri). */
  emit(name: string, data: Readonly<Record<string, unknown>>, url: string = this.call.callbackUri): CallbackEvent {
    const event = callbackEvent(this.call, name, data, { id: this.env.uuid(), now: this.env.now });
    this.outgoing.push({ url, callConnectionId: this.call.callConnectionId, event });
    return event;
  }

  /** Schedules `action` `delayInMs` from now. */
  schedule(action: StepAction, delayInMs: number): void {
    const seq = this.call.stepSequence + 1;
    this.set({
      stepSequence: seq,
      steps: [...this.call.steps, { ...action, dueAt: this.env.now + Math.max(0, delayInMs), seq }],
    });
  }

  /** Sends ParticipantsUpdated with the current participants and the next sequence number. */
  participantsUpdated(): void {
    const sequenceNumber = this.call.participantsSequence + 1;
    this.set({ participantsSequence: sequenceNumber });
    this.emit('ParticipantsUpdated', {
      sequenceNumber,
      participants: this.call.participants.map(participantModel),
      resultInformation: RESULTS.success,
    });
  }

  /** Ends the call connection: CallDisconnected, nothing pending any more. */
  end(reason: ResultInformation, endReason: string): void {
    this.set({
      state: 'disconnected',
      endedAt: this.env.now,
      endReason,
      steps: [],
      media: [],
      invitations: [],
    });
    const { transfer: _transfer, ...rest } = this.call;
    this.call = rest;
    this.emit('CallDisconnected', {
      ...(this.call.operationContext !== undefined ? { operationContext: this.call.operationContext } : {}),
      resultInformation: reason,
    });
  }

  /** The finished transition. */
  done(): Transition {
    return { call: this.call, outgoing: this.outgoing };
  }
}

/**
 * A participant as the wire shows it (`CallParticipant`).
 *
 * @example
 * ```ts
 * participantModel(record); // { identifier: { kind, rawId, communicationUser }, isMuted: false, isOnHold: false }
 * ```
 */
export function participantModel(participant: ParticipantRecord): Record<string, unknown> {
  return { identifier: participant.identity.model, isMuted: participant.isMuted, isOnHold: participant.isOnHold };
}

/**
 * `{ operationContext }` when there is one (spread helper).
 *
 * @example
 * ```ts
 * { ...context(input.operationContext) } // {} or { operationContext }
 * ```
 */
export const context = (operationContext: string | undefined): Record<string, string> =>
  operationContext === undefined ? {} : { operationContext };
