import { refuse } from './problem.js';

/**
 * E.164 numbers as the Phone Numbers service takes them in paths (`+` or `%2B`, already
 * percent-decoded by the host) and what the emulator infers from a number it was given: its
 * country and its type (toll-free prefixes of the North American plan, otherwise geographic).
 */

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * North American toll-free area codes.
 *
 * @example
 * ```ts
 * TOLL_FREE_AREA_CODES.includes('800'); // true
 * ```
 */
export const TOLL_FREE_AREA_CODES: readonly string[] = ['800', '833', '844', '855', '866', '877', '888'];

/**
 * The phone number types of the service.
 *
 * @example
 * ```ts
 * const type: PhoneNumberType = 'tollFree';
 * ```
 */
export type PhoneNumberType = 'geographic' | 'tollFree' | 'mobile';

/**
 * Returns the number if it is E.164; otherwise throws the service's 400.
 *
 * @example
 * ```ts
 * checkPhoneNumber('+18005550100'); // '+18005550100'
 * checkPhoneNumber('18005550100'); // throws 400 InvalidInput, target 'phonenumber'
 * ```
 */
export function checkPhoneNumber(value: string): string {
  const trimmed = value.trim();
  if (!E164.test(trimmed)) {
    refuse(
      400,
      'InvalidInput',
      `Input phoneNumber ${JSON.stringify(value.slice(0, 32))} is not an E.164 number such as +18005550100.`,
      'phonenumber',
    );
  }
  return trimmed;
}

/**
 * Whether a string is an E.164 number.
 *
 * @example
 * ```ts
 * isE164('+442071838750'); // true
 * ```
 */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * The ISO 3166 country of a number, from its calling code (`+1` → US, unless the area code is
 * Canadian; `+44` → GB; others fall back to US, the emulator's inventory country).
 *
 * @example
 * ```ts
 * countryOf('+16045550100'); // 'CA'
 * ```
 */
export function countryOf(phoneNumber: string): string {
  if (phoneNumber.startsWith('+44')) return 'GB';
  if (phoneNumber.startsWith('+1') && CANADIAN_AREA_CODES.has(phoneNumber.slice(2, 5))) return 'CA';
  return 'US';
}

/**
 * The type of a number: toll-free for +1 8xx toll-free area codes, otherwise geographic.
 *
 * @example
 * ```ts
 * typeOf('+18005550100'); // 'tollFree'
 * ```
 */
export function typeOf(phoneNumber: string): PhoneNumberType {
  return phoneNumber.startsWith('+1') && TOLL_FREE_AREA_CODES.includes(phoneNumber.slice(2, 5))
    ? 'tollFree'
    : 'geographic';
}

const CANADIAN_AREA_CODES: ReadonlySet<string> = new Set([
  '204',
  '236',
  '250',
  '289',
  '306',
  '343',
  '365',
  '403',
  '416',
  '418',
  '438',
  '450',
  '506',
  '514',
  '519',
  '548',
  '579',
  '581',
  '587',
  '604',
  '613',
  '639',
  '647',
  '705',
  '709',
  '778',
  '780',
  '782',
  '807',
  '819',
  '825',
  '867',
  '873',
  '902',
  '905',
]);
