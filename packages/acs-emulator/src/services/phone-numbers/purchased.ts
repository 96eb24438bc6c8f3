import { costOf } from './inventory.js';
import { countryOf, type PhoneNumberType, typeOf } from './phone-number.js';

/**
 * A purchased number, stored in `phone-numbers.numbers` (keyed by the E.164 number) in exactly
 * the shape of the service's `PurchasedPhoneNumber`, so routes answer it as stored and other
 * services (SMS senders) read it as is.
 */

/**
 * A capability value of the service.
 *
 * @example
 * ```ts
 * const sms: CapabilityValue = 'inbound+outbound';
 * ```
 */
export type CapabilityValue = 'none' | 'inbound' | 'outbound' | 'inbound+outbound';

/**
 * `PurchasedPhoneNumber` (Phone Numbers 2025-06-01).
 *
 * @example
 * ```ts
 * collections(ctx).numbers.get('+18005550100'); // PurchasedPhoneNumber | undefined
 * ```
 */
export interface PurchasedPhoneNumber {
  /** The number without its `+`. */
  readonly id: string;
  readonly phoneNumber: string;
  readonly countryCode: string;
  readonly phoneNumberType: PhoneNumberType;
  readonly capabilities: { readonly calling: CapabilityValue; readonly sms: CapabilityValue };
  readonly assignmentType: 'person' | 'application';
  /** RFC 3339. */
  readonly purchaseDate: string;
  readonly cost: { readonly amount: number; readonly currencyCode: string; readonly billingFrequency: 'monthly' };
}

/**
 * The record of a number the emulator was started with (`--phone-number`): country and type
 * inferred from the number, SMS and calling both ways, assigned to an application.
 *
 * @example
 * ```ts
 * configuredNumber('+18005550100', Date.now()).phoneNumberType; // 'tollFree'
 * ```
 */
export function configuredNumber(phoneNumber: string, purchaseTimestamp: number): PurchasedPhoneNumber {
  const countryCode = countryOf(phoneNumber);
  const phoneNumberType = typeOf(phoneNumber);
  return {
    id: phoneNumber.slice(1),
    phoneNumber,
    countryCode,
    phoneNumberType,
    capabilities: { calling: 'inbound+outbound', sms: 'inbound+outbound' },
    assignmentType: 'application',
    purchaseDate: new Date(purchaseTimestamp).toISOString(),
    cost: costOf(countryCode, phoneNumberType),
  };
}
