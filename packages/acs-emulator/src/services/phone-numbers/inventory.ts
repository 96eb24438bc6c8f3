import { type PhoneNumberType, TOLL_FREE_AREA_CODES } from './phone-number.js';
import { refuse } from './problem.js';

/**
 * The emulator's small, fixed inventory of numbers to search and purchase: a few countries, the
 * number types each offers, their area codes and localities. Numbers come from ranges reserved
 * for fiction (North American `NPA-555-01XX`, Ofcom's drama ranges), so a purchased emulator
 * number can never be a real subscriber's.
 */

/**
 * A locality as `listAvailableLocalities` answers it.
 *
 * @example
 * ```ts
 * localitiesOf('CA')[0]; // Locality: { localizedName: 'Vancouver', administrativeDivision: { … } }
 * ```
 */
export interface Locality {
  readonly localizedName: string;
  readonly administrativeDivision: { readonly localizedName: string; readonly abbreviatedName: string };
}

/** An area code of a country's inventory; geographic ones belong to a locality. */
interface AreaCode {
  readonly areaCode: string;
  /** Digits after the country calling code and area code, before the 2-digit line suffix. */
  readonly exchange: string;
  readonly locality?: Locality;
}

/** What one country offers. */
interface CountryInventory {
  readonly callingCode: string;
  readonly currencyCode: string;
  readonly types: Partial<
    Record<PhoneNumberType, { readonly monthlyCost: number; readonly areaCodes: readonly AreaCode[] }>
  >;
}

const locality = (name: string, division: string, abbreviation: string): Locality => ({
  localizedName: name,
  administrativeDivision: { localizedName: division, abbreviatedName: abbreviation },
});

const NANP_TOLL_FREE = TOLL_FREE_AREA_CODES.map((areaCode) => ({ areaCode, exchange: '55501' }));

const INVENTORY: Readonly<Record<string, CountryInventory>> = {
  US: {
    callingCode: '1',
    currencyCode: 'USD',
    types: {
      tollFree: { monthlyCost: 2, areaCodes: NANP_TOLL_FREE },
      geographic: {
        monthlyCost: 1,
        areaCodes: [
          { areaCode: '206', exchange: '55501', locality: locality('Seattle', 'WA', 'WA') },
          { areaCode: '425', exchange: '55501', locality: locality('Redmond', 'WA', 'WA') },
          { areaCode: '212', exchange: '55501', locality: locality('New York', 'NY', 'NY') },
          { areaCode: '312', exchange: '55501', locality: locality('Chicago', 'IL', 'IL') },
          { areaCode: '415', exchange: '55501', locality: locality('San Francisco', 'CA', 'CA') },
        ],
      },
    },
  },
  CA: {
    callingCode: '1',
    currencyCode: 'CAD',
    types: {
      tollFree: { monthlyCost: 2, areaCodes: NANP_TOLL_FREE },
      geographic: {
        monthlyCost: 1,
        areaCodes: [
          { areaCode: '604', exchange: '55501', locality: locality('Vancouver', 'British Columbia', 'BC') },
          { areaCode: '416', exchange: '55501', locality: locality('Toronto', 'Ontario', 'ON') },
        ],
      },
    },
  },
  GB: {
    callingCode: '44',
    currencyCode: 'GBP',
    types: {
      tollFree: { monthlyCost: 2, areaCodes: [{ areaCode: '808', exchange: '15700' }] },
      geographic: {
        monthlyCost: 1,
        areaCodes: [
          { areaCode: '20', exchange: '794600', locality: locality('London', 'England', 'ENG') },
          { areaCode: '161', exchange: '49600', locality: locality('Manchester', 'England', 'ENG') },
        ],
      },
    },
  },
};

/** Numbers per area code (line suffixes 00–99). */
const NUMBERS_PER_AREA_CODE = 100;

/**
 * The inventory of a country; an unknown one throws the service's 400 (`Unable to parse country
 * code.` for a malformed code).
 *
 * @example
 * ```ts
 * countryInventory('US').currencyCode; // 'USD'
 * ```
 */
export function countryInventory(countryCode: string): CountryInventory {
  if (!/^[A-Za-z]{2}$/.test(countryCode)) refuse(400, 'InvalidInput', 'Unable to parse country code.', 'countrycode');
  const inventory = INVENTORY[countryCode.toUpperCase()];
  if (inventory === undefined) {
    refuse(
      400,
      'InvalidInput',
      `Country ${countryCode.toUpperCase()} is not in the emulator's inventory; use one of ${Object.keys(INVENTORY).join(', ')}.`,
      'countrycode',
    );
  }
  return inventory;
}

/**
 * The localities of a country, optionally of one administrative division (matched on its
 * abbreviated or localized name, case-insensitively) and one number type (only geographic numbers
 * have localities).
 *
 * @example
 * ```ts
 * localitiesOf('CA', { administrativeDivision: 'BC' }); // [{ localizedName: 'Vancouver', … }]
 * ```
 */
export function localitiesOf(
  countryCode: string,
  filter: { readonly administrativeDivision?: string | undefined; readonly phoneNumberType?: string | undefined } = {},
): Locality[] {
  const inventory = countryInventory(countryCode);
  if (filter.phoneNumberType !== undefined && filter.phoneNumberType !== 'geographic') return [];
  const division = filter.administrativeDivision?.toLowerCase();
  const found: Locality[] = [];
  for (const { locality } of inventory.types.geographic?.areaCodes ?? []) {
    if (locality === undefined) continue;
    const { abbreviatedName, localizedName } = locality.administrativeDivision;
    if (
      division !== undefined &&
      abbreviatedName.toLowerCase() !== division &&
      localizedName.toLowerCase() !== division
    )
      continue;
    if (!found.some((known) => known.localizedName === locality.localizedName)) found.push(locality);
  }
  return found;
}

/**
 * Picks `quantity` numbers of a country and type (optionally of one area code) that are not in
 * `taken`, in a fixed order; `undefined` when the inventory has fewer left.
 *
 * @example
 * ```ts
 * pickNumbers('US', 'tollFree', undefined, 1, new Set(['+18005550100'])); // ['+18005550101']
 * ```
 */
export function pickNumbers(
  countryCode: string,
  phoneNumberType: PhoneNumberType,
  areaCode: string | undefined,
  quantity: number,
  taken: ReadonlySet<string>,
): string[] | undefined {
  const offer = offerOf(countryCode, phoneNumberType);
  const inventory = countryInventory(countryCode);
  const picked: string[] = [];
  for (const candidate of offer.areaCodes) {
    if (areaCode !== undefined && candidate.areaCode !== areaCode) continue;
    for (let line = 0; line < NUMBERS_PER_AREA_CODE && picked.length < quantity; line++) {
      const number = `+${inventory.callingCode}${candidate.areaCode}${candidate.exchange}${String(line).padStart(2, '0')}`;
      if (!taken.has(number)) picked.push(number);
    }
  }
  return picked.length === quantity ? picked : undefined;
}

/**
 * The monthly cost of a country's numbers of one type.
 *
 * @example
 * ```ts
 * costOf('US', 'tollFree'); // { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' }
 * ```
 */
export function costOf(
  countryCode: string,
  phoneNumberType: PhoneNumberType,
): { amount: number; currencyCode: string; billingFrequency: 'monthly' } {
  const offer = offerOf(countryCode, phoneNumberType);
  return {
    amount: offer.monthlyCost,
    currencyCode: countryInventory(countryCode).currencyCode,
    billingFrequency: 'monthly',
  };
}

function offerOf(countryCode: string, phoneNumberType: PhoneNumberType) {
  const offer = countryInventory(countryCode).types[phoneNumberType];
  if (offer === undefined) {
    refuse(
      400,
      'InvalidInput',
      `The emulator's inventory has no ${phoneNumberType} numbers in ${countryCode.toUpperCase()}; use ${Object.keys(countryInventory(countryCode).types).join(' or ')}.`,
      'phonenumbertype',
    );
  }
  return offer;
}
