/**
 * Identifier equality with the .NET semantics: two identifiers are equal when they are of the same
 * kind and have the same raw id; the other fields do not matter.
 */
import { kindOf } from './kind.js';
import type { CommunicationIdentifier } from './models.js';
import { formatRawId } from './raw-id.js';

/**
 * True when `a` and `b` are the same kind of identifier with the same raw id (as
 * `getIdentifierRawId` computes it, compared case-sensitively), or are the same value.
 * Never throws: `null` and `undefined` equal only themselves, and an object without a string raw
 * id (such as `{}`) equals only itself.
 *
 * @example
 * ```ts
 * isIdentifierEqual(createIdentifierFromRawId('8:orgid:abc'), { microsoftTeamsUserId: 'abc' }); // true
 * isIdentifierEqual({ phoneNumber: '+override', rawId: '4:+14255550123' }, { phoneNumber: '+14255550123' }); // true
 * isIdentifierEqual({ teamsAppId: 'abc' }, { teamsAppId: 'abc', cloud: 'dod' }); // false: 28:orgid:abc vs 28:dod:abc
 * isIdentifierEqual({ communicationUserId: '48:x' }, { id: '48:x' }); // false: different kinds
 * isIdentifierEqual(undefined, { id: '48:x' }); // false
 * ```
 */
export function isIdentifierEqual(
  a: CommunicationIdentifier | null | undefined,
  b: CommunicationIdentifier | null | undefined,
): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  const rawId = formatRawId(a, kind);
  return typeof rawId === 'string' && rawId === formatRawId(b, kind);
}
