import * as s from '../../host/schema.js';
import { type Schema, SchemaProblem } from '../../host/schema.js';
import { type CallIdentity, IdentifierProblem, identityFrom, parseIdentifier } from './identifiers.js';

/**
 * Body schemas of the Call Automation routes (2026-03-12 contract). Members the emulator does not
 * simulate (media streaming, transcription, call intelligence, custom calling context) are
 * accepted and ignored, as the client always sends some of them.
 */

const ALLOW = { unknownKeys: 'allow' } as const;

/**
 * A CommunicationIdentifierModel, read into the model's `CallIdentity`.
 *
 * @example
 * ```ts
 * s.object({ participantToAdd: identifier() });
 * ```
 */
export function identifier(): Schema<CallIdentity> {
  return {
    parse(value, path) {
      try {
        return parseIdentifier(value, path);
      } catch (error) {
        if (error instanceof IdentifierProblem) throw new SchemaProblem(error.path, problemOf(error));
        throw error;
      }
    },
  };
}

/**
 * A raw id string (`8:acs:…`, `4:+1…`) or an identifier model (the emulator's test routes).
 *
 * @example
 * ```ts
 * s.object({ from: rawIdOrIdentifier() });
 * ```
 */
export function rawIdOrIdentifier(): Schema<CallIdentity> {
  return {
    parse(value, path) {
      try {
        return identityFrom(value, path);
      } catch (error) {
        if (error instanceof IdentifierProblem) throw new SchemaProblem(error.path, problemOf(error));
        throw error;
      }
    },
  };
}

const problemOf = (error: IdentifierProblem) => error.message.slice(error.path.length + 2);

const phoneNumberModel = s.object({ value: s.string({ min: 1 }) }, ALLOW);
const uri = s.string({ min: 1 });

/**
 * POST /calling/callConnections.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'POST', path: '/calling/callConnections', body: createCallBody, … });
 * ```
 */
export const createCallBody = s.object(
  {
    targets: s.array(identifier(), { min: 1 }),
    callbackUri: uri,
    sourceCallerIdNumber: s.optional(phoneNumberModel),
    sourceDisplayName: s.optional(s.string()),
    source: s.optional(s.object({ id: s.string({ min: 1 }) }, ALLOW)),
    operationContext: s.optional(s.string()),
  },
  ALLOW,
);

/**
 * POST /calling/callConnections:answer.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'POST', path: '/calling/callConnections:answer', body: answerCallBody, … });
 * ```
 */
export const answerCallBody = s.object(
  {
    incomingCallContext: s.string({ min: 1 }),
    callbackUri: uri,
    operationContext: s.optional(s.string()),
    answeredBy: s.optional(s.object({ id: s.string({ min: 1 }) }, ALLOW)),
  },
  ALLOW,
);

/**
 * POST /calling/callConnections:reject.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'POST', path: '/calling/callConnections:reject', body: rejectCallBody, … });
 * ```
 */
export const rejectCallBody = s.object({ incomingCallContext: s.string({ min: 1 }) }, ALLOW);

/**
 * POST /calling/callConnections:redirect.
 *
 * @example
 * ```ts
 * defineRoute({ method: 'POST', path: '/calling/callConnections:redirect', body: redirectCallBody, … });
 * ```
 */
export const redirectCallBody = s.object({ incomingCallContext: s.string({ min: 1 }), target: identifier() }, ALLOW);

/**
 * POST …/participants:add.
 *
 * @example
 * ```ts
 * addParticipantBody.parse({ participantToAdd: { communicationUser: { id: '8:acs:x' } } }, '');
 * ```
 */
export const addParticipantBody = s.object(
  {
    participantToAdd: identifier(),
    sourceCallerIdNumber: s.optional(phoneNumberModel),
    sourceDisplayName: s.optional(s.string()),
    invitationTimeoutInSeconds: s.optional(s.integer({ min: 0, max: 180 })),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
  },
  ALLOW,
);

/**
 * POST …/participants:remove.
 *
 * @example
 * ```ts
 * removeParticipantBody.parse({ participantToRemove: { phoneNumber: { value: '+14255550123' } } }, '');
 * ```
 */
export const removeParticipantBody = s.object(
  {
    participantToRemove: identifier(),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
  },
  ALLOW,
);

/**
 * POST …:transferToParticipant.
 *
 * @example
 * ```ts
 * transferBody.parse({ targetParticipant: { communicationUser: { id: '8:acs:x' } } }, '');
 * ```
 */
export const transferBody = s.object(
  {
    targetParticipant: identifier(),
    transferee: s.optional(identifier()),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
    sourceCallerIdNumber: s.optional(phoneNumberModel),
  },
  ALLOW,
);

const playSource = s.object(
  {
    kind: s.enumOf(['file', 'text', 'ssml']),
    file: s.optional(s.object({ uri: s.string({ min: 1 }) }, ALLOW)),
    text: s.optional(s.object({ text: s.string({ min: 1 }) }, ALLOW)),
    ssml: s.optional(s.object({ ssmlText: s.string({ min: 1 }) }, ALLOW)),
    playSourceCacheId: s.optional(s.string()),
  },
  ALLOW,
);

/** A play source as the request sends it. */
export type PlaySourceBody = s.Infer<typeof playSource>;

/**
 * POST …:play.
 *
 * @example
 * ```ts
 * playBody.parse({ playSources: [{ kind: 'text', text: { text: 'Hello' } }] }, '');
 * ```
 */
export const playBody = s.object(
  {
    playSources: s.array(playSource, { min: 1 }),
    playTo: s.optional(s.array(identifier())),
    interruptCallMediaOperation: s.optional(s.boolean()),
    playOptions: s.optional(s.object({ loop: s.boolean() }, ALLOW)),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
  },
  ALLOW,
);

/**
 * The DTMF tone names of the contract.
 *
 * @example
 * ```ts
 * TONES.includes('pound'); // true
 * ```
 */
export const TONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'a',
  'b',
  'c',
  'd',
  'pound',
  'asterisk',
] as const;

const tone = s.enumOf(TONES);

/**
 * POST …:recognize.
 *
 * @example
 * ```ts
 * recognizeBody.parse({ recognizeInputType: 'dtmf', recognizeOptions: { targetParticipant } }, '');
 * ```
 */
export const recognizeBody = s.object(
  {
    recognizeInputType: s.enumOf(['dtmf', 'speech', 'speechOrDtmf', 'choices']),
    playPrompt: s.optional(playSource),
    playPrompts: s.optional(s.array(playSource)),
    interruptCallMediaOperation: s.optional(s.boolean()),
    recognizeOptions: s.object(
      {
        targetParticipant: identifier(),
        initialSilenceTimeoutInSeconds: s.optional(s.integer({ min: 0, max: 300 })),
        interruptPrompt: s.optional(s.boolean()),
        dtmfOptions: s.optional(
          s.object(
            {
              interToneTimeoutInSeconds: s.optional(s.integer({ min: 1, max: 60 })),
              maxTonesToCollect: s.optional(s.integer({ min: 1 })),
              stopTones: s.optional(s.array(tone)),
            },
            ALLOW,
          ),
        ),
        choices: s.optional(
          s.array(
            s.object({ label: s.string({ min: 1 }), phrases: s.array(s.string()), tone: s.optional(tone) }, ALLOW),
          ),
        ),
        speechOptions: s.optional(s.object({ endSilenceTimeoutInMs: s.optional(s.integer({ min: 0 })) }, ALLOW)),
        speechLanguage: s.optional(s.string()),
      },
      ALLOW,
    ),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
  },
  ALLOW,
);

/**
 * POST …/participants:mute.
 *
 * @example
 * ```ts
 * muteBody.parse({ targetParticipants: [{ communicationUser: { id: '8:acs:x' } }] }, '');
 * ```
 */
export const muteBody = s.object(
  { targetParticipants: s.array(identifier(), { min: 1 }), operationContext: s.optional(s.string()) },
  ALLOW,
);

/**
 * POST …:hold and …:unhold.
 *
 * @example
 * ```ts
 * holdBody.parse({ targetParticipant: { communicationUser: { id: '8:acs:x' } } }, '');
 * ```
 */
export const holdBody = s.object(
  { targetParticipant: identifier(), operationContext: s.optional(s.string()), operationCallbackUri: s.optional(uri) },
  ALLOW,
);

/**
 * POST …:sendDtmfTones.
 *
 * @example
 * ```ts
 * sendDtmfBody.parse({ tones: ['one'], targetParticipant: { communicationUser: { id: '8:acs:x' } } }, '');
 * ```
 */
export const sendDtmfBody = s.object(
  {
    tones: s.array(tone, { min: 1 }),
    targetParticipant: identifier(),
    operationContext: s.optional(s.string()),
    operationCallbackUri: s.optional(uri),
  },
  ALLOW,
);

/**
 * POST /calling/callConnections:connect.
 *
 * @example
 * ```ts
 * connectBody.parse({ callLocator: { kind: 'roomCallLocator', roomId }, callbackUri }, '');
 * ```
 */
export const connectBody = s.object(
  {
    callLocator: s.object(
      {
        kind: s.optional(s.enumOf(['groupCallLocator', 'serverCallLocator', 'roomCallLocator'])),
        groupCallId: s.optional(s.string({ min: 1 })),
        serverCallId: s.optional(s.string({ min: 1 })),
        roomId: s.optional(s.string({ min: 1 })),
      },
      ALLOW,
    ),
    callbackUri: uri,
    operationContext: s.optional(s.string()),
  },
  ALLOW,
);
