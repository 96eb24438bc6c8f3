/**
 * Classifying an identifier by its fields: the six type guards and `getIdentifierKind`.
 * Each guard checks that its field is a string; the guards are independent of each other, and
 * the kind is the first match in the fixed order communicationUser → phoneNumber →
 * microsoftTeamsUser → microsoftTeamsApp → teamsExtensionUser → unknown (2.5.0 order).
 */
import { requireIdentifier } from './argument-error.js';
import type {
  CommunicationIdentifier,
  CommunicationIdentifierKind,
  CommunicationUserIdentifier,
  MicrosoftTeamsAppIdentifier,
  MicrosoftTeamsUserIdentifier,
  PhoneNumberIdentifier,
  TeamsExtensionUserIdentifier,
  UnknownIdentifier,
} from './models.js';

/** Every field any identifier shape has, all optional and unchecked: what the guards look at. */
export type IdentifierFields = Partial<
  CommunicationUserIdentifier &
    PhoneNumberIdentifier &
    Omit<MicrosoftTeamsUserIdentifier, 'cloud'> &
    Omit<MicrosoftTeamsAppIdentifier, 'cloud'> &
    Omit<TeamsExtensionUserIdentifier, 'cloud'> &
    UnknownIdentifier & { cloud: unknown }
>;

/** The `kind` of an identifier. */
export type IdentifierKindName = CommunicationIdentifierKind['kind'];

/**
 * The kind of an identifier, without copying it: the first guard that passes, in the 2.5.0
 * order. Internal. The guards' tests are repeated here rather than called, so that a bundle that
 * needs the kind but no guard carries no guard.
 */
export function kindOf(i: IdentifierFields): IdentifierKindName {
  requireIdentifier(i);
  return typeof i.communicationUserId === 'string'
    ? 'communicationUser'
    : typeof i.phoneNumber === 'string'
      ? 'phoneNumber'
      : typeof i.microsoftTeamsUserId === 'string'
        ? 'microsoftTeamsUser'
        : typeof i.teamsAppId === 'string'
          ? 'microsoftTeamsApp'
          : typeof i.userId === 'string' && typeof i.tenantId === 'string' && typeof i.resourceId === 'string'
            ? 'teamsExtensionUser'
            : 'unknown';
}

/**
 * Tests whether an identifier is a {@link CommunicationUserIdentifier} (`communicationUserId` is a string).
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isCommunicationUserIdentifier({ communicationUserId: '8:acs:resource_user' }); // true
 * isCommunicationUserIdentifier({ phoneNumber: '+14255550123' }); // false
 * ```
 */
export const isCommunicationUserIdentifier = (
  identifier: CommunicationIdentifier,
): identifier is CommunicationUserIdentifier =>
  typeof (requireIdentifier(identifier) as IdentifierFields).communicationUserId === 'string';

/**
 * Tests whether an identifier is a {@link PhoneNumberIdentifier} (`phoneNumber` is a string).
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isPhoneNumberIdentifier({ phoneNumber: '+14255550123' }); // true
 * ```
 */
export const isPhoneNumberIdentifier = (identifier: CommunicationIdentifier): identifier is PhoneNumberIdentifier =>
  typeof (requireIdentifier(identifier) as IdentifierFields).phoneNumber === 'string';

/**
 * Tests whether an identifier is a {@link MicrosoftTeamsUserIdentifier} (`microsoftTeamsUserId` is a string).
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isMicrosoftTeamsUserIdentifier({ microsoftTeamsUserId: 'abc', isAnonymous: true }); // true
 * ```
 */
export const isMicrosoftTeamsUserIdentifier = (
  identifier: CommunicationIdentifier,
): identifier is MicrosoftTeamsUserIdentifier =>
  typeof (requireIdentifier(identifier) as IdentifierFields).microsoftTeamsUserId === 'string';

/**
 * Tests whether an identifier is a {@link MicrosoftTeamsAppIdentifier} (`teamsAppId` is a string).
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isMicrosoftTeamsAppIdentifier({ teamsAppId: 'abc' }); // true
 * ```
 */
export const isMicrosoftTeamsAppIdentifier = (
  identifier: CommunicationIdentifier,
): identifier is MicrosoftTeamsAppIdentifier =>
  typeof (requireIdentifier(identifier) as IdentifierFields).teamsAppId === 'string';

/**
 * Tests whether an identifier is a {@link TeamsExtensionUserIdentifier} (`userId`, `tenantId` and
 * `resourceId` are all strings). Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isTeamsExtensionUserIdentifier({ userId: 'u', tenantId: 't', resourceId: 'r' }); // true
 * isTeamsExtensionUserIdentifier({ userId: 'u', tenantId: 't' }); // false
 * ```
 */
export const isTeamsExtensionUserIdentifier = (
  identifier: CommunicationIdentifier,
): identifier is TeamsExtensionUserIdentifier => {
  const i = requireIdentifier(identifier) as IdentifierFields;
  return typeof i.userId === 'string' && typeof i.tenantId === 'string' && typeof i.resourceId === 'string';
};

/**
 * Tests whether an identifier is an {@link UnknownIdentifier} (`id` is a string). Independent of
 * the other guards: `{ id: 'x', phoneNumber: 'y' }` passes both this one and `isPhoneNumberIdentifier`.
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * isUnknownIdentifier({ id: '48:abc' }); // true
 * ```
 */
export const isUnknownIdentifier = (identifier: CommunicationIdentifier): identifier is UnknownIdentifier =>
  typeof (requireIdentifier(identifier) as IdentifierFields).id === 'string';

/**
 * Returns a shallow copy of the identifier with its `kind` added (an input `kind` is
 * overwritten, other properties are kept). Anything that matches no other shape is `"unknown"`.
 * Throws a `TypeError` for `null` or `undefined`.
 *
 * @example
 * ```ts
 * getIdentifierKind({ phoneNumber: '+14255550123' });
 * // { phoneNumber: '+14255550123', kind: 'phoneNumber' }
 * ```
 */
export const getIdentifierKind = (identifier: CommunicationIdentifier): CommunicationIdentifierKind =>
  ({
    ...identifier,
    kind: kindOf(identifier),
  }) as CommunicationIdentifierKind;
