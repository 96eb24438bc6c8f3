// Differential property tests against the official @azure/communication-common@2.5.0: for every
// generated input, our result (with its keys in order, nested too) or our error (class and
// message) must be the one 2.5.0 gives.
import * as official from '@azure/communication-common';
import * as ours from 'acs-common/identifiers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type Outcome = readonly ['returned', unknown] | readonly ['threw', string, string];

/** Values with every object replaced by its entries, recursively: key order and presence matter. */
function shape(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.entries(value).map(([key, inner]) => [key, shape(inner)]);
}

function outcome(run: () => unknown): Outcome {
  try {
    return ['returned', shape(run())];
  } catch (error) {
    return ['threw', (error as Error).constructor.name, (error as Error).message];
  }
}

/** The functions under comparison: [2.5.0, ours]. */
const PAIRS = {
  createIdentifierFromRawId: [official.createIdentifierFromRawId, ours.createIdentifierFromRawId],
  getIdentifierRawId: [official.getIdentifierRawId, ours.getIdentifierRawId],
  getIdentifierKind: [official.getIdentifierKind, ours.getIdentifierKind],
  isCommunicationUserIdentifier: [official.isCommunicationUserIdentifier, ours.isCommunicationUserIdentifier],
  isPhoneNumberIdentifier: [official.isPhoneNumberIdentifier, ours.isPhoneNumberIdentifier],
  isMicrosoftTeamsUserIdentifier: [official.isMicrosoftTeamsUserIdentifier, ours.isMicrosoftTeamsUserIdentifier],
  isMicrosoftTeamsAppIdentifier: [official.isMicrosoftTeamsAppIdentifier, ours.isMicrosoftTeamsAppIdentifier],
  isTeamsExtensionUserIdentifier: [official.isTeamsExtensionUserIdentifier, ours.isTeamsExtensionUserIdentifier],
  isUnknownIdentifier: [official.isUnknownIdentifier, ours.isUnknownIdentifier],
  serializeCommunicationIdentifier: [official.serializeCommunicationIdentifier, ours.serializeCommunicationIdentifier],
  deserializeCommunicationIdentifier: [
    official.deserializeCommunicationIdentifier,
    ours.deserializeCommunicationIdentifier,
  ],
} as const;

/**
 * The one deliberate difference (README table): the deserializer's own argument errors are
 * `TypeError`s, where 2.5.0 throws plain `Error`s with the same messages.
 */
function expectedOf(name: keyof typeof PAIRS, official: Outcome): Outcome {
  return name === 'deserializeCommunicationIdentifier' && official[0] === 'threw' && official[1] === 'Error'
    ? ['threw', 'TypeError', official[2]]
    : official;
}

/** Runs the same call on both libraries and expects the same outcome. */
function expectSame(name: keyof typeof PAIRS, argument: unknown): void {
  const [theirs, mine] = PAIRS[name] as unknown as readonly [(a: unknown) => unknown, (a: unknown) => unknown];
  expect(outcome(() => mine(argument))).toStrictEqual(
    expectedOf(
      name,
      outcome(() => theirs(argument)),
    ),
  );
}

const ALL_PREFIXES = [
  '4:',
  '8:orgid:',
  '8:dod:',
  '8:gcch:',
  '8:teamsvisitor:',
  '8:acs:',
  '8:dod-acs:',
  '8:gcch-acs:',
  '8:spool:',
  '28:orgid:',
  '28:dod:',
  '28:gcch:',
];
const NEAR_MISSES = [
  '',
  '4',
  '8:',
  '28:',
  '48:',
  '8:ORGID:',
  '28:gcch-global:',
  '28:ag08-global:',
  ' 8:acs:',
  '8:acs',
  ':',
];

/** Strings heavy in the grammar's separators and keywords, so every branch is reached often. */
const grammarToken = fc.oneof(
  fc.constantFrom(':', '_', '__', '4:', '8:', 'anonymous', 'acs', 'orgid', 'dod', 'gcch', '+1', ''),
  fc.string({ maxLength: 6 }),
);
const grammarText = fc.array(grammarToken, { maxLength: 6 }).map((parts) => parts.join(''));

/** Raw ids built from the grammar: any prefix (or a near miss), then `_`/`:`-separated parts. */
const generatedRawId = fc
  .tuple(fc.constantFrom(...ALL_PREFIXES, ...NEAR_MISSES), grammarText)
  .map(([prefix, rest]) => prefix + rest);

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(':', '_', '4', '8', '2', 'a') }),
  grammarText,
  generatedRawId,
);

describe('createIdentifierFromRawId and getIdentifierRawId against 2.5.0', () => {
  it('give the same results for arbitrary strings', () => {
    fc.assert(
      fc.property(anyString, (rawId) => {
        expectSame('createIdentifierFromRawId', rawId);
        const parsed = official.createIdentifierFromRawId(rawId);
        expectSame('getIdentifierRawId', parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it('give the same results for raw ids generated from the grammar', () => {
    fc.assert(
      fc.property(generatedRawId, (rawId) => {
        expectSame('createIdentifierFromRawId', rawId);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trip every string: getIdentifierRawId(createIdentifierFromRawId(s)) === s', () => {
    fc.assert(
      fc.property(anyString, (rawId) => {
        expect(ours.getIdentifierRawId(ours.createIdentifierFromRawId(rawId))).toBe(rawId);
      }),
      { numRuns: 3000 },
    );
  });
});

// Identifier-like objects: any subset of every identifier field, in any order, with values that
// are right, empty, missing-but-present (`undefined`), of the wrong type, or bogus clouds.
const stringish = fc.oneof(fc.constantFrom('', 'x', 'a_b', '8:acs:r_t_u', '4:+1'), fc.string({ maxLength: 8 }));
const wrongType = fc.constantFrom(undefined, null, null, 0, 1, true, false, Number.NaN);
const fieldValue = fc.oneof({ weight: 4, arbitrary: stringish }, { weight: 1, arbitrary: wrongType });
const cloudValue = fc.oneof(
  fc.constantFrom('public', 'dod', 'gcch', 'anonymous', 'spool', 'PUBLIC', 'mars', '', 'toString', '__defineGetter__'),
  wrongType,
);
const identifierEntry = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      'communicationUserId',
      'phoneNumber',
      'microsoftTeamsUserId',
      'teamsAppId',
      'userId',
      'tenantId',
      'resourceId',
      'id',
      'rawId',
      'assertedId',
      'kind',
    ),
    fieldValue,
  ),
  fc.tuple(fc.constant('cloud'), cloudValue),
  fc.tuple(fc.constant('isAnonymous'), fc.constantFrom(true, false, undefined, null, 0, 1, 'yes', '')),
  fc.tuple(fc.constantFrom('extra', 'someOtherProp', '0'), fc.anything({ maxDepth: 1 })),
);
/** Generated entries weighted so that each kind's fields come up together often. */
const kindSeed = fc.constantFrom<[string, unknown][]>(
  [],
  [['communicationUserId', 'c']],
  [['phoneNumber', '+1']],
  [['microsoftTeamsUserId', 't']],
  [['teamsAppId', 'a']],
  [
    ['userId', 'u'],
    ['tenantId', 't'],
    ['resourceId', 'r'],
  ],
  [['id', 'i']],
);
const identifierLike = fc
  .tuple(kindSeed, fc.array(identifierEntry, { maxLength: 7 }))
  .map(([seed, entries]) => Object.fromEntries([...seed, ...entries]) as unknown as ours.CommunicationIdentifier);

const GUARDS = [
  'isCommunicationUserIdentifier',
  'isPhoneNumberIdentifier',
  'isMicrosoftTeamsUserIdentifier',
  'isMicrosoftTeamsAppIdentifier',
  'isTeamsExtensionUserIdentifier',
  'isUnknownIdentifier',
] as const;

describe('identifier objects against 2.5.0', () => {
  it('give the same kind, guards, raw id and wire model', () => {
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        expectSame('getIdentifierKind', identifier);
        for (const guard of GUARDS) expectSame(guard, identifier);
        expectSame('getIdentifierRawId', identifier);
        expectSame('serializeCommunicationIdentifier', identifier);
      }),
      {
        numRuns: 3000,
        examples: [
          [{ phoneNumber: '1', assertedId: null } as unknown as ours.CommunicationIdentifier],
          [{ phoneNumber: '1', isAnonymous: null, rawId: null } as unknown as ours.CommunicationIdentifier],
          [{ microsoftTeamsUserId: 'x', cloud: null, isAnonymous: 0 } as unknown as ours.CommunicationIdentifier],
        ],
      },
    );
  });

  it('give the same results for primitives, which 2.5.0 does not reject', () => {
    for (const value of [0, 5, 'abc', '', true, Symbol.iterator]) {
      const identifier = value as unknown as ours.CommunicationIdentifier;
      expectSame('getIdentifierKind', identifier);
      for (const guard of GUARDS) expectSame(guard, identifier);
      expectSame('getIdentifierRawId', identifier);
      expectSame('serializeCommunicationIdentifier', identifier);
    }
  });
});

// Wire models: any subset of kind, rawId and the five nested models (absent, undefined, null,
// falsy, truthy primitives, or objects with any subset of the nested fields).
const nestedField = fc.tuple(
  fc.constantFrom(
    'id',
    'value',
    'userId',
    'tenantId',
    'resourceId',
    'appId',
    'cloud',
    'isAnonymous',
    'assertedId',
    'x',
  ),
  fc.oneof(stringish, wrongType, fc.constantFrom('public', 'dod', 'gcch')),
);
const nestedModel = fc.oneof(
  { weight: 6, arbitrary: fc.array(nestedField, { maxLength: 6 }).map((entries) => Object.fromEntries(entries)) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 0, '', false, 'abc', 7, true) },
);
const NESTED = ['communicationUser', 'phoneNumber', 'microsoftTeamsUser', 'microsoftTeamsApp', 'teamsExtensionUser'];
const wireEntry = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...NESTED), nestedModel) },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constant('kind'),
      fc.oneof(fc.constantFrom(...NESTED, 'unknown', 'somethingNew'), wrongType),
    ),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constant('rawId'), fc.oneof(stringish, wrongType)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('someOtherProp'), fc.anything({ maxDepth: 1 })) },
);
/** A complete model of one kind, so the success paths are common too. */
const completeModel = fc
  .tuple(fc.constantFrom(...NESTED), fc.oneof(stringish, fc.constantFrom('public', 'dod', 'gcch')), fc.boolean())
  .map(([name, value, flag]) => ({
    [name]: {
      id: value,
      value,
      userId: value,
      tenantId: value,
      resourceId: value,
      appId: value,
      cloud: flag ? 'dod' : value,
      isAnonymous: flag,
    },
  }));
const wireLike = fc
  .tuple(fc.oneof(fc.constant({}), completeModel), fc.array(wireEntry, { maxLength: 6 }))
  .map(([base, entries]) => ({ ...base, ...Object.fromEntries(entries) }) as ours.SerializedCommunicationIdentifier);

describe('deserializeCommunicationIdentifier against 2.5.0', () => {
  it('gives the same result or the same error for generated wire models', () => {
    fc.assert(
      fc.property(wireLike, (serialized) => {
        expectSame('deserializeCommunicationIdentifier', serialized);
      }),
      {
        numRuns: 5000,
        examples: [
          [{ phoneNumber: { value: '1', assertedId: null, isAnonymous: null }, rawId: 'r' }],
          [{ microsoftTeamsUser: { userId: 'u', isAnonymous: null, cloud: null }, rawId: null }],
          [{ communicationUser: 'abc' }],
          [{ phoneNumber: 7 }],
        ] as unknown as [ours.SerializedCommunicationIdentifier][],
      },
    );
  });

  it('round-trips what serialize produces, as 2.5.0 does', () => {
    fc.assert(
      fc.property(identifierLike, (identifier) => {
        const serialized = official.serializeCommunicationIdentifier(identifier);
        expectSame('deserializeCommunicationIdentifier', serialized);
      }),
      { numRuns: 2000 },
    );
  });
});
