import { describe, expect, it } from 'vitest';
import { costOf, localitiesOf, pickNumbers } from '../../../src/services/phone-numbers/inventory.js';
import { toOperationModel } from '../../../src/services/phone-numbers/operation-record.js';
import { checkPhoneNumber, countryOf, isE164, typeOf } from '../../../src/services/phone-numbers/phone-number.js';
import { PhoneNumbersProblem, type Problem } from '../../../src/services/phone-numbers/problem.js';
import { configuredNumber } from '../../../src/services/phone-numbers/purchased.js';
import {
  isHolding,
  purchasedFrom,
  readSearchRequest,
  runSearch,
  SEARCH_HOLD_IN_MS,
  toSearchResult,
} from '../../../src/services/phone-numbers/search.js';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof PhoneNumbersProblem) return error.problem;
    throw error;
  }
  throw new Error('expected a PhoneNumbersProblem');
}

const TOLL_FREE_SMS = {
  phoneNumberType: 'tollFree',
  assignmentType: 'application',
  capabilities: { sms: 'inbound+outbound', calling: 'none' },
  quantity: 1,
};

describe('numbers', () => {
  it('E.164 in, the service 400 otherwise', () => {
    expect(checkPhoneNumber('+18005550100')).toBe('+18005550100');
    expect(isE164('+442079460000')).toBe(true);
    for (const bad of ['18005550100', '+0800', 'tel:+18005550100', '']) {
      expect(problemOf(() => checkPhoneNumber(bad))).toMatchObject({
        status: 400,
        code: 'InvalidInput',
        target: 'phonenumber',
      });
    }
  });

  it('infers country and type of a configured number (the PurchasedPhoneNumber shape)', () => {
    expect(countryOf('+16045550100')).toBe('CA');
    expect(countryOf('+442079460000')).toBe('GB');
    expect(typeOf('+18445550100')).toBe('tollFree');
    expect(typeOf('+14255550100')).toBe('geographic');
    expect(configuredNumber('+18005550100', NOW)).toEqual({
      id: '18005550100',
      phoneNumber: '+18005550100',
      countryCode: 'US',
      phoneNumberType: 'tollFree',
      capabilities: { calling: 'inbound+outbound', sms: 'inbound+outbound' },
      assignmentType: 'application',
      purchaseDate: '2026-12-01T09:00:00.000Z',
      cost: { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' },
    });
  });
});

describe('inventory', () => {
  it('localities as the example answers them, filtered by division and type', () => {
    expect(localitiesOf('CA')).toEqual([
      {
        localizedName: 'Vancouver',
        administrativeDivision: { localizedName: 'British Columbia', abbreviatedName: 'BC' },
      },
      { localizedName: 'Toronto', administrativeDivision: { localizedName: 'Ontario', abbreviatedName: 'ON' } },
    ]);
    expect(localitiesOf('us', { administrativeDivision: 'wa' }).map((l) => l.localizedName)).toEqual([
      'Seattle',
      'Redmond',
    ]);
    expect(localitiesOf('US', { phoneNumberType: 'tollFree' })).toEqual([]);
  });

  it('refuses malformed and unknown countries as the service does', () => {
    expect(problemOf(() => localitiesOf('XXX'))).toEqual({
      status: 400,
      code: 'InvalidInput',
      message: 'Unable to parse country code.',
      target: 'countrycode',
    });
    expect(problemOf(() => localitiesOf('FR'))).toMatchObject({ status: 400, target: 'countrycode' });
    expect(problemOf(() => costOf('US', 'mobile'))).toMatchObject({ status: 400, target: 'phonenumbertype' });
  });

  it('picks fictional numbers that are not taken, or none when the inventory is short', () => {
    expect(pickNumbers('US', 'tollFree', undefined, 2, new Set(['+18005550100']))).toEqual([
      '+18005550101',
      '+18005550102',
    ]);
    expect(pickNumbers('US', 'geographic', '425', 1, new Set())).toEqual(['+14255550100']);
    expect(pickNumbers('GB', 'geographic', '20', 1, new Set())).toEqual(['+442079460000']);
    expect(pickNumbers('US', 'geographic', '999', 1, new Set())).toBeUndefined();
    const all425 = pickNumbers('US', 'geographic', '425', 100, new Set()) as string[];
    expect(new Set(all425).size).toBe(100);
    expect(pickNumbers('US', 'geographic', '425', 1, new Set(all425))).toBeUndefined();
  });
});

describe('searches', () => {
  it('validates the request and answers PhoneNumberSearchResult', () => {
    const request = readSearchRequest('us', { ...TOLL_FREE_SMS, areaCode: '800' });
    expect(request).toEqual({
      countryCode: 'US',
      phoneNumberType: 'tollFree',
      assignmentType: 'application',
      capabilities: { sms: 'inbound+outbound', calling: 'none' },
      areaCode: '800',
      quantity: 1,
    });
    const search = runSearch(request, 's1', NOW, new Set(['+18005550100']));
    expect(search?.phoneNumbers).toEqual(['+18005550101']);
    expect(toSearchResult(search as NonNullable<typeof search>)).toEqual({
      searchId: 's1',
      phoneNumbers: ['+18005550101'],
      phoneNumberType: 'tollFree',
      assignmentType: 'application',
      capabilities: { sms: 'inbound+outbound', calling: 'none' },
      cost: { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' },
      searchExpiresBy: new Date(NOW + SEARCH_HOLD_IN_MS).toISOString(),
      isAgreementToNotResellRequired: false,
      error: 'NoError',
    });
  });

  it('a search holds its numbers until purchased or expired', () => {
    const search = runSearch(readSearchRequest('US', TOLL_FREE_SMS), 's1', NOW, new Set()) as NonNullable<
      ReturnType<typeof runSearch>
    >;
    expect(isHolding(search, NOW)).toBe(true);
    expect(isHolding(search, NOW + SEARCH_HOLD_IN_MS)).toBe(false);
    expect(isHolding({ ...search, purchasedTimestamp: NOW }, NOW)).toBe(false);
    expect(purchasedFrom(search, NOW + 1)).toEqual([
      {
        id: '18005550100',
        phoneNumber: '+18005550100',
        countryCode: 'US',
        phoneNumberType: 'tollFree',
        capabilities: { sms: 'inbound+outbound', calling: 'none' },
        assignmentType: 'application',
        purchaseDate: new Date(NOW + 1).toISOString(),
        cost: { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' },
      },
    ]);
  });

  it('refuses bad requests with a target naming the field', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'body'],
      [{ ...TOLL_FREE_SMS, phoneNumberType: 'premium' }, 'phonenumbertype'],
      [{ ...TOLL_FREE_SMS, assignmentType: 'robot' }, 'assignmenttype'],
      [{ ...TOLL_FREE_SMS, capabilities: { sms: 'both', calling: 'none' } }, 'capabilities'],
      [{ ...TOLL_FREE_SMS, capabilities: { sms: 'none', calling: 'none' } }, 'capabilities'],
      [{ ...TOLL_FREE_SMS, areaCode: 'abc' }, 'areacode'],
      [{ ...TOLL_FREE_SMS, quantity: 0 }, 'quantity'],
      [{ ...TOLL_FREE_SMS, quantity: 11 }, 'quantity'],
    ];
    for (const [body, target] of cases) {
      expect(problemOf(() => readSearchRequest('US', body))).toMatchObject({
        status: 400,
        code: 'InvalidInput',
        target,
      });
    }
  });

  it('answers PhoneNumberOperation: running until due, then its outcome', () => {
    const operation = {
      id: 'search_s1',
      operationType: 'search' as const,
      status: 'failed' as const,
      resourceLocation: '/availablePhoneNumbers/searchResults/s1?api-version=2025-06-01',
      createdTimestamp: NOW,
      dueTimestamp: NOW + 1000,
      error: { code: 'OutOfStock', message: 'none left' },
    };
    expect(toOperationModel(operation, NOW + 999)).toEqual({
      id: 'search_s1',
      operationType: 'search',
      status: 'running',
      resourceLocation: '/availablePhoneNumbers/searchResults/s1?api-version=2025-06-01',
      createdDateTime: '2026-12-01T09:00:00.000Z',
      lastActionDateTime: '2026-12-01T09:00:00.000Z',
    });
    expect(toOperationModel(operation, NOW + 1000)).toMatchObject({
      status: 'failed',
      lastActionDateTime: '2026-12-01T09:00:01.000Z',
      error: { code: 'OutOfStock', message: 'none left' },
    });
  });
});
