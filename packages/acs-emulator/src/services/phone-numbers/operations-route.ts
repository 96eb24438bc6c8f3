import { notFound } from '../../host/errors.js';
import { defineRoute, reply } from '../../host/service.js';
import { collections } from './collections.js';
import { toOperationModel } from './operation-record.js';
import { prepare } from './state.js';

/**
 * `GET /phoneNumbers/operations/{operationId}` → 200 PhoneNumberOperation (with `Location` of
 * the result for a search), the status route of the search, purchase and release pollers.
 *
 * @example
 * ```ts
 * // polled by the clients' long-running-operation pollers
 * ```
 */
export const getOperation = defineRoute({
  method: 'GET',
  path: '/phoneNumbers/operations/{operationId}',
  auth: ['hmac', 'entraAdmin'],
  handle: (request, ctx) => {
    prepare(ctx);
    const operationId = request.params.operationId ?? '';
    const operation = collections(ctx).operations.get(operationId);
    if (operation === undefined)
      throw notFound('NotFound', `Input operationId ${operationId.slice(0, 80)} cannot be found.`);
    const location = operation.resourceLocation;
    return reply(
      200,
      toOperationModel(operation, ctx.now()),
      location === null ? {} : { location: `${ctx.endpoint.replace(/\/$/, '')}${location}` },
    );
  },
});
