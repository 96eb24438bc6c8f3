// Vectors of reference/js-common.md §6.2 (identifierModelSerializer.spec.ts) and the applicable
// ones of reference/dotnet-common.md §5.11. Outputs are compared with their keys in order.
import {
  type CommunicationIdentifier,
  deserializeCommunicationIdentifier,
  type SerializedCommunicationIdentifier,
  serializeCommunicationIdentifier,
} from 'acs-common/identifiers';
import { describe, expect, it } from 'vitest';

const X = '8:acs:37691ec4-57fb-4c0f-ae31-32791610cb14_37691ec4-57fb-4c0f-ae31-32791610cb14';
const Y = '37691ec4-57fb-4c0f-ae31-32791610cb14';
const U = '207ffef6-9444-41fb-92ab-20eacaae2768';
const T = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const R = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';

function expectExactly(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  const entries = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.entries(value).map(([key, inner]) => [key, entries(inner)])
      : value;
  expect(entries(actual)).toStrictEqual(entries(expected));
}

const wire = (value: object): SerializedCommunicationIdentifier => value as SerializedCommunicationIdentifier;

describe('serializeCommunicationIdentifier (js §6.2 items 1–2, .NET §5.11)', () => {
  const cases: [CommunicationIdentifier, object][] = [
    [{ communicationUserId: X }, { rawId: X, communicationUser: { id: X } }],
    [
      { microsoftTeamsUserId: Y },
      { rawId: `8:orgid:${Y}`, microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'public' } },
    ],
    [
      { microsoftTeamsUserId: Y, isAnonymous: false },
      { rawId: `8:orgid:${Y}`, microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'public' } },
    ],
    [
      { microsoftTeamsUserId: Y, isAnonymous: true },
      { rawId: `8:teamsvisitor:${Y}`, microsoftTeamsUser: { userId: Y, isAnonymous: true, cloud: 'public' } },
    ],
    [
      { microsoftTeamsUserId: Y, rawId: 'override' },
      { rawId: 'override', microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'public' } },
    ],
    [
      { microsoftTeamsUserId: Y, cloud: 'dod' },
      { rawId: `8:dod:${Y}`, microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'dod' } },
    ],
    [
      { phoneNumber: '+12345556789' },
      { rawId: '4:+12345556789', phoneNumber: { value: '+12345556789', isAnonymous: false, assertedId: undefined } },
    ],
    [
      { phoneNumber: '+12345556789', rawId: 'override' },
      { rawId: 'override', phoneNumber: { value: '+12345556789', isAnonymous: false, assertedId: undefined } },
    ],
    [
      { phoneNumber: 'anonymous', isAnonymous: true },
      { rawId: '4:anonymous', phoneNumber: { value: 'anonymous', isAnonymous: true, assertedId: undefined } },
    ],
    [
      { phoneNumber: '+12345556789_123', assertedId: '123' },
      {
        rawId: '4:+12345556789_123',
        phoneNumber: { value: '+12345556789_123', isAnonymous: false, assertedId: '123' },
      },
    ],
    [
      { userId: U, tenantId: T, resourceId: R },
      { rawId: `8:acs:${R}_${T}_${U}`, teamsExtensionUser: { userId: U, tenantId: T, resourceId: R, cloud: 'public' } },
    ],
    [
      { userId: U, tenantId: T, resourceId: R, cloud: 'dod' },
      {
        rawId: `8:dod-acs:${R}_${T}_${U}`,
        teamsExtensionUser: { userId: U, tenantId: T, resourceId: R, cloud: 'dod' },
      },
    ],
    [
      { teamsAppId: 'Microsoft Teams App Id', cloud: 'dod' },
      { rawId: '28:dod:Microsoft Teams App Id', microsoftTeamsApp: { appId: 'Microsoft Teams App Id', cloud: 'dod' } },
    ],
    [{ id: `48:${Y}` }, { rawId: `48:${Y}` }],
    [{ kind: 'foobar', id: '42', someOtherProp: true } as unknown as CommunicationIdentifier, { rawId: '42' }],
    // .NET §5.11 item 9: the phone number rawId is "4:" + number whether or not it was given.
    [
      { phoneNumber: '+12223334444', rawId: '4:+12223334444' },
      { rawId: '4:+12223334444', phoneNumber: { value: '+12223334444', isAnonymous: false, assertedId: undefined } },
    ],
  ];
  it.each(cases)('%j', (identifier, expected) => {
    expectExactly(serializeCommunicationIdentifier(identifier), expected);
  });

  it('keeps an empty rawId and passes a bogus cloud through (2.5.0 quirks)', () => {
    expect(serializeCommunicationIdentifier({ phoneNumber: '1', rawId: '' }).rawId).toBe('');
    const bogus = { teamsAppId: 'a', cloud: 'mars' } as unknown as CommunicationIdentifier;
    expectExactly(serializeCommunicationIdentifier(bogus), {
      rawId: '28:orgid:a',
      microsoftTeamsApp: { appId: 'a', cloud: 'mars' },
    });
    expectExactly(serializeCommunicationIdentifier({ foo: 1 } as unknown as CommunicationIdentifier), {
      rawId: undefined,
    });
  });
});

describe('deserializeCommunicationIdentifier (js §6.2 items 3–4, 6, .NET §5.11)', () => {
  const cases: [object, object][] = [
    [{ communicationUser: { id: X } }, { kind: 'communicationUser', communicationUserId: X }],
    [
      { kind: 'communicationUser', communicationUser: { id: X } },
      { kind: 'communicationUser', communicationUserId: X },
    ],
    [
      { communicationUser: { id: X, someFutureProperty: true }, rawId: 'Raw Id' },
      { kind: 'communicationUser', communicationUserId: X },
    ],
    [
      { kind: 'communicationUser', rawId: X },
      { kind: 'unknown', id: X },
    ],
    [
      { phoneNumber: { value: '+1234555000' }, rawId: '4:+1234555000' },
      {
        kind: 'phoneNumber',
        phoneNumber: '+1234555000',
        rawId: '4:+1234555000',
        isAnonymous: false,
        assertedId: undefined,
      },
    ],
    [
      { kind: 'phoneNumber', phoneNumber: { value: '+1234555000' }, rawId: '4:+1234555000' },
      {
        kind: 'phoneNumber',
        phoneNumber: '+1234555000',
        rawId: '4:+1234555000',
        isAnonymous: false,
        assertedId: undefined,
      },
    ],
    [
      { phoneNumber: { value: 'anonymous', isAnonymous: true }, rawId: '4:anonymous' },
      { kind: 'phoneNumber', phoneNumber: 'anonymous', rawId: '4:anonymous', isAnonymous: true, assertedId: undefined },
    ],
    [
      { phoneNumber: { value: '+1234555000_123', isAnonymous: false, assertedId: '123' }, rawId: '4:+1234555000' },
      {
        kind: 'phoneNumber',
        phoneNumber: '+1234555000_123',
        rawId: '4:+1234555000',
        isAnonymous: false,
        assertedId: '123',
      },
    ],
    [
      { phoneNumber: { value: '+1234555000_123', assertedId: '123' }, rawId: '4:+1234555000' },
      {
        kind: 'phoneNumber',
        phoneNumber: '+1234555000_123',
        rawId: '4:+1234555000',
        isAnonymous: false,
        assertedId: '123',
      },
    ],
    [
      { kind: 'phoneNumber', rawId: '4:+1234555000' },
      { kind: 'unknown', id: '4:+1234555000' },
    ],
    [
      { microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'public' }, rawId: `8:orgid:${Y}` },
      {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUserId: Y,
        isAnonymous: false,
        cloud: 'public',
        rawId: `8:orgid:${Y}`,
      },
    ],
    [
      {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUser: { userId: Y, isAnonymous: true, cloud: 'public' },
        rawId: `8:teamsvisitor:${Y}`,
      },
      {
        kind: 'microsoftTeamsUser',
        microsoftTeamsUserId: Y,
        isAnonymous: true,
        cloud: 'public',
        rawId: `8:teamsvisitor:${Y}`,
      },
    ],
    [
      { microsoftTeamsUser: { userId: Y, isAnonymous: false, cloud: 'gcch' }, rawId: 'Raw Id' },
      { kind: 'microsoftTeamsUser', microsoftTeamsUserId: Y, isAnonymous: false, cloud: 'gcch', rawId: 'Raw Id' },
    ],
    [
      { microsoftTeamsUser: { userId: Y, isAnonymous: true, cloud: 'public', someOtherProp: true }, rawId: 'x' },
      { kind: 'microsoftTeamsUser', microsoftTeamsUserId: Y, isAnonymous: true, cloud: 'public', rawId: 'x' },
    ],
    [
      { kind: 'microsoftTeamsUser', rawId: `8:orgid:${Y}` },
      { kind: 'unknown', id: `8:orgid:${Y}` },
    ],
    [
      { microsoftTeamsApp: { appId: 'App', cloud: 'gcch' }, rawId: 'Raw Id' },
      { kind: 'microsoftTeamsApp', teamsAppId: 'App', cloud: 'gcch', rawId: 'Raw Id' },
    ],
    [
      { kind: 'microsoftTeamsApp', rawId: 'Raw Id' },
      { kind: 'unknown', id: 'Raw Id' },
    ],
    [
      {
        kind: 'teamsExtensionUser',
        rawId: `8:dod-acs:${R}_${T}_${U}`,
        teamsExtensionUser: { userId: U, tenantId: T, resourceId: R, cloud: 'dod' },
      },
      {
        kind: 'teamsExtensionUser',
        userId: U,
        tenantId: T,
        resourceId: R,
        cloud: 'dod',
        rawId: `8:dod-acs:${R}_${T}_${U}`,
      },
    ],
    [
      { rawId: `8:acs:${R}_${T}_${U}`, teamsExtensionUser: { userId: U, tenantId: T, resourceId: R, cloud: 'public' } },
      {
        kind: 'teamsExtensionUser',
        userId: U,
        tenantId: T,
        resourceId: R,
        cloud: 'public',
        rawId: `8:acs:${R}_${T}_${U}`,
      },
    ],
    [
      { rawId: `8:acs:${R}_${T}_${U}`, kind: 'teamsExtensionUser' },
      { kind: 'unknown', id: `8:acs:${R}_${T}_${U}` },
    ],
    [{ rawId: `48:${Y}` }, { kind: 'unknown', id: `48:${Y}` }],
    [
      { kind: 'unknown', rawId: `48:${Y}` },
      { kind: 'unknown', id: `48:${Y}` },
    ],
    [
      { rawId: '42', someOtherProp: true },
      { kind: 'unknown', id: '42' },
    ],
    [
      { kind: 'somethingNew', communicationUser: { id: X }, rawId: 'r' },
      { kind: 'unknown', id: 'r' },
    ],
    // A present-but-undefined required property passes (`in`), as in 2.5.0.
    [{ rawId: undefined }, { kind: 'unknown', id: undefined }],
  ];
  it.each(cases)('%j', (serialized, expected) => {
    expectExactly(deserializeCommunicationIdentifier(wire(serialized)), expected);
  });
});

describe('deserializeCommunicationIdentifier errors (js §6.2 items 5 and 7, .NET §5.11 items 1–2)', () => {
  const missing: [object, string][] = [
    [{ communicationUser: {} }, 'Property id is required for identifier of type communicationUser.'],
    [{ phoneNumber: {} }, 'Property value is required for identifier of type phoneNumber.'],
    [{ phoneNumber: { value: '+1' } }, 'Property rawId is required for identifier of type phoneNumber.'],
    [{ microsoftTeamsUser: {} }, 'Property userId is required for identifier of type microsoftTeamsUser.'],
    [
      { microsoftTeamsUser: { userId: 'u' } },
      'Property isAnonymous is required for identifier of type microsoftTeamsUser.',
    ],
    [
      { microsoftTeamsUser: { userId: 'u', isAnonymous: false } },
      'Property cloud is required for identifier of type microsoftTeamsUser.',
    ],
    [
      { microsoftTeamsUser: { userId: 'u', isAnonymous: false, cloud: 'public' } },
      'Property rawId is required for identifier of type microsoftTeamsUser.',
    ],
    [{ microsoftTeamsApp: { appId: 'a' } }, 'Property cloud is required for identifier of type microsoftTeamsApp.'],
    [
      { teamsExtensionUser: { userId: 'u' } },
      'Property tenantId is required for identifier of type teamsExtensionUser.',
    ],
    [
      { teamsExtensionUser: { userId: 'u', tenantId: 't' } },
      'Property resourceId is required for identifier of type teamsExtensionUser.',
    ],
    [
      { teamsExtensionUser: { userId: 'u', tenantId: 't', resourceId: 'r' } },
      'Property cloud is required for identifier of type teamsExtensionUser.',
    ],
    [{ someProp: true }, 'Property rawId is required for identifier of type unknown.'],
  ];
  it.each(missing)('%j → %s', (serialized, message) => {
    expect(() => deserializeCommunicationIdentifier(wire(serialized))).toThrowError(new TypeError(message));
  });

  const several: [object, string][] = [
    [
      { microsoftTeamsUser: { userId: 'u', isAnonymous: true, cloud: 'public' }, communicationUser: { id: 'c' } },
      '["communicationUser","microsoftTeamsUser"]',
    ],
    [{ communicationUser: { id: 'c' }, phoneNumber: { value: 'p' } }, '["communicationUser","phoneNumber"]'],
    [{ microsoftTeamsUser: { userId: 'u' }, phoneNumber: { value: 'p' } }, '["microsoftTeamsUser","phoneNumber"]'],
    [
      { communicationUser: { id: 'c' }, microsoftTeamsUser: { userId: 'u' }, phoneNumber: { value: 'p' } },
      '["communicationUser","microsoftTeamsUser","phoneNumber"]',
    ],
    [{ teamsExtensionUser: {}, communicationUser: { id: 'c' } }, '["communicationUser","teamsExtensionUser"]'],
    [
      { communicationUser: { id: 'c' }, microsoftTeamsApp: { appId: 'a' } },
      '["communicationUser","microsoftTeamsApp"]',
    ],
    // null counts as present (`!== undefined`), as in 2.5.0.
    [{ communicationUser: null, phoneNumber: null, rawId: 'r' }, '["communicationUser","phoneNumber"]'],
  ];
  it.each(several)('%j → %s', (serialized, list) => {
    const message = `Only one of the properties in ${list} should be present.`;
    expect(() => deserializeCommunicationIdentifier(wire(serialized))).toThrowError(new TypeError(message));
    expect(message).toMatch(/^Only one of the properties in \[[\w,"\s]+\] should be present.$/);
  });

  it("throws TypeErrors with 2.5.0's messages (2.5.0 throws plain Errors): a bad argument", () => {
    for (const serialized of [{}, { communicationUser: { id: 'c' }, phoneNumber: { value: 'p' } }]) {
      try {
        deserializeCommunicationIdentifier(wire(serialized));
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).name).toBe('TypeError');
      }
    }
  });
});
