import { randomUUID } from 'node:crypto';
import { notFound } from '../../host/errors.js';
import { operationLocation } from '../../host/operations.js';
import { page } from '../../host/paging.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { answering } from './answer.js';
import { collections } from './collections.js';
import { localitiesOf } from './inventory.js';
import { schedule } from './pending.js';
import { refuse } from './problem.js';
import { readSearchRequest, runSearch, toSearchResult } from './search.js';
import { prepare, takenNumbers } from './state.js';

/**
 * The inventory routes of Phone Numbers 2025-06-01: localities, and search → purchase (two
 * long-running operations the emulator completes at once) against the emulator's fixed
 * inventory of fictional numbers.
 */

const ADMIN = ['hmac', 'entraAdmin'] as const;

/**
 * `GET /availablePhoneNumbers/countries/{countryCode}/localities` → 200
 * `{phoneNumberLocalities: [{localizedName, administrativeDivision}], nextLink?}`, filtered by
 * `administrativeDivision` and `phoneNumberType`.
 *
 * @example
 * ```ts
 * for await (const locality of phoneNumbersClient.listAvailableLocalities('US')) console.log(locality.localizedName);
 * ```
 */
export const listLocalities = defineRoute({
  method: 'GET',
  path: '/availablePhoneNumbers/countries/{countryCode}/localities',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() => {
      const localities = localitiesOf(request.params.countryCode ?? '', {
        administrativeDivision: request.query.get('administrativeDivision') ?? undefined,
        phoneNumberType: request.query.get('phoneNumberType') ?? undefined,
      });
      const { value, nextLink } = page(localities, request, ctx, { defaultPageSize: 100 });
      return reply(200, { phoneNumberLocalities: value, ...(nextLink === undefined ? {} : { nextLink }) });
    }),
});

/**
 * `POST /availablePhoneNumbers/countries/{countryCode}/:search` → 202 with the result,
 * `Operation-Location` (a `search` operation), `Location` (the search result), `operation-id`
 * and `search-id`. The numbers are held for 15 minutes. Too few numbers left → the operation
 * fails with `OutOfStock`.
 *
 * @example
 * ```ts
 * const poller = await client.beginSearchAvailablePhoneNumbers({ countryCode: 'US', phoneNumberType: 'tollFree',
 *   assignmentType: 'application', capabilities: { sms: 'outbound', calling: 'none' }, quantity: 1 });
 * const { searchId, phoneNumbers } = await poller.pollUntilDone();
 * ```
 */
export const searchNumbers = defineRoute({
  method: 'POST',
  path: '/availablePhoneNumbers/countries/{countryCode}/:search',
  auth: ADMIN,
  body: s.optional(s.unknown()),
  handle: (request, ctx) =>
    answering(() => {
      prepare(ctx);
      const searchRequest = readSearchRequest(request.params.countryCode ?? '', request.body);
      const apiVersion = request.query.get('api-version');
      const now = ctx.now();
      const dueTimestamp = now + ctx.options.operationDelayInMs;
      const searchId = randomUUID();
      const id = `search_${searchId}`;
      const resultPath = `/availablePhoneNumbers/searchResults/${searchId}`;
      const { searches, operations } = collections(ctx);
      const search = runSearch(searchRequest, searchId, now, takenNumbers(ctx, now));
      if (search === undefined) {
        operations.put(id, {
          id,
          operationType: 'search',
          status: 'failed',
          resourceLocation: null,
          createdTimestamp: now,
          dueTimestamp,
          error: {
            code: 'OutOfStock',
            message: `The emulator's inventory has fewer than ${searchRequest.quantity} ${searchRequest.phoneNumberType} numbers left in ${searchRequest.countryCode}${searchRequest.areaCode === undefined ? '' : ` area code ${searchRequest.areaCode}`}; ask for fewer or another area code.`,
          },
        });
      } else {
        searches.put(searchId, search);
        operations.put(id, {
          id,
          operationType: 'search',
          status: 'succeeded',
          resourceLocation: `${resultPath}${apiVersion === null ? '' : `?api-version=${encodeURIComponent(apiVersion)}`}`,
          createdTimestamp: now,
          dueTimestamp,
        });
      }
      return reply(202, search === undefined ? undefined : toSearchResult(search), {
        'operation-location': operationLocation(ctx, `/phoneNumbers/operations/${id}`, apiVersion),
        ...(search === undefined ? {} : { location: operationLocation(ctx, resultPath, apiVersion) }),
        'operation-id': id,
        'search-id': searchId,
      });
    }),
});

/**
 * `GET /availablePhoneNumbers/searchResults/{searchId}` → 200 PhoneNumberSearchResult.
 *
 * @example
 * ```ts
 * // the search poller's final GET
 * ```
 */
export const getSearchResult = defineRoute({
  method: 'GET',
  path: '/availablePhoneNumbers/searchResults/{searchId}',
  auth: ADMIN,
  handle: (request, ctx) => {
    const searchId = request.params.searchId ?? '';
    const search = collections(ctx).searches.get(searchId);
    if (search === undefined) throw notFound('NotFound', `Input searchId ${searchId.slice(0, 64)} cannot be found.`);
    return reply(200, toSearchResult(search));
  },
});

/**
 * `POST /availablePhoneNumbers/:purchase` `{searchId}` → 202 with `Operation-Location` of a
 * `purchase` operation; when it completes (after `operationDelayInMs`) the searched numbers are
 * the resource's (`phone-numbers.numbers`).
 * An unknown search → 404 `NotFound` (target `searchid`); an expired one → the operation fails
 * with `ReservationExpired`. Purchasing the same search again changes nothing.
 *
 * @example
 * ```ts
 * await (await phoneNumbersClient.beginPurchasePhoneNumbers(searchId)).pollUntilDone();
 * ```
 */
export const purchaseNumbers = defineRoute({
  method: 'POST',
  path: '/availablePhoneNumbers/:purchase',
  auth: ADMIN,
  body: s.optional(s.unknown()),
  handle: (request, ctx) =>
    answering(() => {
      const searchId = (request.body as { searchId?: unknown } | undefined)?.searchId;
      if (typeof searchId !== 'string' || searchId === '') {
        refuse(400, 'InvalidInput', 'The body {"searchId": "<id from the search>"} is required.', 'searchid');
      }
      prepare(ctx);
      const { searches, operations } = collections(ctx);
      const search = searches.get(searchId);
      if (search === undefined)
        refuse(404, 'NotFound', `Input searchId ${searchId.slice(0, 64)} cannot be found.`, 'searchid');
      const now = ctx.now();
      const dueTimestamp = now + ctx.options.operationDelayInMs;
      const id = `purchase_${searchId}`;
      if (search.purchasedTimestamp === undefined && now >= search.searchExpiresTimestamp) {
        operations.put(id, {
          id,
          operationType: 'purchase',
          status: 'failed',
          resourceLocation: null,
          createdTimestamp: now,
          dueTimestamp,
          error: {
            code: 'ReservationExpired',
            message: `Search ${searchId} expired at ${new Date(search.searchExpiresTimestamp).toISOString()}; search again.`,
          },
        });
      } else if (search.purchasedTimestamp === undefined) {
        searches.put(searchId, { ...search, purchasedTimestamp: now });
        operations.put(id, {
          id,
          operationType: 'purchase',
          status: 'succeeded',
          resourceLocation: null,
          createdTimestamp: now,
          dueTimestamp,
        });
        schedule(ctx, { operationId: id, kind: 'purchase', searchId, dueTimestamp });
        ctx.annotate({ operationId: id, phoneNumbers: search.phoneNumbers });
      }
      return reply(202, undefined, {
        'operation-location': operationLocation(
          ctx,
          `/phoneNumbers/operations/${id}`,
          request.query.get('api-version'),
        ),
        'operation-id': id,
        'purchase-id': searchId,
      });
    }),
});
