/**
 * The raw-id grammar: one prefix table, read one way to parse (`createIdentifierFromRawId`) and the
 * other way to format (`getIdentifierRawId`). Parsing is `startsWith`/`indexOf` scans of the
 * input (no regular expression, no `split`); nothing is allocated but the result and its strings.
 */
// The prefix table itself is protocol knowledge shared with the emulator (acs-protocol).
import {
  RAW_ID_CLOUDS as CLOUDS,
  RAW_ID_NO_CLOUD as NO_CLOUD,
  PHONE_NUMBER_PREFIX as PHONE_PREFIX,
  RAW_ID_PREFIXES as PREFIXES,
} from 'acs-protocol';
import { typeName } from './argument-error.js';
import { type IdentifierFields, type IdentifierKindName, kindOf } from './kind.js';
import type { CommunicationIdentifier, CommunicationIdentifierKind } from './models.js';

/** The column of a cloud: `dod` and `gcch` select theirs, anything else (missing, bogus) is public, as in 2.5.0. */
const cloudColumn = (cloud: unknown): number => (cloud === 'dod' ? 1 : cloud === 'gcch' ? 2 : 0);

/**
 * The raw id of a non-null identifier of the given kind. Internal: shared by `getIdentifierRawId`,
 * the serializer and the equality helper. A `rawId` property wins when truthy (so `""` is recomputed).
 */
export function formatRawId(i: IdentifierFields, kind: IdentifierKindName): string {
  if (kind === 'communicationUser') return i.communicationUserId!; // a rawId property is ignored, as in 2.5.0
  if (kind === 'unknown') return i.id!; // undefined for an object that is no identifier at all, as in 2.5.0
  if (i.rawId) return i.rawId;
  if (kind === 'phoneNumber') return PHONE_PREFIX + i.phoneNumber;
  const teamsUser = kind === 'microsoftTeamsUser';
  // An anonymous Teams user is a visitor whatever the cloud.
  const prefix = PREFIXES[kind][teamsUser && i.isAnonymous ? NO_CLOUD : cloudColumn(i.cloud)]!;
  return (
    prefix +
    (teamsUser
      ? i.microsoftTeamsUserId!
      : kind === 'microsoftTeamsApp'
        ? i.teamsAppId!
        : `${i.resourceId}_${i.tenantId}_${i.userId}`)
  );
}

/**
 * Returns the raw id of an identifier: the flat string form that identifies it on the wire and
 * that you can use as a database key. A non-empty `rawId` property wins; otherwise it is computed
 * from the fields. Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * getIdentifierRawId({ phoneNumber: '+14255550123' }); // '4:+14255550123'
 * getIdentifierRawId({ microsoftTeamsUserId: 'abc', cloud: 'gcch' }); // '8:gcch:abc'
 * getIdentifierRawId({ userId: 'u', tenantId: 't', resourceId: 'r' }); // '8:acs:r_t_u'
 * ```
 */
export const getIdentifierRawId = (identifier: CommunicationIdentifier): string =>
  formatRawId(identifier, kindOf(identifier));

/**
 * Restores the identifier that a raw id encodes. Never throws on a string: anything that is not a
 * known form is `{ kind: 'unknown', id: rawId }`, and `getIdentifierRawId` of the result gives
 * `rawId` back for every string. Throws a `TypeError` for a non-string.
 *
 * @example
 * ```ts
 * createIdentifierFromRawId('8:orgid:abc');
 * // { kind: 'microsoftTeamsUser', microsoftTeamsUserId: 'abc', isAnonymous: false, cloud: 'public' }
 * createIdentifierFromRawId('4:+14255550123_7');
 * // { kind: 'phoneNumber', phoneNumber: '+14255550123_7', isAnonymous: false, assertedId: '7' }
 * createIdentifierFromRawId('8:acs:r_t_u');
 * // { kind: 'teamsExtensionUser', userId: 'u', tenantId: 't', resourceId: 'r', cloud: 'public' }
 * ```
 */
export const createIdentifierFromRawId = (rawId: string): CommunicationIdentifierKind => {
  if (typeof rawId !== 'string') throw new TypeError(`rawId must be a string, got ${typeName(rawId)}`);
  if (rawId.startsWith(PHONE_PREFIX)) {
    // `4:anonymous` is anonymous; otherwise the asserted id is whatever follows the last `_`, if anything does.
    const phoneNumber = rawId.slice(2);
    const isAnonymous = phoneNumber === 'anonymous';
    const underscore = isAnonymous ? -1 : rawId.lastIndexOf('_');
    return {
      kind: 'phoneNumber',
      phoneNumber,
      isAnonymous,
      assertedId: underscore > 1 && underscore < rawId.length - 1 ? rawId.slice(underscore + 1) : undefined,
    } as CommunicationIdentifierKind;
  }
  // Exactly three segments, the first two of which (with their colons) are a listed prefix. The
  // prefix is left empty, which no column lists, for fewer than two colons (`end` is 0) or more.
  const end = rawId.indexOf(':', rawId.indexOf(':') + 1) + 1;
  const prefix = rawId.includes(':', end) ? '' : rawId.slice(0, end);
  let kind: keyof typeof PREFIXES;
  for (kind in PREFIXES) {
    const column = (PREFIXES[kind] as readonly string[]).indexOf(prefix);
    if (column < 0) continue;
    const cloud = CLOUDS[column]!; // (none in column 3, where it is not used)
    if (kind === 'microsoftTeamsUser') {
      const microsoftTeamsUserId = rawId.slice(end);
      // No cloud key at all for a visitor, as in 2.5.0.
      return column === NO_CLOUD
        ? { kind, microsoftTeamsUserId, isAnonymous: true }
        : { kind, microsoftTeamsUserId, isAnonymous: false, cloud };
    }
    if (kind === 'microsoftTeamsApp') return { kind, teamsAppId: rawId.slice(end), cloud };
    const first = rawId.indexOf('_', end);
    const second = rawId.indexOf('_', first + 1); // no `_` in any prefix: -1 when first is
    if (column !== NO_CLOUD && second >= 0 && !rawId.includes('_', second + 1)) {
      return {
        kind,
        userId: rawId.slice(second + 1),
        tenantId: rawId.slice(first + 1, second),
        resourceId: rawId.slice(end, first),
        cloud,
      };
    }
    return { kind: 'communicationUser', communicationUserId: rawId };
  }
  return { kind: 'unknown', id: rawId };
};
