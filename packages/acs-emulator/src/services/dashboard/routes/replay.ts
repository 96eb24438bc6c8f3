import { badRequest, notFound } from '../../../host/errors.js';
import { defineRoute, reply } from '../../../host/service.js';
import { COMMON_HEADERS } from '../security-headers.js';
import { deliveryView } from '../views/deliveries.js';

/**
 * `POST /emulator/deliveries/{id}:replay` → 202 with the new delivery: sends a dead delivery again
 * (the host's outbound queue keeps its url, body and headers; the replay is a new delivery with
 * its own attempts). Only dead deliveries replay: a pending one is still being tried.
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/deliveries/7:replay`, { method: 'POST' });
 * ```
 */
export const replayDelivery = defineRoute({
  method: 'POST',
  path: '/emulator/deliveries/{id}:replay',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => {
    const id = Number(request.params.id);
    const record = Number.isSafeInteger(id) ? ctx.host.outbound.get(id) : undefined;
    if (record === undefined) {
      throw notFound('NotFound', `No delivery #${request.params.id} is kept (see GET /emulator/api/deliveries).`);
    }
    const replayed = ctx.host.outbound.replay(id);
    if (replayed === undefined) {
      throw badRequest(
        'DeliveryNotDead',
        `Delivery #${id} is ${record.status}: only a dead delivery (out of attempts) can be replayed.`,
      );
    }
    return reply(202, deliveryView(replayed), COMMON_HEADERS);
  },
});
