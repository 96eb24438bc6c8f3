import { context, Draft, type ModelEnv, type Transition } from './draft.js';
import { CallModelError } from './errors.js';
import { RESULTS } from './events.js';
import { requireConnected } from './lifecycle.js';
import type { CallRecord, MediaOperation, PlaySourceRecord, RecognizeInput, RecognizeSpec } from './model.js';
import { checkInput, recognizeOutcome } from './recognize-outcome.js';

/**
 * Media operations without media: a play "plays" for `playDurationInMs` per source (a looping
 * play until it is cancelled), a recognize "plays" its prompts then listens until input is
 * supplied through the test route or its initial silence timeout passes. Operations run one at a
 * time, in order; `interruptCallMediaOperation` cancels the running one and runs first.
 */

/** The fields of play the model uses. */
export interface PlayInput {
  readonly sources: readonly PlaySourceRecord[];
  readonly loop: boolean;
  readonly playTo: readonly string[];
  readonly interrupt: boolean;
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/** The fields of recognize the model uses. */
export interface RecognizeRequestInput {
  readonly spec: RecognizeSpec;
  readonly prompts: readonly PlaySourceRecord[];
  readonly interrupt: boolean;
  readonly operationContext?: string;
  readonly operationCallbackUri?: string;
}

/**
 * Queues (or, interrupting, starts) a play: PlayStarted when it runs, PlayCompleted when it ends.
 *
 * @example
 * ```ts
 * play(call, { sources: [{ kind: 'text', content: 'Hello' }], loop: false, playTo: [], interrupt: false }, env);
 * ```
 */
export function play(call: CallRecord | undefined, input: PlayInput, env: ModelEnv): Transition {
  const live = requireConnected(call);
  for (const rawId of input.playTo) {
    if (!live.participants.some((p) => p.identity.rawId === rawId)) {
      throw new CallModelError(
        400,
        'PlayTargetNotInCall',
        `playTo names ${rawId}, who is not a participant of this call.`,
      );
    }
  }
  return enqueue(live, env, input.interrupt, {
    id: env.uuid(),
    kind: 'play',
    ...context(input.operationContext),
    callbackUrl: input.operationCallbackUri ?? live.callbackUri,
    sources: input.sources,
    loop: input.loop,
    playTo: input.playTo,
  });
}

/**
 * Queues (or, interrupting, starts) a recognize: RecognizeCompleted with the supplied input, or
 * RecognizeFailed when its initial silence timeout passes first.
 *
 * @example
 * ```ts
 * recognize(call, { spec, prompts: [], interrupt: false }, env);
 * ```
 */
export function recognize(call: CallRecord | undefined, input: RecognizeRequestInput, env: ModelEnv): Transition {
  const live = requireConnected(call);
  if (!live.participants.some((p) => p.identity.rawId === input.spec.targetRawId)) {
    throw new CallModelError(
      400,
      'RecognizeTargetNotInCall',
      `recognizeOptions.targetParticipant ${input.spec.targetRawId} is not a participant of this call.`,
    );
  }
  return enqueue(live, env, input.interrupt, {
    id: env.uuid(),
    kind: 'recognize',
    ...context(input.operationContext),
    callbackUrl: input.operationCallbackUri ?? live.callbackUri,
    sources: input.prompts,
    loop: false,
    playTo: [],
    recognize: input.spec,
  });
}

/**
 * Cancels the running and the queued media operations (PlayCanceled / RecognizeCanceled each).
 *
 * @example
 * ```ts
 * cancelAllMediaOperations(call, env).call.media; // []
 * ```
 */
export function cancelAllMediaOperations(call: CallRecord | undefined, env: ModelEnv): Transition {
  const live = requireConnected(call);
  const draft = new Draft(live, env);
  for (const operation of live.media) cancel(draft, operation);
  return draft.done();
}

/**
 * Supplies input to the first recognize of the call (running, or queued behind a play: then it
 * completes as soon as it runs). Throws 409 when no recognize is running or queued.
 *
 * @example
 * ```ts
 * supplyRecognizeInput(call, { kind: 'tones', tones: ['one', 'pound'] }, env);
 * ```
 */
export function supplyRecognizeInput(call: CallRecord | undefined, input: RecognizeInput, env: ModelEnv): Transition {
  const live = requireConnected(call);
  const index = live.media.findIndex(
    (operation) => operation.kind === 'recognize' && operation.pendingInput === undefined,
  );
  const operation = live.media[index];
  if (operation?.recognize === undefined) {
    throw new CallModelError(
      409,
      'NoRecognizeRunning',
      `Call connection ${live.callConnectionId} has no recognize waiting for input; start one with startRecognizing first.`,
    );
  }
  checkInput(operation.recognize, input);
  const draft = new Draft(live, env);
  if (index === 0 && operation.phase !== undefined) {
    finishRecognize(draft, operation, input);
    startNext(draft);
  } else {
    draft.set({ media: live.media.map((m) => (m.id === operation.id ? { ...m, pendingInput: input } : m)) });
  }
  return draft.done();
}

/**
 * Applies a due 'media' step of the running operation.
 *
 * @example
 * ```ts
 * mediaStep(draft, operationId); // PlayCompleted, or the prompt ends, or RecognizeFailed (silence)
 * ```
 */
export function mediaStep(draft: Draft, operationId: string): void {
  const operation = draft.call.media[0];
  if (operation === undefined || operation.id !== operationId) return;
  if (operation.kind === 'play') {
    draft.emit(
      'PlayCompleted',
      { ...context(operation.operationContext), resultInformation: RESULTS.success },
      operation.callbackUrl,
    );
    draft.set({ media: draft.call.media.slice(1) });
    startNext(draft);
    return;
  }
  const spec = operation.recognize as RecognizeSpec;
  if (operation.phase === 'prompt') {
    replaceRunning(draft, { ...operation, phase: 'listening' });
    draft.schedule({ type: 'media', operationId }, spec.initialSilenceTimeoutInMs);
    return;
  }
  finishRecognize(draft, operation, { kind: 'silence' });
  startNext(draft);
}

function enqueue(live: CallRecord, env: ModelEnv, interrupt: boolean, operation: MediaOperation): Transition {
  const draft = new Draft(live, env);
  if (interrupt && live.media[0]?.phase !== undefined) {
    const running = live.media[0];
    cancel(draft, running);
    draft.set({ media: [operation, ...live.media.slice(1)] });
  } else {
    draft.set({ media: interrupt ? [operation, ...live.media] : [...live.media, operation] });
  }
  startNext(draft);
  return draft.done();
}

/** Starts the first operation if it is not running yet. */
function startNext(draft: Draft): void {
  const operation = draft.call.media[0];
  if (operation === undefined || operation.phase !== undefined) return;
  const { playDurationInMs } = draft.env.settings;
  if (operation.kind === 'play') {
    replaceRunning(draft, { ...operation, phase: 'playing' });
    draft.emit(
      'PlayStarted',
      { ...context(operation.operationContext), resultInformation: RESULTS.success },
      operation.callbackUrl,
    );
    if (!operation.loop)
      draft.schedule({ type: 'media', operationId: operation.id }, playDurationInMs * operation.sources.length);
    return;
  }
  if (operation.pendingInput !== undefined) {
    replaceRunning(draft, { ...operation, phase: 'listening' });
    finishRecognize(draft, draft.call.media[0] as MediaOperation, operation.pendingInput);
    startNext(draft);
    return;
  }
  const spec = operation.recognize as RecognizeSpec;
  if (operation.sources.length > 0) {
    replaceRunning(draft, { ...operation, phase: 'prompt' });
    draft.schedule({ type: 'media', operationId: operation.id }, playDurationInMs * operation.sources.length);
  } else {
    replaceRunning(draft, { ...operation, phase: 'listening' });
    draft.schedule({ type: 'media', operationId: operation.id }, spec.initialSilenceTimeoutInMs);
  }
}

function replaceRunning(draft: Draft, operation: MediaOperation): void {
  draft.set({ media: [operation, ...draft.call.media.slice(1)] });
}

/** Ends the running recognize with `input` (RecognizeCompleted or RecognizeFailed). */
function finishRecognize(draft: Draft, operation: MediaOperation, input: RecognizeInput): void {
  const outcome = recognizeOutcome(operation.recognize as RecognizeSpec, input);
  if (outcome.completed) {
    draft.emit(
      'RecognizeCompleted',
      { ...context(operation.operationContext), ...outcome.data },
      operation.callbackUrl,
    );
  } else {
    draft.emit(
      'RecognizeFailed',
      { ...context(operation.operationContext), resultInformation: outcome.resultInformation },
      operation.callbackUrl,
    );
  }
  removeOperation(draft, operation.id);
}

function cancel(draft: Draft, operation: MediaOperation): void {
  draft.emit(
    operation.kind === 'play' ? 'PlayCanceled' : 'RecognizeCanceled',
    { ...context(operation.operationContext), resultInformation: RESULTS.canceled },
    operation.callbackUrl,
  );
  removeOperation(draft, operation.id);
}

function removeOperation(draft: Draft, operationId: string): void {
  draft.set({
    media: draft.call.media.filter((m) => m.id !== operationId),
    steps: draft.call.steps.filter((s) => !(s.type === 'media' && s.operationId === operationId)),
  });
}
