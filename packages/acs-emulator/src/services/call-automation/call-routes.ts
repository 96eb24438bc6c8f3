import { badRequest, notFound } from '../../host/errors.js';
import { defineRoute, type RequestContext, reply } from '../../host/service.js';
import { checkCallbackUrl, checkOwnedNumber, guarded } from './guard.js';
import { answerIncomingCall, connectCall, createOutboundCall, hangUp, requireLive } from './lifecycle.js';
import type { CallRecord, IncomingCallRecord } from './model.js';
import { repeatable } from './repeatability.js';
import { answerCallBody, connectBody, createCallBody, redirectCallBody, rejectCallBody } from './request-schemas.js';
import { CALLS, commit, envOf, findCall, findIncoming, INCOMING } from './store.js';
import { callConnectionProperties } from './views.js';

/**
 * Call connection routes: create, answer / reject / redirect an incoming call, get, hang up
 * (DELETE) and terminate (`:terminate`). Auth as the service: HMAC or Entra RBAC.
 */

const AUTH = ['hmac', 'entraAdmin'] as const;

/**
 * `POST /calling/callConnections` → 201 CallConnectionProperties (`connecting`); CallConnected and
 * ParticipantsUpdated reach the callbackUri once the simulated targets answer.
 *
 * @example
 * ```ts
 * await client.createCall({ targetParticipant: { communicationUserId } }, 'https://127.0.0.1:8080/cb');
 * ```
 */
export const createCallRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections',
  auth: AUTH,
  body: createCallBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkCallbackUrl(ctx, body.callbackUri, 'callbackUri');
      const callerId = body.sourceCallerIdNumber?.value;
      if (callerId !== undefined) checkOwnedNumber(ctx, callerId, 'sourceCallerIdNumber.value');
      body.targets.forEach((target, index) => {
        if (target.kind === 'phoneNumber' && callerId === undefined) {
          throw badRequest(
            'SourceCallerIdNumberRequired',
            `targets[${index}] is a phone number: calling a phone number needs sourceCallerIdNumber (one of the resource's numbers, ${ctx.options.phoneNumbers.join(', ')}).`,
            'sourceCallerIdNumber',
          );
        }
      });
      const transition = createOutboundCall(
        {
          targets: body.targets,
          callbackUri: body.callbackUri,
          ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
          ...(body.source !== undefined
            ? {
                source: {
                  rawId: body.source.id,
                  kind: 'communicationUser' as const,
                  model: {
                    kind: 'communicationUser',
                    rawId: body.source.id,
                    communicationUser: { id: body.source.id },
                  },
                },
              }
            : {}),
          ...(callerId !== undefined ? { sourceCallerIdNumber: callerId } : {}),
          ...(body.sourceDisplayName !== undefined ? { sourceDisplayName: body.sourceDisplayName } : {}),
        },
        envOf(ctx),
      );
      return reply(201, callConnectionProperties(commit(ctx, transition)));
    }),
});

function takeIncoming(ctx: RequestContext, context: string): IncomingCallRecord {
  const incoming = findIncoming(ctx, context);
  if (incoming === undefined) {
    throw badRequest(
      'InvalidIncomingCallContext',
      'incomingCallContext names no ringing call: it was already answered, rejected or redirected, or was not raised by this emulator (raise one with POST /emulator/calls/incoming).',
      'incomingCallContext',
    );
  }
  ctx.state.collection<IncomingCallRecord>(INCOMING).delete(context);
  return incoming;
}

/**
 * `POST /calling/callConnections:answer` → 200 CallConnectionProperties for a call raised with
 * `POST /emulator/calls/incoming`.
 *
 * @example
 * ```ts
 * await client.answerCall(incomingCallContext, 'https://127.0.0.1:8080/cb');
 * ```
 */
export const answerCallRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections:answer',
  auth: AUTH,
  body: answerCallBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const body = request.body;
      checkCallbackUrl(ctx, body.callbackUri, 'callbackUri');
      const incoming = takeIncoming(ctx, body.incomingCallContext);
      const transition = answerIncomingCall(
        incoming,
        {
          callbackUri: body.callbackUri,
          ...(body.operationContext !== undefined ? { operationContext: body.operationContext } : {}),
          ...(body.answeredBy !== undefined ? { answeredBy: body.answeredBy.id } : {}),
        },
        envOf(ctx),
      );
      return reply(200, callConnectionProperties(commit(ctx, transition)));
    }),
});

/**
 * `POST /calling/callConnections:reject` → 204: the ringing call is gone.
 *
 * @example
 * ```ts
 * await client.rejectCall(incomingCallContext);
 * ```
 */
export const rejectCallRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections:reject',
  auth: AUTH,
  body: rejectCallBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      takeIncoming(ctx, request.body.incomingCallContext);
      return reply(204);
    }),
});

/**
 * `POST /calling/callConnections:redirect` → 204: the ringing call goes elsewhere (not simulated further).
 *
 * @example
 * ```ts
 * await client.redirectCall(incomingCallContext, { targetParticipant: { communicationUserId } });
 * ```
 */
export const redirectCallRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections:redirect',
  auth: AUTH,
  body: redirectCallBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      takeIncoming(ctx, request.body.incomingCallContext);
      return reply(204);
    }),
});

/**
 * `GET /calling/callConnections/{callConnectionId}` → 200 CallConnectionProperties, 404 (8522) once ended.
 *
 * @example
 * ```ts
 * await client.getCallConnection(id).getCallConnectionProperties();
 * ```
 */
export const getCallRoute = defineRoute({
  method: 'GET',
  path: '/calling/callConnections/{callConnectionId}',
  auth: AUTH,
  handle(request, ctx) {
    return guarded(() =>
      reply(200, callConnectionProperties(requireLive(findCall(ctx, request.params.callConnectionId as string)))),
    );
  },
});

/**
 * `DELETE /calling/callConnections/{callConnectionId}` → 204: this connection leaves (CallDisconnected).
 *
 * @example
 * ```ts
 * await callConnection.hangUp(false);
 * ```
 */
export const hangUpRoute = defineRoute({
  method: 'DELETE',
  path: '/calling/callConnections/{callConnectionId}',
  auth: AUTH,
  handle(request, ctx) {
    return guarded(() => {
      commit(ctx, hangUp(findCall(ctx, request.params.callConnectionId as string), { forEveryone: false }, envOf(ctx)));
      return reply(204);
    });
  },
});

/**
 * `POST /calling/callConnections/{callConnectionId}:terminate` → 204: the call ends for everyone.
 *
 * @example
 * ```ts
 * await callConnection.hangUp(true);
 * ```
 */
export const terminateRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections/{callConnectionId}:terminate',
  auth: AUTH,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      return guarded(() => {
        commit(
          ctx,
          hangUp(findCall(ctx, request.params.callConnectionId as string), { forEveryone: true }, envOf(ctx)),
        );
        return reply(204);
      });
    }),
});

/** A room as the Rooms service stores it (read-only here). */
interface StoredRoom {
  readonly validFrom: number;
  readonly validUntil: number;
}

/**
 * `POST /calling/callConnections:connect` → 200 CallConnectionProperties: the app joins one of the
 * emulator's calls (serverCallLocator: same serverCallId, its participants), a room of the Rooms
 * service (roomCallLocator: it must exist and be valid now) or a group call (groupCallLocator).
 *
 * @example
 * ```ts
 * await client.connectCall({ kind: 'roomCallLocator', id: roomId }, 'https://127.0.0.1:8080/cb');
 * ```
 */
export const connectCallRoute = defineRoute({
  method: 'POST',
  path: '/calling/callConnections:connect',
  auth: AUTH,
  body: connectBody,
  handle: (request, ctx) =>
    repeatable(request, ctx, () => {
      const { callLocator, callbackUri, operationContext } = request.body;
      checkCallbackUrl(ctx, callbackUri, 'callbackUri');
      let joined: CallRecord | undefined;
      if (callLocator.kind === 'serverCallLocator' || (callLocator.kind === undefined && callLocator.serverCallId)) {
        const serverCallId = callLocator.serverCallId;
        if (serverCallId === undefined) {
          throw badRequest('InvalidCallLocator', 'A serverCallLocator needs serverCallId.', 'callLocator.serverCallId');
        }
        joined = ctx.state
          .collection<CallRecord>(CALLS)
          .values()
          .find((call) => call.serverCallId === serverCallId && call.state !== 'disconnected');
        if (joined === undefined) throw notFound('8522', 'Call not found.');
      } else if (callLocator.kind === 'roomCallLocator' || (callLocator.kind === undefined && callLocator.roomId)) {
        const roomId = callLocator.roomId;
        if (roomId === undefined) {
          throw badRequest('InvalidCallLocator', 'A roomCallLocator needs roomId.', 'callLocator.roomId');
        }
        const room = ctx.state.collection<StoredRoom>('rooms.rooms').get(roomId);
        if (room === undefined)
          throw notFound('RoomNotFound', `No room ${roomId} exists (create it with RoomsClient.createRoom).`);
        const now = ctx.now();
        if (now < room.validFrom || now > room.validUntil) {
          throw badRequest(
            'RoomNotValid',
            `Room ${roomId} is valid from ${new Date(room.validFrom).toISOString()} until ${new Date(room.validUntil).toISOString()}, not now.`,
            'callLocator.roomId',
          );
        }
      } else if (callLocator.groupCallId === undefined) {
        throw badRequest(
          'InvalidCallLocator',
          'callLocator must name a serverCallId, a roomId or a groupCallId.',
          'callLocator',
        );
      }
      const transition = connectCall(
        {
          callbackUri,
          ...(operationContext !== undefined ? { operationContext } : {}),
          ...(joined !== undefined ? { joined } : {}),
        },
        envOf(ctx),
      );
      return reply(200, callConnectionProperties(commit(ctx, transition)));
    }),
});
