import { badRequest, notFound } from '../../host/errors.js';
import { page } from '../../host/paging.js';
import { defineRoute, reply } from '../../host/service.js';
import { participantModel } from './draft.js';
import { checkOperationCallbackUri, checkOwnedNumber, guarded } from './guard.js';
import { addParticipant, removeParticipant, requireLive, transferToParticipant } from './lifecycle.js';
import { repeatable } from './repeatability.js';
import { addParticipantBody, removeParticipantBody, transferBody } from './request-schemas.js';
import { commit, envOf, findCall } from './store.js';

/**
 * Participant routes: list (paged), get by raw id, add, remove, and transfer to a participant.
 */

const AUTH = ['hmac', 'entraAdmin'] as const;

/**
 * `GET …/{callConnectionId}/participants` → 200 `{ value: CallParticipant[], nextLink? }`.
 *
 * @example
 * ```ts
 * const { values } = await callConnection.listParticipants();
 * ```
 */
export const listParticipantsRoute = defineRoute({
  method: 'GET',
  path: '/calling/callConnections/{callConnectionId}/participants',
  auth: AUTH,
  handle(request, ctx) {
    const call = guarded(() => requireLive(findCall(ctx, request.params.callConnectionId as string)));
    return reply(200, page(call.participants.map(participantModel), request, ctx, { defaultPageSize: 100 }));
  },
});

/**
 * `GET …/{callConnectionId}/participants/{participantRawId}` → 200 CallParticipant, 404 when not in the call.
 *
 * @example
 * ```ts
 * await callConnection.getParticipant({ communicationUserId });
 * ```
 */
export const getParticipantRoute = defineRoute({
  method: 'GET',
  path: '/calling/callConnections/{callConnectionId}/participants/{participantRawId}',
  auth: AUTH,
  handle(request, ctx) {
    const call = guarded(() => requireLive(findCall(ctx, request.params.callConnectionId as string)));
    const rawId = request.params.participantRawId as string;
    const participant = call.participants.find((p) => p.identity.rawId === rawId);
    if (participant === undefined) throw notFound('ParticipantNotFound', `${rawId} is not a participant of this call.`);
    return reply(200, participantModel(participant));
  },
});

/**
 * `POST …/participants:add` → 202 `{ participant, operationContext, invitationId }`; the outcome
 * (AddParticipantSucceeded, or Failed for a participant the emulator was told is unreachable) follows.
 *
 * @example
 * ```ts
 * await callConnection.addParticipant({ targetParticipant: { communicationUserId } });
 * ```
 */
export const addParticipantRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}/participants:add',
  auth: AUTH,
  body: addParticipantBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkOperationCallbackUri(ctx, body.operationCallbackUri);
      return guarded(() => {
        const call = findCall(ctx, request.params.callConnectionId as string);
        if (body.participantToAdd.kind === 'phoneNumber') {
          const callerId = body.sourceCallerIdNumber?.value ?? call?.sourceCallerIdNumber;
          if (callerId === undefined) {
            throw badRequest(
              'SourceCallerIdNumberRequired',
              'Adding a phone number needs sourceCallerIdNumber (one of the resource numbers) when the call has none.',
              'sourceCallerIdNumber',
            );
          }
          checkOwnedNumber(ctx, callerId, 'sourceCallerIdNumber.value');
        }
        const { transition, invitationId } = addParticipant(
          call,
          {
            identity: body.participantToAdd,
            ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
            ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
          },
          envOf(ctx),
        );
        commit(ctx, transition);
        return reply(202, {
          participant: { identifier: body.participantToAdd.model, isMuted: false, isOnHold: false },
          ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
          invitationId,
        });
      });
    }),
});

/**
 * `POST …/participants:remove` → 202 `{ operationContext }`; RemoveParticipantSucceeded follows.
 *
 * @example
 * ```ts
 * await callConnection.removeParticipant({ communicationUserId });
 * ```
 */
export const removeParticipantRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}/participants:remove',
  auth: AUTH,
  body: removeParticipantBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkOperationCallbackUri(ctx, body.operationCallbackUri);
      return guarded(() => {
        commit(
          ctx,
          removeParticipant(
            findCall(ctx, request.params.callConnectionId as string),
            {
              rawId: body.participantToRemove.rawId,
              ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
              ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
            },
            envOf(ctx),
          ),
        );
        return reply(202, body.operationContext !== undefined ? { operationContext: body.operationContext } : {});
      });
    }),
});

/**
 * `POST …:transferToParticipant` → 202 `{ operationContext }`; CallTransferAccepted and this
 * connection's CallDisconnected follow (CallTransferFailed for an unreachable target).
 *
 * @example
 * ```ts
 * await callConnection.transferCallToParticipant({ phoneNumber: '+14255550123' });
 * ```
 */
export const transferRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:transferToParticipant',
  auth: AUTH,
  body: transferBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkOperationCallbackUri(ctx, body.operationCallbackUri);
      if (body.sourceCallerIdNumber !== undefined) {
        checkOwnedNumber(ctx, body.sourceCallerIdNumber.value, 'sourceCallerIdNumber.value');
      }
      return guarded(() => {
        commit(
          ctx,
          transferToParticipant(
            findCall(ctx, request.params.callConnectionId as string),
            {
              target: body.targetParticipant,
              ...(body.transferee !== undefined ? { transfereeRawId: body.transferee.rawId } : {}),
              ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
              ...(body.operationCallbackUri !== undefined ? { operationCallbackUri: body.operationCallbackUri } : {}),
            },
            envOf(ctx),
          ),
        );
        return reply(202, body.operationContext !== undefined ? { operationContext: body.operationContext } : {});
      });
    }),
});
