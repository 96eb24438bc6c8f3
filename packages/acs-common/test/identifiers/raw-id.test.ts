// Vectors of the official test suites: reference/js-common.md §6.1 (identifierModels.spec.ts) and
// reference/dotnet-common.md §5.1 items 5–7 (CommunicationIdentifierTest.cs). Results are compared
// with their keys in order (`Object.entries`), so a missing or extra `undefined`-valued key fails.
import {
  type CommunicationIdentifier,
  type CommunicationIdentifierKind,
  createIdentifierFromRawId,
  getIdentifierKind,
  getIdentifierRawId,
  isCommunicationUserIdentifier,
  isMicrosoftTeamsAppIdentifier,
  isMicrosoftTeamsUserIdentifier,
  isPhoneNumberIdentifier,
  isTeamsExtensionUserIdentifier,
  isUnknownIdentifier,
} from 'acs-common/identifiers';
import { describe, expect, it } from 'vitest';

const U = '207ffef6-9444-41fb-92ab-20eacaae2768';
const T = '45ab2481-1c1c-4005-be24-0ffb879b1130';
const R = 'bbbcbc1e-9f06-482a-b5d8-20e3f26ef0cd';
const G = '01234567-89ab-cdef-0123-456789abcdef';

/** Same keys, same order, same values (`toStrictEqual` alone ignores key order). */
function expectExactly(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(Object.entries(actual as object)).toStrictEqual(Object.entries(expected as object));
}

describe('type guards and getIdentifierKind (js §6.1 items 1–2)', () => {
  it('classifies a communication user and nothing else', () => {
    const user = { communicationUserId: 'alice' };
    expect(isCommunicationUserIdentifier(user)).toBe(true);
    expect(isPhoneNumberIdentifier(user)).toBe(false);
    expect(isMicrosoftTeamsUserIdentifier(user)).toBe(false);
    expect(isMicrosoftTeamsAppIdentifier(user)).toBe(false);
    expect(isTeamsExtensionUserIdentifier(user)).toBe(false);
    expect(isUnknownIdentifier(user)).toBe(false);
  });

  it('adds the kind to a shallow copy, keeping other properties and overwriting an input kind', () => {
    const phone = { phoneNumber: '123' };
    const kind = getIdentifierKind(phone);
    expectExactly(kind, { phoneNumber: '123', kind: 'phoneNumber' });
    expect(kind).not.toBe(phone);
    const withKind = { kind: 'communicationUser', teamsAppId: 'a', extra: 1 } as unknown as CommunicationIdentifier;
    expectExactly(getIdentifierKind(withKind), { kind: 'microsoftTeamsApp', teamsAppId: 'a', extra: 1 });
  });

  it('uses the fixed order, requires string fields, and falls back to unknown without an id', () => {
    const both = { id: 'x', phoneNumber: 'p' };
    expect(isUnknownIdentifier(both)).toBe(true);
    expect(isPhoneNumberIdentifier(both)).toBe(true);
    expect(getIdentifierKind(both).kind).toBe('phoneNumber');
    expect(getIdentifierKind({ communicationUserId: 5 } as unknown as CommunicationIdentifier).kind).toBe('unknown');
    expectExactly(getIdentifierKind({ foo: 1 } as unknown as CommunicationIdentifier), { foo: 1, kind: 'unknown' });
    expect(isTeamsExtensionUserIdentifier({ userId: 'u', tenantId: 't' } as unknown as CommunicationIdentifier)).toBe(
      false,
    );
    expect(getIdentifierKind({ userId: 'u', tenantId: 't', resourceId: 'r' }).kind).toBe('teamsExtensionUser');
  });
});

describe('getIdentifierRawId (js §6.1 item 3, .NET §5.1 item 5)', () => {
  const cases: [CommunicationIdentifier, string | undefined][] = [
    [{ communicationUserId: `8:acs:${R}_${T}` }, `8:acs:${R}_${T}`],
    [{ communicationUserId: `8:gcch-acs:${R}_${T}` }, `8:gcch-acs:${R}_${T}`],
    [{ communicationUserId: 'someFutureFormat' }, 'someFutureFormat'],
    [{ microsoftTeamsUserId: T }, `8:orgid:${T}`],
    [{ microsoftTeamsUserId: T, cloud: 'public' }, `8:orgid:${T}`],
    [{ microsoftTeamsUserId: T, cloud: 'dod' }, `8:dod:${T}`],
    [{ microsoftTeamsUserId: T, cloud: 'gcch' }, `8:gcch:${T}`],
    [{ microsoftTeamsUserId: T, isAnonymous: false }, `8:orgid:${T}`],
    [{ microsoftTeamsUserId: T, isAnonymous: true }, `8:teamsvisitor:${T}`],
    [{ microsoftTeamsUserId: T, isAnonymous: true, cloud: 'dod' }, `8:teamsvisitor:${T}`],
    [{ microsoftTeamsUserId: T, rawId: '8:orgid:legacyFormat' }, '8:orgid:legacyFormat'],
    [{ userId: U, tenantId: T, resourceId: R }, `8:acs:${R}_${T}_${U}`],
    [{ userId: U, tenantId: T, resourceId: R, cloud: 'public' }, `8:acs:${R}_${T}_${U}`],
    [{ userId: U, tenantId: T, resourceId: R, cloud: 'dod' }, `8:dod-acs:${R}_${T}_${U}`],
    [{ userId: U, tenantId: T, resourceId: R, cloud: 'gcch' }, `8:gcch-acs:${R}_${T}_${U}`],
    [{ userId: U, tenantId: T, resourceId: R, rawId: '8:acs:resource_tenant_user' }, '8:acs:resource_tenant_user'],
    [{ phoneNumber: '+112345556789' }, '4:+112345556789'],
    [{ phoneNumber: '112345556789' }, '4:112345556789'],
    [{ phoneNumber: '+112345556789', rawId: '4:112345556789' }, '4:112345556789'],
    [{ phoneNumber: '+112345556789', rawId: '4:otherFormat' }, '4:otherFormat'],
    [{ phoneNumber: 'otherFormat', rawId: `4:${U}` }, `4:${U}`],
    [{ phoneNumber: 'otherFormat', rawId: `4:${U}_${U}` }, `4:${U}_${U}`],
    [{ phoneNumber: 'otherFormat', rawId: `4:+112345556789_${U}` }, `4:+112345556789_${U}`],
    [{ teamsAppId: G }, `28:orgid:${G}`],
    [{ teamsAppId: G, cloud: 'public' }, `28:orgid:${G}`],
    [{ teamsAppId: G, cloud: 'gcch' }, `28:gcch:${G}`],
    [{ teamsAppId: G, cloud: 'dod' }, `28:dod:${G}`],
    [{ id: '28:T' }, '28:T'],
    [{ id: `28:ag08-global:${G}` }, `28:ag08-global:${G}`],
    [{ foo: 'nonsense' } as unknown as CommunicationIdentifier, undefined],
  ];
  it.each(cases)('%j → %s', (identifier, rawId) => {
    expect(getIdentifierRawId(identifier)).toBe(rawId);
  });

  it('ignores an empty rawId, and a communication user ignores rawId altogether', () => {
    expect(getIdentifierRawId({ phoneNumber: '1', rawId: '' })).toBe('4:1');
    expect(getIdentifierRawId({ communicationUserId: 'a', rawId: 'b' } as CommunicationIdentifier)).toBe('a');
  });

  it('treats a bogus cloud as public', () => {
    const bogus = { microsoftTeamsUserId: 'x', cloud: 'anonymous' } as unknown as CommunicationIdentifier;
    expect(getIdentifierRawId(bogus)).toBe('8:orgid:x');
    expect(getIdentifierRawId({ teamsAppId: 'x', cloud: 'spool' } as unknown as CommunicationIdentifier)).toBe(
      '28:orgid:x',
    );
  });
});

const phone = (phoneNumber: string, assertedId?: string, isAnonymous = false): CommunicationIdentifierKind =>
  ({ kind: 'phoneNumber', phoneNumber, isAnonymous, assertedId }) as CommunicationIdentifierKind;
const user = (communicationUserId: string): CommunicationIdentifierKind => ({
  kind: 'communicationUser',
  communicationUserId,
});
const teamsUser = (microsoftTeamsUserId: string, cloud: 'public' | 'dod' | 'gcch'): CommunicationIdentifierKind => ({
  kind: 'microsoftTeamsUser',
  microsoftTeamsUserId,
  isAnonymous: false,
  cloud,
});
const unknown = (id: string): CommunicationIdentifierKind => ({ kind: 'unknown', id });

describe('createIdentifierFromRawId (js §6.1 item 4, .NET §5.1 item 6)', () => {
  const cases: [string, CommunicationIdentifierKind][] = [
    [`8:acs:${R}_${T}`, user(`8:acs:${R}_${T}`)],
    [`8:spool:${R}_${T}`, user(`8:spool:${R}_${T}`)],
    [`8:dod-acs:${R}_${T}`, user(`8:dod-acs:${R}_${T}`)],
    [`8:gcch-acs:${R}_${T}`, user(`8:gcch-acs:${R}_${T}`)],
    ['8:acs:something', user('8:acs:something')],
    [`8:spool:${R}_${T}_${U}`, user(`8:spool:${R}_${T}_${U}`)],
    [`8:orgid:${T}`, teamsUser(T, 'public')],
    [`8:dod:${T}`, teamsUser(T, 'dod')],
    [`8:gcch:${T}`, teamsUser(T, 'gcch')],
    [`8:teamsvisitor:${T}`, { kind: 'microsoftTeamsUser', microsoftTeamsUserId: T, isAnonymous: true }],
    ['8:orgid:legacyFormat', teamsUser('legacyFormat', 'public')],
    ['4:112345556789', phone('112345556789')],
    ['4:+112345556789', phone('+112345556789')],
    [`4:${U}`, phone(U)],
    [`4:${U}_${U}`, phone(`${U}_${U}`, U)],
    [`4:+112345556789_${U}`, phone(`+112345556789_${U}`, U)],
    [`4:${U}_`, phone(`${U}_`)],
    [`4:+112345556789_${U}_123`, phone(`+112345556789_${U}_123`, '123')],
    ['4:_123', phone('_123', '123')],
    ['4:anonymous', phone('anonymous', undefined, true)],
    ['4:anonymous_123', phone('anonymous_123', '123')],
    ['4:_anonymous', phone('_anonymous', 'anonymous')],
    [`28:${T}`, unknown(`28:${T}`)],
    [`28:gcch-global:${G}`, unknown(`28:gcch-global:${G}`)],
    [`28:dod-global:${G}`, unknown(`28:dod-global:${G}`)],
    [`28:orgid:${G}`, { kind: 'microsoftTeamsApp', teamsAppId: G, cloud: 'public' }],
    [`28:gcch:${G}`, { kind: 'microsoftTeamsApp', teamsAppId: G, cloud: 'gcch' }],
    [`28:dod:${G}`, { kind: 'microsoftTeamsApp', teamsAppId: G, cloud: 'dod' }],
    [`8:gcch-acs:${R}_${T}_${U}`, { kind: 'teamsExtensionUser', userId: U, tenantId: T, resourceId: R, cloud: 'gcch' }],
    [`8:dod-acs:${R}_${T}_${U}`, { kind: 'teamsExtensionUser', userId: U, tenantId: T, resourceId: R, cloud: 'dod' }],
    [`8:acs:${R}_${T}_${U}`, { kind: 'teamsExtensionUser', userId: U, tenantId: T, resourceId: R, cloud: 'public' }],
    [`28:ag08-global:${G}`, unknown(`28:ag08-global:${G}`)],
    [`28:ag09-global:${G}`, unknown(`28:ag09-global:${G}`)],
    [`28:gal-global:${G}`, unknown(`28:gal-global:${G}`)],
    [`48:${T}`, unknown(`48:${T}`)],
    [`8:gcch-acs:segment4:${R}_${T}`, unknown(`8:gcch-acs:segment4:${R}_${T}`)],
    ['', unknown('')],
    // Edge cases of the grammar (reference/js-common.md §4.4 notes).
    ['8:orgid:a:b', unknown('8:orgid:a:b')],
    ['8:x', unknown('8:x')],
    ['8:ORGID:x', unknown('8:ORGID:x')],
    [' 8:orgid:x', unknown(' 8:orgid:x')],
    ['8:orgid:', teamsUser('', 'public')],
    ['8:acs:a__c', { kind: 'teamsExtensionUser', userId: 'c', tenantId: '', resourceId: 'a', cloud: 'public' }],
    ['8:acs:__', { kind: 'teamsExtensionUser', userId: '', tenantId: '', resourceId: '', cloud: 'public' }],
    ['8:acs:a_b_c_d', user('8:acs:a_b_c_d')],
    ['4:', phone('')],
    ['4:a:b:c', phone('a:b:c')],
  ];
  it.each(cases)('%s', (rawId, expected) => {
    expectExactly(createIdentifierFromRawId(rawId), expected);
  });

  // .NET differs here: FromRawId throws ArgumentException for "", "4:", "8:orgid:" and "8:acs:a__c"
  // (empty ids); the JS contract (SPEC §5) is that a string never throws.
  it('never throws on a string, unlike .NET on empty parts', () => {
    for (const rawId of ['', '4:', '8:orgid:', '8:acs:a__c', '28:dod:']) {
      expect(() => createIdentifierFromRawId(rawId)).not.toThrow();
    }
  });

  it('gives the raw id back for every vector (js §6.1 item 5, .NET §5.1 item 7)', () => {
    for (const [rawId] of cases) expect(getIdentifierRawId(createIdentifierFromRawId(rawId))).toBe(rawId);
  });
});
