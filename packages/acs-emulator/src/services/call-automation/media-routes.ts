import { defineRoute, reply } from '../../host/service.js';
import { checkOperationCallbackUri, guarded } from './guard.js';
import { cancelAllMediaOperations, play, recognize } from './media.js';
import type { PlaySourceRecord, RecognizeSpec } from './model.js';
import { type PlaySourceBody, playBody, recognizeBody } from './request-schemas.js';
import { commit, envOf, findCall } from './store.js';

/**
 * Media routes: play, recognize and cancelAllMediaOperations. No audio is fetched, synthesised or
 * heard: the operations are timers and supplied input (see media.ts).
 */

const AUTH = ['hmac', 'entraAdmin'] as const;

/** The client's default initial silence timeout when the request names none. */
const DEFAULT_INITIAL_SILENCE_TIMEOUT_IN_SECONDS = 5;

function playSourceRecord(source: PlaySourceBody): PlaySourceRecord {
  const content =
    source.kind === 'file' ? source.file?.uri : source.kind === 'text' ? source.text?.text : source.ssml?.ssmlText;
  return { kind: source.kind, content: content ?? '' };
}

/**
 * `POST …:play` → 202; PlayStarted, then PlayCompleted (PlayCanceled when cancelled or interrupted).
 *
 * @example
 * ```ts
 * await callConnection.getCallMedia().playToAll([{ kind: 'textSource', text: 'Hello' }]);
 * ```
 */
export const playRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:play',
  auth: AUTH,
  body: playBody,
  handle(request, ctx) {
    const body = request.body;
    checkOperationCallbackUri(ctx, body.operationCallbackUri);
    return guarded(() => {
      commit(
        ctx,
        play(
          findCall(ctx, request.params.callConnectionId as string),
          {
            sources: body.playSources.map(playSourceRecord),
            loop: body.playOptions?.loop === true,
            playTo: (body.playTo ?? []).map((target) => target.rawId),
            interrupt: body.interruptCallMediaOperation === true,
            ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
            ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
          },
          envOf(ctx),
        ),
      );
      return reply(202);
    });
  },
});

/**
 * `POST …:recognize` → 202; RecognizeCompleted with the input supplied through
 * `POST /emulator/calls/{callConnectionId}/recognize`, or RecognizeFailed after the initial
 * silence timeout.
 *
 * @example
 * ```ts
 * await callMedia.startRecognizing(target, { kind: 'callMediaRecognizeDtmfOptions', maxTonesToCollect: 4 });
 * ```
 */
export const recognizeRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:recognize',
  auth: AUTH,
  body: recognizeBody,
  handle(request, ctx) {
    const body = request.body;
    checkOperationCallbackUri(ctx, body.operationCallbackUri);
    const options = body.recognizeOptions;
    const spec: RecognizeSpec = {
      inputType: body.recognizeInputType,
      targetRawId: options.targetParticipant.rawId,
      initialSilenceTimeoutInMs:
        (options.initialSilenceTimeoutInSeconds ?? DEFAULT_INITIAL_SILENCE_TIMEOUT_IN_SECONDS) * 1000,
      ...(options.dtmfOptions?.maxTonesToCollect !== undefined
        ? { maxTonesToCollect: options.dtmfOptions.maxTonesToCollect }
        : {}),
      stopTones: options.dtmfOptions?.stopTones ?? [],
      choices: (options.choices ?? []).map((choice) => ({
        label: choice.label,
        phrases: choice.phrases,
        ...(choice.tone !== undefined ? { tone: choice.tone } : {}),
      })),
    };
    const prompts = [...(body.playPrompt ? [body.playPrompt] : []), ...(body.playPrompts ?? [])].map(playSourceRecord);
    return guarded(() => {
      commit(
        ctx,
        recognize(
          findCall(ctx, request.params.callConnectionId as string),
          {
            spec,
            prompts,
            interrupt: body.interruptCallMediaOperation === true,
            ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
            ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
          },
          envOf(ctx),
        ),
      );
      return reply(202);
    });
  },
});

/**
 * `POST …:cancelAllMediaOperations` → 202; PlayCanceled / RecognizeCanceled for each operation.
 *
 * @example
 * ```ts
 * await callConnection.getCallMedia().cancelAllOperations();
 * ```
 */
export const cancelAllMediaRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:cancelAllMediaOperations',
  auth: AUTH,
  handle(request, ctx) {
    return guarded(() => {
      commit(ctx, cancelAllMediaOperations(findCall(ctx, request.params.callConnectionId as string), envOf(ctx)));
      return reply(202);
    });
  },
});
