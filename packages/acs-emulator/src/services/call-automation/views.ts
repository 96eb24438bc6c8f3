import type { CallIdentity } from './identifiers.js';
import type { CallRecord } from './model.js';

/**
 * The wire views of the call model: `CallConnectionProperties` and `CallParticipant`.
 */

/**
 * `CallConnectionProperties` of a call (the 2026-03-12 shape).
 *
 * @example
 * ```ts
 * reply(201, callConnectionProperties(call));
 * ```
 */
export function callConnectionProperties(call: CallRecord): Record<string, unknown> {
  return {
    callConnectionId: call.callConnectionId,
    serverCallId: call.serverCallId,
    targets: call.targets.map((target: CallIdentity) => target.model),
    callConnectionState: call.state,
    callbackUri: call.callbackUri,
    ...(call.sourceCallerIdNumber !== undefined ? { sourceCallerIdNumber: { value: call.sourceCallerIdNumber } } : {}),
    ...(call.sourceDisplayName !== undefined ? { sourceDisplayName: call.sourceDisplayName } : {}),
    ...(call.source !== undefined ? { source: call.source.model } : {}),
    correlationId: call.correlationId,
    ...(call.answeredBy !== undefined ? { answeredBy: { id: call.answeredBy } } : {}),
    ...(call.answeredFor !== undefined ? { answeredFor: { value: call.answeredFor } } : {}),
  };
}
