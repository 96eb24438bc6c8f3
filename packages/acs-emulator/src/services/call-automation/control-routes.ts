import { defineRoute, reply } from '../../host/service.js';
import { checkOperationCallbackUri, guarded } from './guard.js';
import { muteParticipants, sendDtmfTones, setOnHold } from './participant-controls.js';
import { repeatable } from './repeatability.js';
import { holdBody, muteBody, sendDtmfBody } from './request-schemas.js';
import { commit, envOf, findCall } from './store.js';

/**
 * Participant controls: mute, hold, unhold, send DTMF tones.
 */

const AUTH = ['hmac', 'entraAdmin'] as const;

const operation = (operationContext: string | undefined) =>
  operationContext === undefined ? {} : { operationContext };

/**
 * `POST …/participants:mute` → 200 `{ operationContext }`; ParticipantsUpdated shows `isMuted`.
 *
 * @example
 * ```ts
 * await callConnection.muteParticipant({ phoneNumber: '+14255550123' });
 * ```
 */
export const muteRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}/participants:mute',
  auth: AUTH,
  body: muteBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () =>
      guarded(() => {
        const call = findCall(ctx, request.params.callConnectionId as string);
        const rawIds = request.body.targetParticipants.map((target) => target.rawId);
        commit(ctx, muteParticipants(call, rawIds, envOf(ctx)));
        return reply(200, operation(request.body.operationContext));
      }),
    ),
});

function holdRoute(action: 'hold' | 'unhold') {
  return defineRoute({
    method: 'POST',
    path: `/calling/callConnections/{callConnectionId}:${action}`,
    auth: AUTH,
    body: holdBody,
    handle(request, ctx) {
      const body = request.body;
      checkOperationCallbackUri(ctx, body.operationCallbackUri);
      return guarded(() => {
        const call = findCall(ctx, request.params.callConnectionId as string);
        commit(ctx, setOnHold(call, body.targetParticipant.rawId, action === 'hold', envOf(ctx)));
        return reply(200);
      });
    },
  });
}

/**
 * `POST …:hold` → 200; ParticipantsUpdated shows `isOnHold: true` (no hold music is played).
 *
 * @example
 * ```ts
 * await callConnection.getCallMedia().hold({ phoneNumber: '+14255550123' });
 * ```
 */
export const holdParticipantRoute = holdRoute('hold');

/**
 * `POST …:unhold` → 200; ParticipantsUpdated shows `isOnHold: false`.
 *
 * @example
 * ```ts
 * await callConnection.getCallMedia().unhold({ phoneNumber: '+14255550123' });
 * ```
 */
export const unholdParticipantRoute = holdRoute('unhold');

/**
 * `POST …:sendDtmfTones` → 202 `{ operationContext }`; SendDtmfTonesCompleted follows.
 *
 * @example
 * ```ts
 * await callConnection.getCallMedia().sendDtmfTones(['one', 'pound'], { phoneNumber: '+14255550123' });
 * ```
 */
export const sendDtmfTonesRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:sendDtmfTones',
  auth: AUTH,
  body: sendDtmfBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkOperationCallbackUri(ctx, body.operationCallbackUri);
      return guarded(() => {
        const call = findCall(ctx, request.params.callConnectionId as string);
        commit(
          ctx,
          sendDtmfTones(
            call,
            {
              targetRawId: body.targetParticipant.rawId,
              tones: body.tones,
              ...operation(body.operationContext),
              ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
            },
            envOf(ctx),
          ),
        );
        return reply(202, operation(body.operationContext));
      });
    }),
});
