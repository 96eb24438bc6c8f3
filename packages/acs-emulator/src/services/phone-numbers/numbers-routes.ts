import { randomUUID } from 'node:crypto';
import { operationLocation } from '../../host/operations.js';
import { page } from '../../host/paging.js';
import { defineRoute, reply } from '../../host/service.js';
import { answering } from './answer.js';
import { collections } from './collections.js';
import { schedule } from './pending.js';
import { prepare, purchasedNumber } from './state.js';

/**
 * The purchased-number routes of Phone Numbers 2025-06-01: list, get, and release (a
 * long-running operation that the emulator completes at once).
 */

const ADMIN = ['hmac', 'entraAdmin'] as const;

/**
 * `GET /phoneNumbers?skip=&top=` → 200 `{phoneNumbers: PurchasedPhoneNumber[], nextLink?}`.
 *
 * @example
 * ```ts
 * for await (const number of phoneNumbersClient.listPurchasedPhoneNumbers()) console.log(number.phoneNumber);
 * ```
 */
export const listPurchasedNumbers = defineRoute({
  method: 'GET',
  path: '/phoneNumbers',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() => {
      prepare(ctx);
      const skipText = request.query.get('skip') ?? '0';
      const skip = /^\d{1,9}$/.test(skipText) ? Number(skipText) : 0;
      const { value, nextLink } = page(collections(ctx).numbers.values().slice(skip), request, ctx, {
        defaultPageSize: 100,
        pageSizeParameter: 'top',
      });
      return reply(200, { phoneNumbers: value, ...(nextLink === undefined ? {} : { nextLink }) });
    }),
});

/**
 * `GET /phoneNumbers/{phoneNumber}` → 200 PurchasedPhoneNumber, or 404 `NotFound` (target
 * `phonenumber`) for a number the resource does not own.
 *
 * @example
 * ```ts
 * await phoneNumbersClient.getPurchasedPhoneNumber('+18005550100');
 * ```
 */
export const getPurchasedNumber = defineRoute({
  method: 'GET',
  path: '/phoneNumbers/{phoneNumber}',
  auth: ADMIN,
  handle: (request, ctx) => answering(() => reply(200, purchasedNumber(ctx, request.params.phoneNumber ?? ''))),
});

/**
 * `DELETE /phoneNumbers/{phoneNumber}` → 202 with `Operation-Location` of a `releasePhoneNumber`
 * operation; when it completes (after `operationDelayInMs`) the number leaves
 * `phone-numbers.numbers` and ages a day before a search offers it again.
 *
 * @example
 * ```ts
 * await (await phoneNumbersClient.beginReleasePhoneNumber('+18005550100')).pollUntilDone();
 * ```
 */
export const releaseNumber = defineRoute({
  method: 'DELETE',
  path: '/phoneNumbers/{phoneNumber}',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() => {
      const record = purchasedNumber(ctx, request.params.phoneNumber ?? '');
      const now = ctx.now();
      const dueTimestamp = now + ctx.options.operationDelayInMs;
      const releaseId = randomUUID();
      const id = `release_${releaseId}`;
      collections(ctx).operations.put(id, {
        id,
        operationType: 'releasePhoneNumber',
        status: 'succeeded',
        resourceLocation: null,
        createdTimestamp: now,
        dueTimestamp,
      });
      schedule(ctx, { operationId: id, kind: 'release', phoneNumber: record.phoneNumber, dueTimestamp });
      ctx.annotate({ phoneNumber: record.phoneNumber, operationId: id });
      return reply(202, undefined, {
        'operation-location': operationLocation(
          ctx,
          `/phoneNumbers/operations/${id}`,
          request.query.get('api-version'),
        ),
        'operation-id': id,
        'release-id': releaseId,
      });
    }),
});
