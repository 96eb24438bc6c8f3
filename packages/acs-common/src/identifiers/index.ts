export { CommunicationCloudEnvironment } from './cloud.js';
export { isIdentifierEqual } from './equality.js';
export {
  getIdentifierKind,
  isCommunicationUserIdentifier,
  isMicrosoftTeamsAppIdentifier,
  isMicrosoftTeamsUserIdentifier,
  isPhoneNumberIdentifier,
  isTeamsExtensionUserIdentifier,
  isUnknownIdentifier,
} from './kind.js';
export type {
  CommunicationIdentifier,
  CommunicationIdentifierKind,
  CommunicationUserIdentifier,
  CommunicationUserKind,
  MicrosoftTeamsAppIdentifier,
  MicrosoftTeamsAppKind,
  MicrosoftTeamsUserIdentifier,
  MicrosoftTeamsUserKind,
  PhoneNumberIdentifier,
  PhoneNumberKind,
  TeamsExtensionUserIdentifier,
  TeamsExtensionUserKind,
  UnknownIdentifier,
  UnknownIdentifierKind,
} from './models.js';
export { createIdentifierFromRawId, getIdentifierRawId } from './raw-id.js';
export { deserializeCommunicationIdentifier, serializeCommunicationIdentifier } from './serializer.js';
export type {
  SerializedCommunicationCloudEnvironment,
  SerializedCommunicationIdentifier,
  SerializedCommunicationUserIdentifier,
  SerializedMicrosoftTeamsAppIdentifier,
  SerializedMicrosoftTeamsUserIdentifier,
  SerializedPhoneNumberIdentifier,
  SerializedTeamsExtensionUserIdentifier,
} from './wire-models.js';
