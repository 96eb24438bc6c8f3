import { createIdentifierFromRawId, getIdentifierKind } from 'acs-common/identifiers';
import { ROLES, type Role } from './model.js';
import { badArgument, badRequest, MALFORMED_SYNTAX, type ProblemDetail, refuse } from './problem.js';

/**
 * The participants map of create and of the participants merge patch:
 * `{ "<rawId>": { "role": "Presenter" } | null }`. Only communication users (`8:acs:…` and the
 * other ACS-user raw-id forms) may be participants, as the service rules; `null` removes a
 * participant (removing one that is not in the room succeeds, as the service does).
 */

/**
 * What a validated participants map asks for.
 *
 * @example
 * ```ts
 * const { upserts, removals }: ParticipantChanges = readParticipants(body.participants, 'patch');
 * ```
 */
export interface ParticipantChanges {
  /** Participants to add or whose role to set, in request order. */
  readonly upserts: ReadonlyArray<{ readonly rawId: string; readonly role: Role }>;
  /** Raw ids to remove. */
  readonly removals: readonly string[];
}

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

/**
 * Most participants one request may name (the emulator's bound; the service documents none).
 *
 * @example
 * ```ts
 * Object.keys(participants).length <= MAX_PARTICIPANTS_PER_REQUEST; // 1000
 * ```
 */
export const MAX_PARTICIPANTS_PER_REQUEST = 1000;

/**
 * Whether a raw id is a communication user's (the only kind the service accepts in a room).
 *
 * @example
 * ```ts
 * isCommunicationUserRawId('8:acs:res_0001'); // true
 * isCommunicationUserRawId('4:+14255550123'); // false
 * ```
 */
export function isCommunicationUserRawId(rawId: string): boolean {
  return (
    rawId.length <= 512 &&
    /^8:[a-z-]+:\S+$/.test(rawId) &&
    getIdentifierKind(createIdentifierFromRawId(rawId)).kind === 'communicationUser'
  );
}

/**
 * Validates a participants map. `context` selects the service's wording for a raw id that is not
 * a communication user: on create `Invalid format for communication identifier.`, on the
 * participants patch `Invalid value for the Participants.`; `null` entries are allowed only in
 * the patch.
 *
 * @example
 * ```ts
 * readParticipants({ '8:acs:r_1': { role: 'Presenter' }, '8:acs:r_2': null }, 'patch');
 * // { upserts: [{ rawId: '8:acs:r_1', role: 'Presenter' }], removals: ['8:acs:r_2'] }
 * ```
 */
export function readParticipants(value: unknown, context: 'create' | 'patch'): ParticipantChanges {
  if (value === undefined || value === null) return { upserts: [], removals: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    refuse(
      badArgument(
        'participants',
        'participants must be an object whose keys are raw ids: {"8:acs:…": {"role": "Attendee"}}.',
      ),
    );
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_PARTICIPANTS_PER_REQUEST) {
    refuse(badArgument('participants', `A request may name at most ${MAX_PARTICIPANTS_PER_REQUEST} participants.`));
  }
  const upserts: Array<{ rawId: string; role: Role }> = [];
  const removals: string[] = [];
  const details: ProblemDetail[] = [];
  for (const [rawId, properties] of entries) {
    if (!isCommunicationUserRawId(rawId)) {
      refuse(
        badRequest(
          context === 'create' ? 'Invalid format for communication identifier.' : 'Invalid value for the Participants.',
        ),
      );
    }
    if (properties === null && context === 'patch') {
      removals.push(rawId);
      continue;
    }
    const role =
      typeof properties === 'object' && properties !== null ? (properties as { role?: unknown }).role : undefined;
    if (typeof role !== 'string' || !ROLE_SET.has(role)) {
      details.push({
        code: 'BadArgument',
        message: `The role of participant ${rawId} must be one of ${ROLES.join(', ')}.`,
        target: `$.participants.${rawId}.role`,
      });
      continue;
    }
    upserts.push({ rawId, role: role as Role });
  }
  if (details.length > 0) refuse({ status: 400, code: 'BadRequest', message: MALFORMED_SYNTAX, details });
  return { upserts, removals };
}
