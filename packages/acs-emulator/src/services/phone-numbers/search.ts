import { costOf, pickNumbers } from './inventory.js';
import type { PhoneNumberType } from './phone-number.js';
import { refuse } from './problem.js';
import type { CapabilityValue, PurchasedPhoneNumber } from './purchased.js';

/**
 * Searches: `beginSearchAvailablePhoneNumbers` holds numbers from the inventory for a while
 * (the service: about 15 minutes, `searchExpiresBy`); `beginPurchasePhoneNumbers(searchId)` turns
 * them into purchased numbers. Stored in `phone-numbers.searches`, keyed by search id.
 */

/**
 * How long a search holds its numbers (the recorded service answers: ~15–16 minutes).
 *
 * @example
 * ```ts
 * search.searchExpiresTimestamp === search.createdTimestamp + SEARCH_HOLD_IN_MS; // true
 * ```
 */
export const SEARCH_HOLD_IN_MS = 15 * 60_000;

/**
 * Largest `quantity` of one search (the emulator's bound).
 *
 * @example
 * ```ts
 * readSearchRequest('US', { …, quantity: MAX_SEARCH_QUANTITY + 1 }); // throws 400, target 'quantity'
 * ```
 */
export const MAX_SEARCH_QUANTITY = 10;

const CAPABILITY_VALUES: readonly CapabilityValue[] = ['none', 'inbound', 'outbound', 'inbound+outbound'];
const TYPES: readonly PhoneNumberType[] = ['geographic', 'tollFree', 'mobile'];

/**
 * A validated search request.
 *
 * @example
 * ```ts
 * const request: SearchRequest = readSearchRequest('US', body);
 * ```
 */
export interface SearchRequest {
  readonly countryCode: string;
  readonly phoneNumberType: PhoneNumberType;
  readonly assignmentType: 'person' | 'application';
  readonly capabilities: { readonly calling: CapabilityValue; readonly sms: CapabilityValue };
  readonly areaCode?: string;
  readonly quantity: number;
}

/**
 * A search as stored.
 *
 * @example
 * ```ts
 * collections(ctx).searches.get(searchId); // SearchRecord | undefined
 * ```
 */
export interface SearchRecord extends SearchRequest {
  readonly searchId: string;
  readonly phoneNumbers: readonly string[];
  readonly cost: { readonly amount: number; readonly currencyCode: string; readonly billingFrequency: 'monthly' };
  readonly createdTimestamp: number;
  readonly searchExpiresTimestamp: number;
  /** Set once purchased. */
  readonly purchasedTimestamp?: number;
}

/**
 * Validates the body of `POST /availablePhoneNumbers/countries/{countryCode}/:search`.
 *
 * @example
 * ```ts
 * readSearchRequest('US', { phoneNumberType: 'tollFree', assignmentType: 'application',
 *   capabilities: { sms: 'outbound', calling: 'none' }, quantity: 1 });
 * ```
 */
export function readSearchRequest(countryCode: string, body: unknown): SearchRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    refuse(
      400,
      'InvalidInput',
      'The search body {phoneNumberType, assignmentType, capabilities, areaCode?, quantity?} is required.',
      'body',
    );
  }
  const { phoneNumberType, assignmentType, capabilities, areaCode, quantity } = body as Record<string, unknown>;
  if (!TYPES.includes(phoneNumberType as PhoneNumberType)) {
    refuse(400, 'InvalidInput', `phoneNumberType must be one of ${TYPES.join(', ')}.`, 'phonenumbertype');
  }
  if (assignmentType !== 'person' && assignmentType !== 'application') {
    refuse(400, 'InvalidInput', 'assignmentType must be person or application.', 'assignmenttype');
  }
  const { calling, sms } = (typeof capabilities === 'object' && capabilities !== null ? capabilities : {}) as Record<
    string,
    unknown
  >;
  if (!CAPABILITY_VALUES.includes(calling as CapabilityValue) || !CAPABILITY_VALUES.includes(sms as CapabilityValue)) {
    refuse(
      400,
      'InvalidInput',
      `capabilities.calling and capabilities.sms must each be one of ${CAPABILITY_VALUES.join(', ')}.`,
      'capabilities',
    );
  }
  if (calling === 'none' && sms === 'none') {
    refuse(
      400,
      'InvalidInput',
      'At least one of capabilities.calling and capabilities.sms must be other than none.',
      'capabilities',
    );
  }
  if (areaCode !== undefined && areaCode !== null && (typeof areaCode !== 'string' || !/^\d{2,4}$/.test(areaCode))) {
    refuse(400, 'InvalidInput', 'areaCode must be 2 to 4 digits, e.g. 425.', 'areacode');
  }
  const count = quantity ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SEARCH_QUANTITY) {
    refuse(400, 'InvalidInput', `quantity must be an integer from 1 to ${MAX_SEARCH_QUANTITY}.`, 'quantity');
  }
  return {
    countryCode: countryCode.toUpperCase(),
    phoneNumberType: phoneNumberType as PhoneNumberType,
    assignmentType,
    capabilities: { calling: calling as CapabilityValue, sms: sms as CapabilityValue },
    ...(typeof areaCode === 'string' ? { areaCode } : {}),
    quantity: count,
  };
}

/**
 * Runs a search: picks numbers that are neither purchased nor held by another unexpired,
 * unpurchased search. `undefined` when the inventory cannot satisfy it.
 *
 * @example
 * ```ts
 * const record = runSearch(request, 'c0ffee…', now, purchasedNumbers, heldNumbers);
 * ```
 */
export function runSearch(
  request: SearchRequest,
  searchId: string,
  nowTimestamp: number,
  taken: ReadonlySet<string>,
): SearchRecord | undefined {
  const phoneNumbers = pickNumbers(
    request.countryCode,
    request.phoneNumberType,
    request.areaCode,
    request.quantity,
    taken,
  );
  if (phoneNumbers === undefined) return undefined;
  return {
    ...request,
    searchId,
    phoneNumbers,
    cost: costOf(request.countryCode, request.phoneNumberType),
    createdTimestamp: nowTimestamp,
    searchExpiresTimestamp: nowTimestamp + SEARCH_HOLD_IN_MS,
  };
}

/**
 * Whether a search still holds its numbers for others (not purchased, not expired).
 *
 * @example
 * ```ts
 * if (isHolding(search, now)) for (const n of search.phoneNumbers) taken.add(n);
 * ```
 */
export function isHolding(search: SearchRecord, nowTimestamp: number): boolean {
  return search.purchasedTimestamp === undefined && nowTimestamp < search.searchExpiresTimestamp;
}

/**
 * The wire form of a search (`PhoneNumberSearchResult`).
 *
 * @example
 * ```ts
 * toSearchResult(record); // { searchId, phoneNumbers, phoneNumberType, …, searchExpiresBy, error: 'NoError' }
 * ```
 */
export function toSearchResult(search: SearchRecord): Record<string, unknown> {
  return {
    searchId: search.searchId,
    phoneNumbers: search.phoneNumbers,
    phoneNumberType: search.phoneNumberType,
    assignmentType: search.assignmentType,
    capabilities: search.capabilities,
    cost: search.cost,
    searchExpiresBy: new Date(search.searchExpiresTimestamp).toISOString(),
    isAgreementToNotResellRequired: false,
    error: 'NoError',
  };
}

/**
 * The purchased-number records a purchase creates.
 *
 * @example
 * ```ts
 * purchasedFrom(search, now).map((record) => record.phoneNumber);
 * ```
 */
export function purchasedFrom(search: SearchRecord, nowTimestamp: number): PurchasedPhoneNumber[] {
  return search.phoneNumbers.map((phoneNumber) => ({
    id: phoneNumber.slice(1),
    phoneNumber,
    countryCode: search.countryCode,
    phoneNumberType: search.phoneNumberType,
    capabilities: search.capabilities,
    assignmentType: search.assignmentType,
    purchaseDate: new Date(nowTimestamp).toISOString(),
    cost: search.cost,
  }));
}
