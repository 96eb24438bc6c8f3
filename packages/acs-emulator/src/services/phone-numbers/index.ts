import { defineService } from '../../host/service.js';
import { getSearchResult, listLocalities, purchaseNumbers, searchNumbers } from './available-routes.js';
import { getPurchasedNumber, listPurchasedNumbers, releaseNumber } from './numbers-routes.js';
import { getOperation } from './operations-route.js';
import { prepare } from './state.js';

/**
 * Phone Numbers (`@azure/communication-phone-numbers@1.5.0`, api-version 2025-06-01): the
 * resource's purchased numbers (first the emulator's `--phone-number` numbers, the same ones SMS
 * sends from), available localities, and search → purchase → release against a small inventory
 * of fictional numbers. Collections `phone-numbers.numbers` (PurchasedPhoneNumber by E.164),
 * `.searches`, `.operations`, `.pending`, `.seeded`, `.released`.
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
  collections: ['numbers', 'searches', 'operations', 'pending', 'seeded', 'released'],
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
    const run = () =>
      host
        .transaction('phone-numbers', (ctx) => prepare(ctx))
        .catch((error: unknown) => {
          host.log(`phone-numbers: ${String(error)}`);
        });
    void run();
    // Purchases and releases complete when due even if no phone-numbers request comes (SMS reads
    // the numbers collection directly).
    const timer = setInterval(() => {
      if (host.store.read('phone-numbers.pending').size > 0) void run();
    }, 250);
    timer.unref();
    return () => clearInterval(timer);
  },
});
