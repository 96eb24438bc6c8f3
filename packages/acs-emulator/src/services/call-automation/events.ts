import type { CallRecord } from './model.js';

/**
 * The callback CloudEvents of Call Automation (CloudEvents 1.0, `source` and `subject`
 * `calling/callConnections/{callConnectionId}`), with the ids that tie a call's events together.
 * Each is POSTed alone, as a one-element JSON array: the service's shape, and the official
 * `parseCallAutomationEvent` reads only the first element of an array.
 */

/** `resultInformation` of an event. */
export interface ResultInformation {
  readonly code: number;
  readonly subCode: number;
  readonly message: string;
}

/** A callback CloudEvent. */
export interface CallbackEvent {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly time: string;
  readonly specversion: '1.0';
  readonly datacontenttype: 'application/json';
  readonly subject: string;
}

/** An event and where it goes. */
export interface Outgoing {
  readonly url: string;
  readonly callConnectionId: string;
  readonly event: CallbackEvent;
}

/**
 * The result information the emulator reports (codes from the service's documented reason codes).
 *
 * @example
 * ```ts
 * draft.emit('PlayCompleted', { resultInformation: RESULTS.success });
 * ```
 */
export const RESULTS = {
  success: { code: 200, subCode: 0, message: 'Action completed successfully.' },
  maxDigitsReceived: { code: 200, subCode: 8531, message: 'Action completed, max digits received.' },
  stopToneDetected: { code: 200, subCode: 8514, message: 'Action completed as stop tone was detected.' },
  dtmfOptionMatched: { code: 200, subCode: 8533, message: 'Action completed, DTMF option matched.' },
  speechOptionMatched: { code: 200, subCode: 8545, message: 'Action completed, speech option matched.' },
  speechRecognized: { code: 200, subCode: 8545, message: 'Action completed, speech recognized.' },
  initialSilenceTimeout: { code: 400, subCode: 8510, message: 'Action failed, initial silence timeout reached.' },
  interDigitTimeout: { code: 400, subCode: 8532, message: 'Action failed, inter-digit silence timeout reached.' },
  incorrectTone: { code: 400, subCode: 8534, message: 'Action failed, incorrect tone detected.' },
  speechOptionNotMatched: { code: 400, subCode: 8547, message: 'Action failed, speech option not matched.' },
  canceled: { code: 400, subCode: 8508, message: 'Action failed, the operation was canceled.' },
  notAnswered: {
    code: 408,
    subCode: 0,
    message: 'The participant did not answer (the emulator was told it is unreachable).',
  },
  hungUp: { code: 200, subCode: 0, message: 'The call connection was hung up.' },
  terminated: { code: 200, subCode: 0, message: 'The call was terminated for everyone.' },
  transferred: { code: 200, subCode: 0, message: 'The call was transferred; this call connection left the call.' },
  everyoneLeft: { code: 200, subCode: 0, message: 'The last participant left the call.' },
} as const satisfies Record<string, ResultInformation>;

/**
 * Builds one callback event of `call`, with its callConnectionId, serverCallId and correlationId.
 *
 * @example
 * ```ts
 * const event = callbackEvent(call, 'CallConnected', { resultInformation: RESULTS.success }, { id: 'e1', now: 0 });
 * event.type; // 'Microsoft.Communication.CallConnected'
 * ```
 */
export function callbackEvent(
  call: Pick<CallRecord, 'callConnectionId' | 'serverCallId' | 'correlationId'>,
  name: string,
  data: Readonly<Record<string, unknown>>,
  at: { readonly id: string; readonly now: number },
): CallbackEvent {
  const source = `calling/callConnections/${call.callConnectionId}`;
  return {
    id: at.id,
    source,
    type: `Microsoft.Communication.${name}`,
    data: {
      ...data,
      callConnectionId: call.callConnectionId,
      serverCallId: call.serverCallId,
      correlationId: call.correlationId,
    },
    time: new Date(at.now).toISOString(),
    specversion: '1.0',
    datacontenttype: 'application/json',
    subject: source,
  };
}
