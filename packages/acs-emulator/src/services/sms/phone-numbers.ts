/**
 * Phone numbers as the SMS service reads them: E.164 (`+` and 7 to 15 digits, no leading 0),
 * North American numbers with exactly ten digits after `+1`, and the resource's own numbers.
 */

const E164 = /^\+[1-9]\d{6,14}$/;

/** The per-recipient error text of the service for a `to` it cannot parse. */
export const INVALID_TO = 'Invalid To phone number format.';

/**
 * Whether `value` is a phone number the service accepts (E.164; `+1` numbers have ten digits).
 *
 * @example
 * ```ts
 * isPhoneNumber('+14255550123'); // true
 * isPhoneNumber('+1425555012345'); // false (too long for +1)
 * isPhoneNumber('4255550123'); // false (no +)
 * ```
 */
export function isPhoneNumber(value: string): boolean {
  if (!E164.test(value)) return false;
  return !value.startsWith('+1') || value.length === 12;
}

/**
 * The number as Event Grid subjects spell it (`/phonenumber/14255550123`): without the `+`.
 *
 * @example
 * ```ts
 * subjectNumber('+14255550123'); // '14255550123'
 * ```
 */
export function subjectNumber(phoneNumber: string): string {
  return phoneNumber.startsWith('+') ? phoneNumber.slice(1) : phoneNumber;
}

/**
 * The numbers the resource owns: the configured ones plus those purchased through the Phone
 * Numbers service (its stored records carry `phoneNumber`).
 *
 * @example
 * ```ts
 * ownedNumbers(['+18005550100'], [{ phoneNumber: '+14255550199' }]); // Set { '+18005550100', '+14255550199' }
 * ```
 */
export function ownedNumbers(configured: readonly string[], purchased: readonly unknown[]): ReadonlySet<string> {
  const owned = new Set(configured);
  for (const record of purchased) {
    if (typeof record === 'object' && record !== null) {
      const number = (record as { phoneNumber?: unknown }).phoneNumber;
      if (typeof number === 'string') owned.add(number);
    }
  }
  return owned;
}
