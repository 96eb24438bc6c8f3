// isIdentifierEqual: .NET semantics (reference/dotnet-common.md §1.4): equal when of the same kind
// with the same raw id. Vectors of §5.1 items 1, 9 and 10, with .NET constructors written as the
// equivalent JS identifiers.
import * as official from '@azure/communication-common';
import {
  type CommunicationIdentifier,
  createIdentifierFromRawId,
  getIdentifierRawId,
  isIdentifierEqual,
} from 'acs-common/identifiers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const A = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';
const B = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const C = '207ffef6-9444-41fb-92ab-20eacaae2768';

function expectEqual(a: CommunicationIdentifier, b: CommunicationIdentifier, equal: boolean): void {
  expect(isIdentifierEqual(a, b)).toBe(equal);
  expect(isIdentifierEqual(b, a)).toBe(equal);
}

describe('isIdentifierEqual: raw id takes precedence (.NET §5.1 item 1)', () => {
  it('Teams users', () => {
    expectEqual({ microsoftTeamsUserId: B, isAnonymous: true }, { microsoftTeamsUserId: B, isAnonymous: true }, true);
    expectEqual(
      { microsoftTeamsUserId: B, isAnonymous: true, rawId: 'Raw Id' },
      { microsoftTeamsUserId: B, isAnonymous: true, rawId: 'Another Raw Id' },
      false,
    );
    expectEqual(
      { microsoftTeamsUserId: 'override', isAnonymous: true, rawId: `8:teamsvisitor:${B}` },
      { microsoftTeamsUserId: B, isAnonymous: true },
      true,
    );
  });

  it('phone numbers', () => {
    expectEqual({ phoneNumber: '+14255550123' }, { phoneNumber: '+14255550123' }, true);
    expectEqual(
      { phoneNumber: '+14255550123', rawId: 'Raw Id' },
      { phoneNumber: '+14255550123', rawId: 'Another Raw Id' },
      false,
    );
    expectEqual({ phoneNumber: '+override', rawId: '4:14255550123' }, { phoneNumber: '14255550123' }, true);
  });

  it('Teams apps', () => {
    expectEqual({ teamsAppId: B }, { teamsAppId: B }, true);
    expectEqual({ teamsAppId: B }, { teamsAppId: B, cloud: 'public' }, true);
    expectEqual({ teamsAppId: B }, { teamsAppId: B, cloud: 'dod' }, false);
    expectEqual({ teamsAppId: B }, { teamsAppId: B, cloud: 'gcch' }, false);
    expectEqual({ teamsAppId: 'override' }, { teamsAppId: B }, false);
  });

  it('Teams extension users', () => {
    const user = { userId: C, tenantId: B, resourceId: A };
    expectEqual(user, { ...user }, true);
    expectEqual(user, { ...user, cloud: 'public' }, true);
    expectEqual(user, { ...user, cloud: 'gcch' }, false);
    expectEqual(user, { ...user, cloud: 'dod' }, false);
  });

  // JS difference from .NET: an empty rawId is ignored by getIdentifierRawId (2.5.0 rule), so it
  // does not make two otherwise equal identifiers different; .NET keeps "" as the RawId.
  it('uses the JS raw id, in which an empty rawId is recomputed', () => {
    expectEqual({ phoneNumber: '1', rawId: '' }, { phoneNumber: '1' }, true);
  });
});

describe('isIdentifierEqual: identifiers from raw ids (.NET §5.1 item 9)', () => {
  const pairs: [CommunicationIdentifier, string][] = [
    [{ communicationUserId: `8:acs:${A}_${B}` }, `8:acs:${A}_${B}`],
    [{ microsoftTeamsUserId: B }, `8:orgid:${B}`],
    [{ phoneNumber: '+14255550123' }, '4:+14255550123'],
    [{ teamsAppId: B }, `28:orgid:${B}`],
    [{ userId: C, tenantId: B, resourceId: A }, `8:acs:${A}_${B}_${C}`],
    [{ id: `48:${B}` }, `48:${B}`],
  ];
  it.each(pairs)('%j equals createIdentifierFromRawId(%s), and both key a Map the same', (identifier, rawId) => {
    const parsed = createIdentifierFromRawId(rawId);
    expectEqual(identifier, parsed, true);
    const byRawId = new Map([[getIdentifierRawId(identifier), 'value']]);
    expect(byRawId.get(getIdentifierRawId(parsed))).toBe('value');
  });
});

describe('isIdentifierEqual never throws (.NET §5.1 item 10)', () => {
  const user123 = { communicationUserId: '123' };
  it('compares with null and undefined', () => {
    expect(isIdentifierEqual(user123, null)).toBe(false);
    expect(isIdentifierEqual(null, user123)).toBe(false);
    expect(isIdentifierEqual(undefined, user123)).toBe(false);
    expect(isIdentifierEqual(user123, undefined)).toBe(false);
    expect(isIdentifierEqual(null, null)).toBe(true);
    expect(isIdentifierEqual(undefined, undefined)).toBe(true);
    expect(isIdentifierEqual(null, undefined)).toBe(false);
  });

  it('compares by reference, value, id and kind', () => {
    expect(isIdentifierEqual(user123, user123)).toBe(true);
    expect(isIdentifierEqual(user123, { communicationUserId: '123' })).toBe(true);
    expect(isIdentifierEqual(user123, { communicationUserId: '124' })).toBe(false);
    expect(isIdentifierEqual(user123, { microsoftTeamsUserId: '123' })).toBe(false);
    // Same raw id, different kinds (.NET: different types are never equal).
    expect(isIdentifierEqual({ communicationUserId: '48:x' }, { id: '48:x' })).toBe(false);
  });

  it('does not call two objects without a raw id equal', () => {
    const notAnIdentifier = { foo: 1 } as unknown as CommunicationIdentifier;
    expect(isIdentifierEqual(notAnIdentifier, { bar: 2 } as unknown as CommunicationIdentifier)).toBe(false);
    expect(isIdentifierEqual(notAnIdentifier, notAnIdentifier)).toBe(true);
  });
});

describe('isIdentifierEqual properties', () => {
  const identifier = fc.oneof(
    fc.record(
      {
        communicationUserId: fc.constantFrom('a', 'b'),
        phoneNumber: fc.constantFrom('+1', '+2'),
        microsoftTeamsUserId: fc.constantFrom('a', 'b'),
        teamsAppId: fc.constantFrom('a', 'b'),
        userId: fc.constantFrom('a', 'b'),
        tenantId: fc.constantFrom('t'),
        resourceId: fc.constantFrom('r'),
        id: fc.constantFrom('a', '4:+1', '8:orgid:a'),
        rawId: fc.constantFrom('', '4:+1', '8:orgid:a', '28:dod:a'),
        isAnonymous: fc.boolean(),
        cloud: fc.constantFrom('public', 'dod', 'gcch', 'mars'),
      },
      { requiredKeys: [] },
    ),
    fc
      .constantFrom('4:+1', '8:orgid:a', '8:teamsvisitor:a', '28:dod:a', '8:acs:r_t_a', 'a')
      .map(createIdentifierFromRawId),
  ) as fc.Arbitrary<CommunicationIdentifier>;

  it('is "same kind and same string raw id" (kinds and raw ids from 2.5.0), symmetric and reflexive', () => {
    fc.assert(
      fc.property(identifier, identifier, (a, b) => {
        const rawId = official.getIdentifierRawId(a);
        const expected =
          official.getIdentifierKind(a).kind === official.getIdentifierKind(b).kind &&
          typeof rawId === 'string' &&
          rawId === official.getIdentifierRawId(b);
        expect(isIdentifierEqual(a, b)).toBe(expected);
        expect(isIdentifierEqual(b, a)).toBe(expected);
        expect(isIdentifierEqual(a, a)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
