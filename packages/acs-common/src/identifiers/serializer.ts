/**
 * Identifier ↔ wire model (`SerializedCommunicationIdentifier`) with the 2.5.0 rules: the same
 * defaults, the same key order and `undefined`-valued keys, the same error texts. Direct code per
 * kind, one object literal each (the key order is the literal's), so every result object has one
 * shape per kind. A required wire field is read by name and checked with `in` only when it is
 * nullish, which keeps the checks in 2.5.0's order without a megamorphic `in` on every field.
 */
import { typeName } from './argument-error.js';
import { type IdentifierFields, kindOf } from './kind.js';
import type { CommunicationIdentifier, CommunicationIdentifierKind } from './models.js';
import { formatRawId } from './raw-id.js';
import type { SerializedCommunicationIdentifier } from './wire-models.js';

/** A wire model's fields, unchecked (`never`: whatever is read passes as the declared field type). */
type WireFields = Record<string, never>;

/** The nested wire models, in the order 2.5.0 lists them in its "Only one of …" error. */
const NESTED: readonly (keyof SerializedCommunicationIdentifier)[] = [
  'communicationUser',
  'microsoftTeamsUser',
  'microsoftTeamsApp',
  'phoneNumber',
  'teamsExtensionUser',
];

/**
 * Translates an identifier to its wire model for a request: `rawId` plus the one nested model of
 * its kind (no `kind` key). Defaults are filled in: `isAnonymous: false`, `cloud: "public"`.
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * serializeCommunicationIdentifier({ microsoftTeamsUserId: 'abc' });
 * // { rawId: '8:orgid:abc', microsoftTeamsUser: { userId: 'abc', isAnonymous: false, cloud: 'public' } }
 * ```
 */
export const serializeCommunicationIdentifier: (
  identifier: CommunicationIdentifier,
) => SerializedCommunicationIdentifier = (i: IdentifierFields & { cloud?: 'public' | 'dod' | 'gcch' }) => {
  const kind = kindOf(i);
  if (kind === 'unknown') return { rawId: i.id! };
  if (kind === 'communicationUser')
    return { rawId: i.communicationUserId!, communicationUser: { id: i.communicationUserId! } };
  // `??` on purpose: an empty `rawId` is kept here, though `getIdentifierRawId` recomputes it
  // (2.5.0 does both).
  const rawId = i.rawId ?? formatRawId(i, kind);
  const cloud = i.cloud ?? 'public';
  return kind === 'phoneNumber'
    ? { rawId, phoneNumber: { value: i.phoneNumber!, isAnonymous: i.isAnonymous ?? false, assertedId: i.assertedId! } }
    : kind === 'microsoftTeamsUser'
      ? { rawId, microsoftTeamsUser: { userId: i.microsoftTeamsUserId!, isAnonymous: i.isAnonymous ?? false, cloud } }
      : kind === 'microsoftTeamsApp'
        ? { rawId, microsoftTeamsApp: { appId: i.teamsAppId!, cloud } }
        : { rawId, teamsExtensionUser: { userId: i.userId!, tenantId: i.tenantId!, resourceId: i.resourceId!, cloud } };
};

/**
 * `model[property]`, which must be present (`in`, so a present `undefined` passes, as in 2.5.0).
 * Called only for a nullish value: the common case is a plain read.
 */
function required(model: object, property: string, type: string): never {
  if (property in model) return (model as WireFields)[property] as never;
  throw new TypeError(`Property ${property} is required for identifier of type ${type}.`);
}

/**
 * Translates a wire model from a response back to an identifier with its `kind`. `kind` wins when
 * given; otherwise it is the nested model that is set. A `kind` without its nested model, or one
 * this version does not know, gives an unknown identifier made from `rawId`.
 *
 * Throws a `TypeError` (2.5.0: a plain `Error`) with the 2.5.0 message when more than one nested model is present
 * (`Only one of the properties in ["communicationUser","phoneNumber"] should be present.`) or a
 * required property is missing (`Property cloud is required for identifier of type microsoftTeamsUser.`),
 * and a `TypeError` when the argument is not an object.
 *
 * @example
 * ```ts
 * deserializeCommunicationIdentifier({ rawId: '4:+14255550123', phoneNumber: { value: '+14255550123' } });
 * // { kind: 'phoneNumber', phoneNumber: '+14255550123', rawId: '4:+14255550123', isAnonymous: false, assertedId: undefined }
 * ```
 */
export const deserializeCommunicationIdentifier: (
  serializedIdentifier: SerializedCommunicationIdentifier,
) => CommunicationIdentifierKind = (s) => {
  if (Object(s) !== s) {
    throw new TypeError(`serializedIdentifier must be an object, got ${typeName(s)}`);
  }
  // A nested model counts as present unless undefined (so null counts); it is used only if truthy.
  const present = NESTED.filter((name) => s[name] !== undefined);
  if (present.length > 1) {
    throw new TypeError(`Only one of the properties in ${JSON.stringify(present)} should be present.`);
  }
  const used = present[0]!; // (undefined if none)
  // A truthy primitive as `m` makes `in` throw its native TypeError, as in 2.5.0.
  const m = s[used] as unknown as WireFields;
  const kind = m && (s.kind ?? used) === used ? used : undefined;
  return kind === 'communicationUser'
    ? { kind, communicationUserId: m.id ?? required(m, 'id', kind) }
    : kind === 'phoneNumber'
      ? {
          kind,
          phoneNumber: m.value ?? required(m, 'value', kind),
          rawId: s.rawId ?? required(s, 'rawId', kind),
          isAnonymous: m.isAnonymous ?? false,
          assertedId: m.assertedId as never,
        }
      : kind === 'microsoftTeamsUser'
        ? {
            kind,
            microsoftTeamsUserId: m.userId ?? required(m, 'userId', kind),
            isAnonymous: m.isAnonymous ?? required(m, 'isAnonymous', kind),
            cloud: m.cloud ?? required(m, 'cloud', kind),
            rawId: s.rawId ?? required(s, 'rawId', kind),
          }
        : kind === 'microsoftTeamsApp'
          ? {
              kind,
              teamsAppId: m.appId ?? required(m, 'appId', kind),
              cloud: m.cloud ?? required(m, 'cloud', kind),
              rawId: s.rawId ?? required(s, 'rawId', kind),
            }
          : kind === 'teamsExtensionUser'
            ? {
                kind,
                userId: m.userId ?? required(m, 'userId', kind),
                tenantId: m.tenantId ?? required(m, 'tenantId', kind),
                resourceId: m.resourceId ?? required(m, 'resourceId', kind),
                cloud: m.cloud ?? required(m, 'cloud', kind),
                rawId: s.rawId ?? required(s, 'rawId', kind),
              }
            : { kind: 'unknown', id: s.rawId ?? required(s, 'rawId', 'unknown') };
};
