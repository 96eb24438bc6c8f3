import {
  CommunicationCloudEnvironment,
  getIdentifierRawId,
  type MicrosoftTeamsAppIdentifier,
} from 'acs-common/identifiers';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('CommunicationCloudEnvironment', () => {
  it('names the three clouds with the values identifiers carry (.NET known values)', () => {
    expect(CommunicationCloudEnvironment).toStrictEqual({ Public: 'public', Dod: 'dod', Gcch: 'gcch' });
    expect(Object.isFrozen(CommunicationCloudEnvironment)).toBe(true);
    expect(getIdentifierRawId({ teamsAppId: 'a', cloud: CommunicationCloudEnvironment.Gcch })).toBe('28:gcch:a');
  });

  it('is also the type of a cloud name, assignable to the identifier cloud fields', () => {
    expectTypeOf<CommunicationCloudEnvironment>().toEqualTypeOf<'public' | 'dod' | 'gcch'>();
    expectTypeOf<CommunicationCloudEnvironment>().toExtend<NonNullable<MicrosoftTeamsAppIdentifier['cloud']>>();
  });
});
