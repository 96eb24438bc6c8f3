// Type-level drop-in parity: every identifier type and function signature of
// @azure/communication-common@2.5.0 is the same type here. The type checker resolves
// `acs-common/identifiers` through the package exports, so this checks the built declarations
// (`npm test` builds first).
import type * as official from '@azure/communication-common';
import * as ours from 'acs-common/identifiers';
import { expectTypeOf, test } from 'vitest';

test('identifier types equal the 2.5.0 ones', () => {
  expectTypeOf<ours.CommunicationIdentifier>().toEqualTypeOf<official.CommunicationIdentifier>();
  expectTypeOf<ours.CommunicationUserIdentifier>().toEqualTypeOf<official.CommunicationUserIdentifier>();
  expectTypeOf<ours.PhoneNumberIdentifier>().toEqualTypeOf<official.PhoneNumberIdentifier>();
  expectTypeOf<ours.MicrosoftTeamsUserIdentifier>().toEqualTypeOf<official.MicrosoftTeamsUserIdentifier>();
  expectTypeOf<ours.MicrosoftTeamsAppIdentifier>().toEqualTypeOf<official.MicrosoftTeamsAppIdentifier>();
  expectTypeOf<ours.TeamsExtensionUserIdentifier>().toEqualTypeOf<official.TeamsExtensionUserIdentifier>();
  expectTypeOf<ours.UnknownIdentifier>().toEqualTypeOf<official.UnknownIdentifier>();
  expectTypeOf<ours.CommunicationIdentifierKind>().toEqualTypeOf<official.CommunicationIdentifierKind>();
  expectTypeOf<ours.CommunicationUserKind>().toEqualTypeOf<official.CommunicationUserKind>();
  expectTypeOf<ours.PhoneNumberKind>().toEqualTypeOf<official.PhoneNumberKind>();
  expectTypeOf<ours.MicrosoftTeamsUserKind>().toEqualTypeOf<official.MicrosoftTeamsUserKind>();
  expectTypeOf<ours.MicrosoftTeamsAppKind>().toEqualTypeOf<official.MicrosoftTeamsAppKind>();
  expectTypeOf<ours.TeamsExtensionUserKind>().toEqualTypeOf<official.TeamsExtensionUserKind>();
  expectTypeOf<ours.UnknownIdentifierKind>().toEqualTypeOf<official.UnknownIdentifierKind>();
});

test('wire model types equal the 2.5.0 ones', () => {
  expectTypeOf<ours.SerializedCommunicationIdentifier>().toEqualTypeOf<official.SerializedCommunicationIdentifier>();
  expectTypeOf<ours.SerializedCommunicationUserIdentifier>().toEqualTypeOf<official.SerializedCommunicationUserIdentifier>();
  expectTypeOf<ours.SerializedPhoneNumberIdentifier>().toEqualTypeOf<official.SerializedPhoneNumberIdentifier>();
  expectTypeOf<ours.SerializedMicrosoftTeamsUserIdentifier>().toEqualTypeOf<official.SerializedMicrosoftTeamsUserIdentifier>();
  expectTypeOf<ours.SerializedMicrosoftTeamsAppIdentifier>().toEqualTypeOf<official.SerializedMicrosoftTeamsAppIdentifier>();
  expectTypeOf<ours.SerializedTeamsExtensionUserIdentifier>().toEqualTypeOf<official.SerializedTeamsExtensionUserIdentifier>();
  expectTypeOf<ours.SerializedCommunicationCloudEnvironment>().toEqualTypeOf<official.SerializedCommunicationCloudEnvironment>();
});

test('function signatures equal the 2.5.0 ones', () => {
  expectTypeOf<typeof ours.isCommunicationUserIdentifier>().toEqualTypeOf<
    typeof official.isCommunicationUserIdentifier
  >();
  expectTypeOf<typeof ours.isPhoneNumberIdentifier>().toEqualTypeOf<typeof official.isPhoneNumberIdentifier>();
  expectTypeOf<typeof ours.isMicrosoftTeamsUserIdentifier>().toEqualTypeOf<
    typeof official.isMicrosoftTeamsUserIdentifier
  >();
  expectTypeOf<typeof ours.isMicrosoftTeamsAppIdentifier>().toEqualTypeOf<
    typeof official.isMicrosoftTeamsAppIdentifier
  >();
  expectTypeOf<typeof ours.isTeamsExtensionUserIdentifier>().toEqualTypeOf<
    typeof official.isTeamsExtensionUserIdentifier
  >();
  expectTypeOf<typeof ours.isUnknownIdentifier>().toEqualTypeOf<typeof official.isUnknownIdentifier>();
  expectTypeOf<typeof ours.getIdentifierKind>().toEqualTypeOf<typeof official.getIdentifierKind>();
  expectTypeOf<typeof ours.getIdentifierRawId>().toEqualTypeOf<typeof official.getIdentifierRawId>();
  expectTypeOf<typeof ours.createIdentifierFromRawId>().toEqualTypeOf<typeof official.createIdentifierFromRawId>();
  expectTypeOf<typeof ours.serializeCommunicationIdentifier>().toEqualTypeOf<
    typeof official.serializeCommunicationIdentifier
  >();
  expectTypeOf<typeof ours.deserializeCommunicationIdentifier>().toEqualTypeOf<
    typeof official.deserializeCommunicationIdentifier
  >();
});

test('the guards narrow as in 2.5.0', () => {
  const identifier = {} as ours.CommunicationIdentifier;
  if (ours.isPhoneNumberIdentifier(identifier)) expectTypeOf(identifier).toEqualTypeOf<ours.PhoneNumberIdentifier>();
  const kind = ours.createIdentifierFromRawId('4:+1');
  if (kind.kind === 'teamsExtensionUser') expectTypeOf(kind.resourceId).toEqualTypeOf<string>();
});
