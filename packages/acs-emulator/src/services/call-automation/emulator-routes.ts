import { randomBytes, randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../../host/errors.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { guarded } from './guard.js';
import { participantLeaves, serverCallIdFor } from './lifecycle.js';
import { supplyRecognizeInput } from './media.js';
import {
  type CallRecord,
  DEFAULT_SETTINGS,
  type IncomingCallRecord,
  type RecognizeInput,
  type SimulationSettings,
} from './model.js';
import { rawIdOrIdentifier, TONES } from './request-schemas.js';
import { CALLS, commit, EVENTS, envOf, findCall, INCOMING, SETTINGS, type SentCallback, settingsOf } from './store.js';
import { callConnectionProperties } from './views.js';

/**
 * The emulator's test routes for Call Automation (loopback callers only, no api-version): raise an
 * incoming call, supply recognize input (or silence), tune the simulation, inspect calls and the
 * callbacks they sent.
 */

const LOOPBACK = ['loopback'] as const;

/**
 * `POST /emulator/calls/incoming` `{ from, to, callerDisplayName?, customContext? }` (raw ids or
 * identifier models) → 201 `{ incomingCallContext, serverCallId, correlationId }`, and a
 * `Microsoft.Communication.IncomingCall` event on the resource's event bus (delivered to the Event
 * Grid subscriptions). The app answers with the incomingCallContext.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/calls/incoming`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ from: '4:+14255550123', to: '4:+18005550100' }) });
 * ```
 */
export const raiseIncomingCallRoute = defineRoute({
  method: 'POST',
  path: '/emulator/calls/incoming',
  auth: LOOPBACK,
  apiVersions: null,
  body: s.object({
    from: rawIdOrIdentifier(),
    to: rawIdOrIdentifier(),
    callerDisplayName: s.optional(s.string()),
    customContext: s.optional(
      s.object({ sipHeaders: s.optional(s.record(s.string())), voipHeaders: s.optional(s.record(s.string())) }),
    ),
  }),
  handle(request, ctx) {
    const { from, to, callerDisplayName, customContext } = request.body;
    if (to.kind === 'phoneNumber' && !ctx.options.phoneNumbers.includes(to.rawId.slice(2))) {
      throw badRequest(
        'UnknownRecipient',
        `to ${to.rawId.slice(2)} is not a number of this resource (it owns ${ctx.options.phoneNumbers.join(', ')}; add numbers with --phone-number).`,
        'to',
      );
    }
    const incoming: IncomingCallRecord = {
      incomingCallContext: randomBytes(32).toString('base64url'),
      serverCallId: serverCallIdFor(randomUUID()),
      correlationId: randomUUID(),
      from,
      to,
      ...(callerDisplayName !== undefined ? { callerDisplayName } : {}),
      raisedAt: ctx.now(),
    };
    ctx.state.collection<IncomingCallRecord>(INCOMING).put(incoming.incomingCallContext, incoming);
    const data = {
      to: to.model,
      from: from.model,
      serverCallId: incoming.serverCallId,
      ...(callerDisplayName !== undefined ? { callerDisplayName } : {}),
      customContext: { sipHeaders: customContext?.sipHeaders ?? {}, voipHeaders: customContext?.voipHeaders ?? {} },
      incomingCallContext: incoming.incomingCallContext,
      correlationId: incoming.correlationId,
    };
    ctx.emit({
      type: 'Microsoft.Communication.IncomingCall',
      subject: `/caller/${from.rawId}/recipient/${to.rawId}`,
      data,
      dataVersion: '1.0',
    });
    return reply(201, {
      incomingCallContext: incoming.incomingCallContext,
      serverCallId: incoming.serverCallId,
      correlationId: incoming.correlationId,
    });
  },
});

const DIGIT_TONES: Readonly<Record<string, string>> = {
  '0': 'zero',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4': 'four',
  '5': 'five',
  '6': 'six',
  '7': 'seven',
  '8': 'eight',
  '9': 'nine',
  A: 'a',
  B: 'b',
  C: 'c',
  D: 'd',
  '#': 'pound',
  '*': 'asterisk',
};

const tonesSchema: s.Schema<string[]> = {
  parse(value, path) {
    if (typeof value === 'string') {
      return [...value.toUpperCase()].map((digit, index) => {
        const tone = DIGIT_TONES[digit];
        if (tone === undefined)
          throw new s.SchemaProblem(`${path}[${index}]`, `'${digit}' is not a DTMF digit (0-9, A-D, *, #)`);
        return tone;
      });
    }
    return s.array(s.enumOf(TONES), { min: 1 }).parse(value, path);
  },
};

const trueSchema: s.Schema<true> = {
  parse(value, path) {
    if (value !== true) throw new s.SchemaProblem(path, 'must be true');
    return true;
  },
};

/**
 * `POST /emulator/calls/{callConnectionId}/recognize` with one of `{ tones: "12#" | ["one", …] }`,
 * `{ speech: "text", confidence? }`, `{ choice: "<label>" }` or `{ silence: true }` → 200
 * `{ recognize: 'completed' | 'waiting' }`: input for the call's first recognize (running, or
 * queued behind a play: then it completes when it runs). 409 when no recognize is waiting.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/calls/${id}/recognize`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ tones: '1234#' }) });
 * ```
 */
export const supplyRecognizeInputRoute = defineRoute({
  method: 'POST',
  path: '/emulator/calls/{callConnectionId}/recognize',
  auth: LOOPBACK,
  apiVersions: null,
  body: s.object(
    {
      tones: s.optional(tonesSchema),
      speech: s.optional(s.string({ min: 1 })),
      confidence: s.optional(s.number({ min: 0, max: 1 })),
      choice: s.optional(s.string({ min: 1 })),
      silence: s.optional(trueSchema),
    },
    { unknownKeys: 'reject' },
  ),
  handle(request, ctx) {
    const body = request.body;
    const given = [body.tones, body.speech, body.choice, body.silence].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw badRequest(
        'InvalidRecognizeInput',
        'Send exactly one of tones ("12#" or ["one","two"]), speech ("text"), choice ("<label>") or silence (true).',
      );
    }
    const input: RecognizeInput =
      body.tones !== undefined
        ? { kind: 'tones', tones: body.tones }
        : body.speech !== undefined
          ? { kind: 'speech', speech: body.speech, confidence: body.confidence ?? 1 }
          : body.choice !== undefined
            ? { kind: 'choice', label: body.choice }
            : { kind: 'silence' };
    return guarded(() => {
      const before = findCall(ctx, request.params.callConnectionId as string);
      const after = commit(ctx, supplyRecognizeInput(before, input, envOf(ctx)));
      const waiting = after.media.some((m) => m.pendingInput !== undefined);
      return reply(200, { recognize: waiting ? 'waiting' : 'completed' });
    });
  },
});

/**
 * `POST /emulator/calls/{callConnectionId}/leave` `{ participant }` (raw id or identifier model) →
 * 200 `{ callConnectionState }`: that participant hangs up — ParticipantsUpdated, and
 * CallDisconnected when nobody is left (a caller hanging up on the bot).
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/calls/${id}/leave`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ participant: '4:+14255550111' }) });
 * ```
 */
export const participantLeavesRoute = defineRoute({
  method: 'POST',
  path: '/emulator/calls/{callConnectionId}/leave',
  auth: LOOPBACK,
  apiVersions: null,
  body: s.object({ participant: rawIdOrIdentifier() }),
  handle(request, ctx) {
    return guarded(() => {
      const call = commit(
        ctx,
        participantLeaves(
          findCall(ctx, request.params.callConnectionId as string),
          request.body.participant.rawId,
          envOf(ctx),
        ),
      );
      return reply(200, { callConnectionState: call.state });
    });
  },
});

const settingsBody = s.object(
  {
    connectDelayInMs: s.optional(s.integer({ min: 0, max: 600_000 })),
    ringDelayInMs: s.optional(s.integer({ min: 0, max: 600_000 })),
    playDurationInMs: s.optional(s.integer({ min: 0, max: 600_000 })),
    unreachable: s.optional(s.array(s.string({ min: 1 }))),
  },
  { unknownKeys: 'reject' },
);

/**
 * `GET /emulator/calls/settings` → the simulation settings.
 *
 * @example
 * ```ts
 * await (await fetch(`${endpoint}emulator/calls/settings`)).json(); // { connectDelayInMs: 50, … }
 * ```
 */
export const getSettingsRoute = defineRoute({
  method: 'GET',
  path: '/emulator/calls/settings',
  auth: LOOPBACK,
  apiVersions: null,
  handle: (_request, ctx) => reply(200, settingsOf(ctx)),
});

/**
 * `PATCH /emulator/calls/settings` `{ connectDelayInMs?, ringDelayInMs?, playDurationInMs?, unreachable? }`
 * (`unreachable`: raw ids that never answer) → 200 the settings in force.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/calls/settings`, { method: 'PATCH', body: JSON.stringify({ unreachable: ['4:+14255550199'] }) });
 * ```
 */
export const updateSettingsRoute = defineRoute({
  method: 'PATCH',
  path: '/emulator/calls/settings',
  auth: LOOPBACK,
  apiVersions: null,
  body: settingsBody,
  handle(request, ctx) {
    const changes = Object.fromEntries(Object.entries(request.body).filter(([, value]) => value !== undefined));
    const next = { ...DEFAULT_SETTINGS, ...settingsOf(ctx), ...changes } as SimulationSettings;
    ctx.state.collection<SimulationSettings>(SETTINGS).put('simulation', next);
    return reply(200, next);
  },
});

/**
 * `GET /emulator/calls` → `{ value: [{ callConnectionId, state, direction, participants, … }] }`, newest last.
 *
 * @example
 * ```ts
 * await (await fetch(`${endpoint}emulator/calls`)).json();
 * ```
 */
export const listCallsRoute = defineRoute({
  method: 'GET',
  path: '/emulator/calls',
  auth: LOOPBACK,
  apiVersions: null,
  handle(_request, ctx) {
    const calls = ctx.state.collection<CallRecord>(CALLS).values();
    return reply(200, { value: calls.map(summary) });
  },
});

/**
 * `GET /emulator/calls/{callConnectionId}` → the call, its media queue and the callbacks it sent, in order.
 *
 * @example
 * ```ts
 * const { callbacks } = await (await fetch(`${endpoint}emulator/calls/${id}`)).json();
 * ```
 */
export const getCallDetailsRoute = defineRoute({
  method: 'GET',
  path: '/emulator/calls/{callConnectionId}',
  auth: LOOPBACK,
  apiVersions: null,
  handle(request, ctx) {
    const id = request.params.callConnectionId as string;
    const call = guarded(() => findCall(ctx, id));
    if (call === undefined) throw notFound('8522', 'Call not found.');
    const callbacks = ctx.state.collection<SentCallback>(EVENTS).scan(`${id}/`);
    return reply(200, {
      ...summary(call),
      invitations: call.invitations.map((i) => ({ invitationId: i.invitationId, participant: i.identity.rawId })),
      media: call.media.map((m) => ({
        kind: m.kind,
        phase: m.phase ?? 'queued',
        operationContext: m.operationContext,
      })),
      callbacks,
    });
  },
});

function summary(call: CallRecord): Record<string, unknown> {
  return {
    ...callConnectionProperties(call),
    direction: call.direction,
    participants: call.participants.map((p) => p.identity.rawId),
    createdAt: new Date(call.createdAt).toISOString(),
    ...(call.endedAt !== undefined ? { endedAt: new Date(call.endedAt).toISOString(), endReason: call.endReason } : {}),
  };
}
