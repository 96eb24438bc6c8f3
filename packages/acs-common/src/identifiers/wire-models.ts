/**
 * The REST (wire) shape of an identifier, as ACS services send and receive it. A union in
 * disguise: apart from `kind` and `rawId`, at most one nested model may be set.
 */

/**
 * A serialized identifier: `rawId` plus at most one nested model. `kind` is optional in requests.
 *
 * @example
 * ```ts
 * const wire: SerializedCommunicationIdentifier = {
 *   rawId: '4:+14255550123',
 *   phoneNumber: { value: '+14255550123' },
 * };
 * ```
 */
export interface SerializedCommunicationIdentifier {
  /** Kind of the identifier, optional. */
  kind?: string;
  /** Raw id of the identifier. Optional in requests, required in responses. */
  rawId?: string;
  /** The communication user. */
  communicationUser?: SerializedCommunicationUserIdentifier;
  /** The phone number. */
  phoneNumber?: SerializedPhoneNumberIdentifier;
  /** The Microsoft Teams user. */
  microsoftTeamsUser?: SerializedMicrosoftTeamsUserIdentifier;
  /** The Microsoft Teams app. */
  microsoftTeamsApp?: SerializedMicrosoftTeamsAppIdentifier;
  /** The Teams extension user. */
  teamsExtensionUser?: SerializedTeamsExtensionUserIdentifier;
}

/**
 * The nested wire model of a communication user.
 *
 * @example
 * ```ts
 * const user: SerializedCommunicationUserIdentifier = { id: '8:acs:resource_user' };
 * ```
 */
export interface SerializedCommunicationUserIdentifier {
  /** The id of the communication user. */
  id: string;
}

/**
 * The nested wire model of a phone number.
 *
 * @example
 * ```ts
 * const phone: SerializedPhoneNumberIdentifier = { value: '+14255550123_7', assertedId: '7' };
 * ```
 */
export interface SerializedPhoneNumberIdentifier {
  /** The phone number, E.164 by convention. */
  value: string;
  /** Distinguishes connections made through the same number in the same call. */
  assertedId?: string;
  /** True if the phone number is anonymous. */
  isAnonymous?: boolean;
}

/**
 * The nested wire model of a Microsoft Teams user.
 *
 * @example
 * ```ts
 * const teamsUser: SerializedMicrosoftTeamsUserIdentifier = { userId: 'abc', isAnonymous: false, cloud: 'public' };
 * ```
 */
export interface SerializedMicrosoftTeamsUserIdentifier {
  /** The id of the Teams user (the Entra ID object id unless anonymous). */
  userId: string;
  /** True if the user is anonymous. Default false. */
  isAnonymous?: boolean;
  /** The cloud of the user. Default `"public"`. */
  cloud?: SerializedCommunicationCloudEnvironment;
}

/**
 * The nested wire model of a Microsoft Teams app.
 *
 * @example
 * ```ts
 * const app: SerializedMicrosoftTeamsAppIdentifier = { appId: 'abc', cloud: 'gcch' };
 * ```
 */
export interface SerializedMicrosoftTeamsAppIdentifier {
  /** The id of the Teams app. */
  appId: string;
  /** The cloud of the app. Default `"public"`. */
  cloud?: SerializedCommunicationCloudEnvironment;
}

/**
 * The nested wire model of a Teams extension user.
 *
 * @example
 * ```ts
 * const user: SerializedTeamsExtensionUserIdentifier = { userId: 'u', tenantId: 't', resourceId: 'r', cloud: 'dod' };
 * ```
 */
export interface SerializedTeamsExtensionUserIdentifier {
  /** The Entra ID object id of the user. */
  userId: string;
  /** The tenant id of the user. */
  tenantId: string;
  /** The ACS resource id. */
  resourceId: string;
  /** The cloud of the user. Default `"public"`. */
  cloud?: SerializedCommunicationCloudEnvironment;
}

/**
 * A cloud name on the wire: `"public"`, `"dod"` or `"gcch"`.
 *
 * @example
 * ```ts
 * const cloud: SerializedCommunicationCloudEnvironment = 'gcch';
 * ```
 */
export type SerializedCommunicationCloudEnvironment = 'public' | 'dod' | 'gcch';
