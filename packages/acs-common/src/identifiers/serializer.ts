/**
 * Identifier ↔ wire model (`SerializedCommunicationIdentifier`) with the 2.5.0 rules: the same
 * defaults, the same key order and `undefined`-valued keys, the same error texts. One table says,
 * for each nested wire model, which identifier field maps to which wire field; both directions
 * read it in order, which gives the key order and the order of the "is required" checks.
 */
import { typeName } from './argument-error.js';
import { kindOf } from './kind.js';
import type { CommunicationIdentifier, CommunicationIdentifierKind } from './models.js';
import { formatRawId } from './raw-id.js';
import type { SerializedCommunicationIdentifier } from './wire-models.js';

/** Deserializing: the wire field must be present (`in`, so a present `undefined` passes, as in 2.5.0). */
const REQUIRED = 1;
/** The field is the top-level `rawId`, not a field of the nested model (and is not serialized into it). */
const TOP_LEVEL = 2;

/**
 * `[identifier field, wire field, flags, default]`. The default fills a nullish value when
 * serializing, and when deserializing a field that is not required; no default keeps `null` as is.
 */
type FieldMapping = readonly [field: string, wireField: string, flags: number, fallback?: boolean | string];

const RAW_ID: FieldMapping = ['rawId', 'rawId', REQUIRED | TOP_LEVEL];
const CLOUD: FieldMapping = ['cloud', 'cloud', REQUIRED, 'public'];

/**
 * The nested wire models, in the order 2.5.0 lists them in its "Only one of …" error. Their names
 * are also the identifier kinds they hold.
 */
const WIRE_FIELDS = {
  communicationUser: [['communicationUserId', 'id', REQUIRED]],
  microsoftTeamsUser: [
    ['microsoftTeamsUserId', 'userId', REQUIRED],
    ['isAnonymous', 'isAnonymous', REQUIRED, false],
    CLOUD,
    RAW_ID,
  ],
  microsoftTeamsApp: [['teamsAppId', 'appId', REQUIRED], CLOUD, RAW_ID],
  phoneNumber: [
    ['phoneNumber', 'value', REQUIRED],
    RAW_ID,
    ['isAnonymous', 'isAnonymous', 0, false],
    ['assertedId', 'assertedId', 0],
  ],
  teamsExtensionUser: [
    ['userId', 'userId', REQUIRED],
    ['tenantId', 'tenantId', REQUIRED],
    ['resourceId', 'resourceId', REQUIRED],
    CLOUD,
    RAW_ID,
  ],
} satisfies Record<string, readonly FieldMapping[]>;

type NestedName = keyof typeof WIRE_FIELDS;

/** `value ?? fallback`, except that without a fallback the value is kept as is (`null` included). */
const orDefault = (value: unknown, fallback: FieldMapping[3]): unknown =>
  fallback === undefined ? value : (value ?? fallback);

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
export const serializeCommunicationIdentifier = (
  identifier: CommunicationIdentifier,
): SerializedCommunicationIdentifier => {
  const kind = kindOf(identifier);
  const i = identifier as unknown as Record<string, unknown>;
  if (kind === 'unknown') return { rawId: i.id as string };
  const nested: Record<string, unknown> = {};
  for (const [field, wireField, flags, fallback] of WIRE_FIELDS[kind]) {
    if (!(flags & TOP_LEVEL)) nested[wireField] = orDefault(i[field], fallback);
  }
  return {
    // `??` on purpose: an empty `rawId` is kept here, though `getIdentifierRawId` recomputes it (2.5.0
    // does both); a communication user's `rawId` property is ignored.
    rawId:
      kind === 'communicationUser'
        ? (i.communicationUserId as string)
        : ((i.rawId as string) ?? formatRawId(identifier, kind)),
    [kind]: nested,
  };
};

/** `model[property]`, which must be present. */
function required(model: Record<string, unknown>, property: string, type: string): unknown {
  if (property in model) return model[property];
  throw new Error(`Property ${property} is required for identifier of type ${type}.`);
}

/**
 * Translates a wire model from a response back to an identifier with its `kind`. `kind` wins when
 * given; otherwise it is the nested model that is set. A `kind` without its nested model, or one
 * this version does not know, gives an unknown identifier made from `rawId`.
 *
 * Throws an `Error` with the 2.5.0 message when more than one nested model is present
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
export const deserializeCommunicationIdentifier = (
  serializedIdentifier: SerializedCommunicationIdentifier,
): CommunicationIdentifierKind => {
  const s = serializedIdentifier as Record<string, unknown>;
  if (Object(s) !== s) {
    throw new TypeError(
      `deserializeCommunicationIdentifier: serializedIdentifier must be an object, got ${typeName(s)}`,
    );
  }
  // A nested model counts as present unless undefined (so null counts); it is used only if truthy.
  const present: string[] = [];
  let used: NestedName | undefined;
  for (const name in WIRE_FIELDS) {
    const model = s[name];
    if (model === undefined) continue;
    present.push(name);
    if (model) used = name as NestedName;
  }
  if (present.length > 1) {
    throw new Error(`Only one of the properties in ${JSON.stringify(present)} should be present.`);
  }
  if (used && (s.kind ?? used) === used) {
    // A truthy primitive here makes `in` throw its native TypeError, as in 2.5.0.
    const m = s[used] as Record<string, unknown>;
    const result: Record<string, unknown> = { kind: used };
    for (const [field, wireField, flags, fallback] of WIRE_FIELDS[used]) {
      const from = flags & TOP_LEVEL ? s : m;
      result[field] = flags & REQUIRED ? required(from, wireField, used) : orDefault(from[wireField], fallback);
    }
    return result as unknown as CommunicationIdentifierKind;
  }
  return { kind: 'unknown', id: required(s, 'rawId', 'unknown') } as CommunicationIdentifierKind;
};
