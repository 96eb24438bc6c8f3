import { defineService } from '../../host/service.js';
import { getSearchResult, listLocalities, purchaseNumbers, searchNumbers } from './available-routes.js';
import { getPurchasedNumber, listPurchasedNumbers, releaseNumber } from './numbers-routes.js';
import { getOperation } from './operations-route.js';
import { seedConfiguredNumbers } from './state.js';

/**
 * Phone Numbers (`@azure/communication-phone-numbers@1.5.0`, api-version 2025-06-01): the
 * resource's purchased numbers (first the emulator's `--phone-number` numbers, the same ones SMS
 * sends from), available localities, and search → purchase → release against a small inventory
 * of fictional numbers. Collections `phone-numbers.numbers` (PurchasedPhoneNumber by E.164),
 * `.searches`, `.operations`, `.seeded`, `.released`.
 *
 * @example
 * ```ts
 * // services/index.ts
 * import { service as phoneNumbers } from './phone-numbers/index.js';
 * ```
 */
export const service = defineService({
  name: 'phone-numbers',
  apiVersions: ['2022-12-01', '2025-02-11', '2025-06-01'],
  collections: ['numbers', 'searches', 'operations', 'seeded', 'released'],
  routes: [
    listPurchasedNumbers,
    getPurchasedNumber,
    releaseNumber,
    listLocalities,
    searchNumbers,
    getSearchResult,
    purchaseNumbers,
    getOperation,
  ],
  start(host) {
    void host
      .transaction('phone-numbers', (ctx) => seedConfiguredNumbers(ctx))
      .catch((error: unknown) => {
        host.log(`phone-numbers: seeding the configured numbers failed: ${String(error)}`);
      });
  },
});
