/**
 * The identifier shapes of `@azure/communication-common@2.5.0`: plain structural interfaces (no
 * classes, no brands), so any object literal with the right fields is an identifier. The field
 * types are kept exactly as 2.5.0 declares them, so code typed against either package compiles
 * against the other.
 */

/**
 * Identifies a communication participant: one of the six identifier shapes.
 *
 * @example
 * ```ts
 * const participants: CommunicationIdentifier[] = [
 *   { communicationUserId: '8:acs:resource_user' },
 *   { phoneNumber: '+14255550123' },
 *   { microsoftTeamsUserId: '45ab2481-1c1c-4005-be24-0ffb879b1130', cloud: 'gcch' },
 * ];
 * ```
 */
export type CommunicationIdentifier =
  | CommunicationUserIdentifier
  | PhoneNumberIdentifier
  | MicrosoftTeamsUserIdentifier
  | MicrosoftTeamsAppIdentifier
  | TeamsExtensionUserIdentifier
  | UnknownIdentifier;

/**
 * An Azure Communication Services user. Its raw id is `communicationUserId` itself.
 *
 * @example
 * ```ts
 * const user: CommunicationUserIdentifier = { communicationUserId: '8:acs:resource_user' };
 * ```
 */
export interface CommunicationUserIdentifier {
  /** Id of the user as returned by the Communication Service (for example `8:acs:…`). */
  communicationUserId: string;
}

/**
 * A phone number (raw id `4:<phoneNumber>`).
 *
 * @example
 * ```ts
 * const phone: PhoneNumberIdentifier = { phoneNumber: '+14255550123' };
 * ```
 */
export interface PhoneNumberIdentifier {
  /** Optional raw id; when set (non-empty) it wins over the computed `4:<phoneNumber>`. */
  rawId?: string;
  /** The phone number, E.164 by convention (not validated). */
  phoneNumber: string;
  /** Set on a number already in the same call, to tell connections through that number apart. */
  assertedId?: string;
  /** True if the phone number is anonymous. */
  isAnonymous?: boolean;
}

/**
 * A Microsoft Teams user (raw id `8:orgid:`, `8:dod:`, `8:gcch:` or, when anonymous, `8:teamsvisitor:`).
 *
 * @example
 * ```ts
 * const teamsUser: MicrosoftTeamsUserIdentifier = {
 *   microsoftTeamsUserId: '45ab2481-1c1c-4005-be24-0ffb879b1130',
 *   cloud: 'dod',
 * };
 * ```
 */
export interface MicrosoftTeamsUserIdentifier {
  /** Optional raw id; when set (non-empty) it wins over the computed one. */
  rawId?: string;
  /** Id of the Teams user; for a user who is not anonymous, the Entra ID object id. */
  microsoftTeamsUserId: string;
  /** True for an anonymous user, for example one who joined a meeting through a link. Default false. */
  isAnonymous?: boolean;
  /** The cloud of the user. Default `"public"`. */
  cloud?: 'public' | 'dod' | 'gcch';
}

/**
 * A Microsoft Teams app (raw id `28:orgid:`, `28:dod:` or `28:gcch:`).
 *
 * @example
 * ```ts
 * const bot: MicrosoftTeamsAppIdentifier = { teamsAppId: '01234567-89ab-cdef-0123-456789abcdef' };
 * ```
 */
export interface MicrosoftTeamsAppIdentifier {
  /** Optional raw id; when set (non-empty) it wins over the computed one. */
  rawId?: string;
  /** The Teams app id. */
  teamsAppId: string;
  /** The cloud of the app. Default `"public"`. */
  cloud?: 'public' | 'dod' | 'gcch';
}

/**
 * A Teams Phone user extended through an ACS resource (raw id
 * `8:acs:<resourceId>_<tenantId>_<userId>`, or `8:dod-acs:` / `8:gcch-acs:`).
 *
 * @example
 * ```ts
 * const extensionUser: TeamsExtensionUserIdentifier = {
 *   userId: '207ffef6-9444-41fb-92ab-20eacaae2768',
 *   tenantId: '45ab2481-1c1c-4005-be24-0ffb879b1130',
 *   resourceId: 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd',
 * };
 * ```
 */
export interface TeamsExtensionUserIdentifier {
  /** Optional raw id; when set (non-empty) it wins over the computed one. */
  rawId?: string;
  /** The Entra ID object id of the user. */
  userId: string;
  /** The tenant id of the user. */
  tenantId: string;
  /** The ACS resource id. */
  resourceId: string;
  /** The cloud of the user. Default `"public"`. */
  cloud?: 'public' | 'dod' | 'gcch';
}

/**
 * An identifier of no known shape; `id` is its raw id.
 *
 * @example
 * ```ts
 * const other: UnknownIdentifier = { id: '48:45ab2481-1c1c-4005-be24-0ffb879b1130' };
 * ```
 */
export interface UnknownIdentifier {
  /** The raw id. */
  id: string;
}

/**
 * An identifier with its `kind`: a discriminated union, what `getIdentifierKind`,
 * `createIdentifierFromRawId` and `deserializeCommunicationIdentifier` return.
 *
 * @example
 * ```ts
 * const identifier: CommunicationIdentifierKind = createIdentifierFromRawId(rawId);
 * if (identifier.kind === 'phoneNumber') console.log(identifier.phoneNumber);
 * ```
 */
export type CommunicationIdentifierKind =
  | CommunicationUserKind
  | PhoneNumberKind
  | MicrosoftTeamsUserKind
  | MicrosoftTeamsAppKind
  | TeamsExtensionUserKind
  | UnknownIdentifierKind;

/**
 * A {@link CommunicationUserIdentifier} with `kind: "communicationUser"`.
 *
 * @example
 * ```ts
 * const user: CommunicationUserKind = { kind: 'communicationUser', communicationUserId: '8:acs:resource_user' };
 * ```
 */
export interface CommunicationUserKind extends CommunicationUserIdentifier {
  /** The identifier kind. */
  kind: 'communicationUser';
}

/**
 * A {@link PhoneNumberIdentifier} with `kind: "phoneNumber"`.
 *
 * @example
 * ```ts
 * const phone: PhoneNumberKind = { kind: 'phoneNumber', phoneNumber: '+14255550123' };
 * ```
 */
export interface PhoneNumberKind extends PhoneNumberIdentifier {
  /** The identifier kind. */
  kind: 'phoneNumber';
}

/**
 * A {@link MicrosoftTeamsUserIdentifier} with `kind: "microsoftTeamsUser"`.
 *
 * @example
 * ```ts
 * const teamsUser: MicrosoftTeamsUserKind = { kind: 'microsoftTeamsUser', microsoftTeamsUserId: 'abc' };
 * ```
 */
export interface MicrosoftTeamsUserKind extends MicrosoftTeamsUserIdentifier {
  /** The identifier kind. */
  kind: 'microsoftTeamsUser';
}

/**
 * A {@link MicrosoftTeamsAppIdentifier} with `kind: "microsoftTeamsApp"`.
 *
 * @example
 * ```ts
 * const app: MicrosoftTeamsAppKind = { kind: 'microsoftTeamsApp', teamsAppId: 'abc', cloud: 'gcch' };
 * ```
 */
export interface MicrosoftTeamsAppKind extends MicrosoftTeamsAppIdentifier {
  /** The identifier kind. */
  kind: 'microsoftTeamsApp';
}

/**
 * A {@link TeamsExtensionUserIdentifier} with `kind: "teamsExtensionUser"`.
 *
 * @example
 * ```ts
 * const user: TeamsExtensionUserKind = { kind: 'teamsExtensionUser', userId: 'u', tenantId: 't', resourceId: 'r' };
 * ```
 */
export interface TeamsExtensionUserKind extends TeamsExtensionUserIdentifier {
  /** The identifier kind. */
  kind: 'teamsExtensionUser';
}

/**
 * An {@link UnknownIdentifier} with `kind: "unknown"`.
 *
 * @example
 * ```ts
 * const other: UnknownIdentifierKind = { kind: 'unknown', id: '48:abc' };
 * ```
 */
export interface UnknownIdentifierKind extends UnknownIdentifier {
  /** The identifier kind. */
  kind: 'unknown';
}
