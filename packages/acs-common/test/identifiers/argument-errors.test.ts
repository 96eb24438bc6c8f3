// Where 2.5.0 crashes natively on a wrong argument, we throw a TypeError as well (the same class),
// with a message that says which argument is wrong and what it must be.
import * as official from '@azure/communication-common';
import * as ours from 'acs-common/identifiers';
import { describe, expect, it } from 'vitest';

/** [name, 2.5.0, ours] for every function whose argument is an identifier. */
const IDENTIFIER_FUNCTIONS = [
  ['getIdentifierKind', official.getIdentifierKind, ours.getIdentifierKind],
  ['getIdentifierRawId', official.getIdentifierRawId, ours.getIdentifierRawId],
  [
    'serializeCommunicationIdentifier',
    official.serializeCommunicationIdentifier,
    ours.serializeCommunicationIdentifier,
  ],
  ['isCommunicationUserIdentifier', official.isCommunicationUserIdentifier, ours.isCommunicationUserIdentifier],
  ['isPhoneNumberIdentifier', official.isPhoneNumberIdentifier, ours.isPhoneNumberIdentifier],
  ['isMicrosoftTeamsUserIdentifier', official.isMicrosoftTeamsUserIdentifier, ours.isMicrosoftTeamsUserIdentifier],
  ['isMicrosoftTeamsAppIdentifier', official.isMicrosoftTeamsAppIdentifier, ours.isMicrosoftTeamsAppIdentifier],
  ['isTeamsExtensionUserIdentifier', official.isTeamsExtensionUserIdentifier, ours.isTeamsExtensionUserIdentifier],
  ['isUnknownIdentifier', official.isUnknownIdentifier, ours.isUnknownIdentifier],
] as const;

const call = (fn: unknown, argument: unknown) => () => (fn as (a: unknown) => unknown)(argument);

describe('functions taking an identifier', () => {
  for (const [name, theirs, mine] of IDENTIFIER_FUNCTIONS) {
    it.each([null, undefined])(`${name}(%s) throws a clear TypeError where 2.5.0 throws a native one`, (value) => {
      expect(call(theirs, value)).toThrow(TypeError);
      expect(call(mine, value)).toThrowError(
        new TypeError(`identifier must be a CommunicationIdentifier object, got ${value}`),
      );
    });
  }
});

describe('createIdentifierFromRawId', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [5, 'number'],
    [{}, 'object'],
    [Symbol('x'), 'symbol'],
    [['8:orgid:x'], 'object'],
  ])('rejects %s with a TypeError naming the argument, where 2.5.0 throws a native TypeError', (value, type) => {
    expect(call(official.createIdentifierFromRawId, value)).toThrow(TypeError);
    expect(call(ours.createIdentifierFromRawId, value)).toThrowError(
      new TypeError(`rawId must be a string, got ${type}`),
    );
  });

  // Deliberate difference: 2.5.0 duck-types the argument (`startsWith`, `split`), so a String
  // wrapper object happens to work there; we accept primitive strings only.
  it('rejects a String object, which 2.5.0 happens to accept', () => {
    const wrapped = new String('8:orgid:x') as unknown as string;
    expect(official.createIdentifierFromRawId(wrapped).kind).toBe('microsoftTeamsUser');
    expect(call(ours.createIdentifierFromRawId, wrapped)).toThrowError(
      new TypeError('rawId must be a string, got object'),
    );
  });
});

describe('deserializeCommunicationIdentifier', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [5, 'number'],
    ['8:acs:x', 'string'],
    [true, 'boolean'],
  ])('rejects %s with a TypeError naming the argument, where 2.5.0 throws a native one', (value, type) => {
    expect(call(official.deserializeCommunicationIdentifier, value)).toThrow(TypeError);
    expect(call(ours.deserializeCommunicationIdentifier, value)).toThrowError(
      new TypeError(`serializedIdentifier must be an object, got ${type}`),
    );
  });

  it('lets a nested model that is a truthy primitive fail as in 2.5.0 (native TypeError of `in`)', () => {
    const serialized = { communicationUser: 'abc' } as unknown as ours.SerializedCommunicationIdentifier;
    expect(call(ours.deserializeCommunicationIdentifier, serialized)).toThrowError(
      new TypeError("Cannot use 'in' operator to search for 'id' in abc"),
    );
    expect(call(official.deserializeCommunicationIdentifier, serialized)).toThrowError(
      new TypeError("Cannot use 'in' operator to search for 'id' in abc"),
    );
  });
});

// Deliberate difference: we read the fields from the identifier itself; 2.5.0 classifies the
// identifier but then reads a shallow copy (`{ ...identifier }`), which drops inherited properties
// such as class getters, so it returned `undefined` raw ids for them.
describe('identifiers with inherited fields (class instances)', () => {
  class Participant {
    get communicationUserId(): string {
      return '8:acs:resource_user';
    }
  }
  class Visitor {
    readonly isAnonymous = true;
    get microsoftTeamsUserId(): string {
      return 'abc';
    }
  }

  it('are classified the same, but their raw id and wire model are read', () => {
    for (const instance of [new Participant(), new Visitor()]) {
      expect(ours.getIdentifierKind(instance).kind).toBe(official.getIdentifierKind(instance).kind);
    }
    expect(official.getIdentifierRawId(new Participant())).toBeUndefined();
    expect(ours.getIdentifierRawId(new Participant())).toBe('8:acs:resource_user');
    expect(official.getIdentifierRawId(new Visitor())).toBe('8:teamsvisitor:undefined');
    expect(ours.getIdentifierRawId(new Visitor())).toBe('8:teamsvisitor:abc');
    expect(ours.serializeCommunicationIdentifier(new Participant())).toStrictEqual({
      rawId: '8:acs:resource_user',
      communicationUser: { id: '8:acs:resource_user' },
    });
  });
});
