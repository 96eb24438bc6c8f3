import { badRequest } from '../../host/errors.js';
import { defineRoute, type RequestContext, reply } from '../../host/service.js';
import { checkCallbackUrl, checkOwnedNumber, guarded } from './guard.js';
import { answerIncomingCall, createOutboundCall, hangUp, requireLive } from './lifecycle.js';
import type { IncomingCallRecord } from './model.js';
import { repeatable } from './repeatability.js';
import { answerCallBody, createCallBody, redirectCallBody, rejectCallBody } from './request-schemas.js';
import { commit, envOf, findCall, findIncoming, INCOMING } from './store.js';
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
