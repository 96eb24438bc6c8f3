import type { ChatEnv } from './env.js';
import { rawIdOfModel } from './identifiers.js';
import type { ParticipantSnapshot } from './records.js';
import { checkMetadata, parseTime } from './validation.js';

/**
 * `ChatParticipant`s from a request (create thread, add participants): identifiers read through
 * acs-common, times and metadata checked, duplicates folded (the first wins), and the ones the
 * identity store refuses set aside as `invalidParticipants` entries, in the service's form
 * (`code` "403" / "404", `target` the raw id).
 */

/** `ChatParticipant` as a request carries it. */
export interface ParticipantInput {
  readonly communicationIdentifier: unknown;
  readonly displayName?: string | undefined;
  readonly shareHistoryTime?: string | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

/** One `invalidParticipants` entry (`CommunicationError`). */
export interface InvalidParticipant {
  readonly code: string;
  readonly message: string;
  readonly target: string;
}

/**
 * Splits request participants into those that may join and those the service refuses.
 *
 * @example
 * ```ts
 * const { accepted, invalid } = readParticipants(body.participants ?? [], 'participants', env);
 * ```
 */
export function readParticipants(
  inputs: readonly ParticipantInput[],
  target: string,
  env: Pick<ChatEnv, 'identityStatus'>,
): { accepted: ParticipantSnapshot[]; invalid: InvalidParticipant[] } {
  const accepted: ParticipantSnapshot[] = [];
  const invalid: InvalidParticipant[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const at = `${target}[${index}]`;
    const rawId = rawIdOfModel(input.communicationIdentifier, `${at}.communicationIdentifier`);
    const snapshot: ParticipantSnapshot = {
      rawId,
      ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
      ...(input.shareHistoryTime === undefined
        ? {}
        : { shareHistoryTime: parseTime(input.shareHistoryTime, `${at}.shareHistoryTime`) }),
      ...(input.metadata === undefined ? {} : { metadata: checkMetadata(input.metadata, `${at}.metadata`) }),
    };
    if (seen.has(rawId)) return;
    seen.add(rawId);
    const status = env.identityStatus(rawId);
    if (status === 'ok') accepted.push(snapshot);
    else if (status === 'notFound') invalid.push({ code: '404', message: 'Not found', target: rawId });
    else invalid.push({ code: '403', message: 'Permissions check failed', target: rawId });
  });
  return { accepted, invalid };
}
