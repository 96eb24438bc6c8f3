import type { CallIdentity } from './identifiers.js';

/**
 * The stored shapes of the simulated call model (plain JSON, kept in the host's collections).
 * Nothing here carries media: a "play" is a timer, a "recognize" waits for input supplied through
 * the emulator's test route or for its silence timeout.
 */

/** `callConnectionState` values of the 2026-03-12 contract that the emulator reaches. */
export type CallConnectionState = 'connecting' | 'connected' | 'transferring' | 'transferAccepted' | 'disconnected';

/** A participant of the call (the app's own connection is not listed, as in the service). */
export interface ParticipantRecord {
  readonly identity: CallIdentity;
  readonly isMuted: boolean;
  readonly isOnHold: boolean;
}

/** A play source as stored (no media is fetched or synthesised). */
export interface PlaySourceRecord {
  readonly kind: 'file' | 'text' | 'ssml';
  /** The file URI, the text or the SSML, for inspection. */
  readonly content: string;
}

/** What a recognize waits for. */
export interface RecognizeSpec {
  readonly inputType: 'dtmf' | 'speech' | 'speechOrDtmf' | 'choices';
  readonly targetRawId: string;
  readonly initialSilenceTimeoutInMs: number;
  readonly maxTonesToCollect?: number;
  readonly stopTones: readonly string[];
  readonly choices: readonly { label: string; phrases: readonly string[]; tone?: string }[];
}

/** Input for a recognize, supplied through `POST /emulator/calls/{id}/recognize`. */
export type RecognizeInput =
  | { readonly kind: 'tones'; readonly tones: readonly string[] }
  | { readonly kind: 'speech'; readonly speech: string; readonly confidence: number }
  | { readonly kind: 'choice'; readonly label: string }
  | { readonly kind: 'silence' };

/** A media operation: queued, or running (the first of `media`). */
export interface MediaOperation {
  readonly id: string;
  readonly kind: 'play' | 'recognize';
  readonly operationContext?: string;
  /** Where this operation's events go (operationCallbackUri, else the call's callbackUri). */
  readonly callbackUrl: string;
  readonly sources: readonly PlaySourceRecord[];
  readonly loop: boolean;
  readonly playTo: readonly string[];
  readonly recognize?: RecognizeSpec;
  /** `prompt` while a recognize's prompt "plays", then `listening`. Undefined while queued. */
  readonly phase?: 'playing' | 'prompt' | 'listening';
  /** Input supplied before the operation ran (applied as soon as it runs). */
  readonly pendingInput?: RecognizeInput;
}

/** A timed step of the simulation: due at `dueAt` (epoch ms). */
export type Step = { readonly dueAt: number; readonly seq: number } & StepAction;

/** What a step does when it is due. */
export type StepAction =
  | { readonly type: 'connect' }
  | { readonly type: 'invitation'; readonly invitationId: string }
  | {
      readonly type: 'removal';
      readonly rawId: string;
      readonly operationContext?: string;
      readonly callbackUrl: string;
    }
  | { readonly type: 'transfer' }
  | { readonly type: 'media'; readonly operationId: string }
  | { readonly type: 'dtmfSent'; readonly operationContext?: string; readonly callbackUrl: string };

/** An add-participant invitation that is ringing. */
export interface InvitationRecord {
  readonly invitationId: string;
  readonly identity: CallIdentity;
  readonly operationContext?: string;
  readonly callbackUrl: string;
}

/** A transfer in progress. */
export interface TransferRecord {
  readonly target: CallIdentity;
  readonly transfereeRawId: string;
  readonly operationContext?: string;
  readonly callbackUrl: string;
}

/** One call connection (key: callConnectionId in 'call-automation.calls'). */
export interface CallRecord {
  readonly callConnectionId: string;
  readonly serverCallId: string;
  readonly correlationId: string;
  /** `connect`: the app joined an existing call, room or group call (connectCall). */
  readonly direction: 'outbound' | 'inbound' | 'connect';
  readonly state: CallConnectionState;
  readonly callbackUri: string;
  readonly operationContext?: string;
  readonly source?: CallIdentity;
  readonly sourceCallerIdNumber?: string;
  readonly sourceDisplayName?: string;
  readonly answeredBy?: string;
  readonly answeredFor?: string;
  readonly targets: readonly CallIdentity[];
  readonly participants: readonly ParticipantRecord[];
  readonly invitations: readonly InvitationRecord[];
  readonly transfer?: TransferRecord;
  readonly media: readonly MediaOperation[];
  readonly steps: readonly Step[];
  /** Sequence numbers: of ParticipantsUpdated events, and of steps. */
  readonly participantsSequence: number;
  readonly stepSequence: number;
  readonly createdAt: number;
  readonly endedAt?: number;
  /** Why the call ended (for the dashboard). */
  readonly endReason?: string;
}

/** An incoming call raised by the emulator and not yet answered (key: incomingCallContext). */
export interface IncomingCallRecord {
  readonly incomingCallContext: string;
  readonly serverCallId: string;
  readonly correlationId: string;
  readonly from: CallIdentity;
  readonly to: CallIdentity;
  readonly callerDisplayName?: string;
  readonly raisedAt: number;
}

/** Timings of the simulation, changeable through `PUT /emulator/calls/settings`. */
export interface SimulationSettings {
  /** From createCall/answerCall to CallConnected. */
  readonly connectDelayInMs: number;
  /** From addParticipant / transfer / removeParticipant to its outcome. */
  readonly ringDelayInMs: number;
  /** How long one play source "plays" (prompts included). */
  readonly playDurationInMs: number;
  /** Raw ids that never answer: createCall / addParticipant / transfer to them fail. */
  readonly unreachable: readonly string[];
}

/**
 * The defaults: short enough for tests, long enough that replies come before their events.
 *
 * @example
 * ```ts
 * const settings = { ...DEFAULT_SETTINGS, connectDelayInMs: 0 };
 * ```
 */
export const DEFAULT_SETTINGS: SimulationSettings = {
  connectDelayInMs: 50,
  ringDelayInMs: 50,
  playDurationInMs: 100,
  unreachable: [],
};
