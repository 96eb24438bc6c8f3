import { defineRoute, type HostView, reply } from '../../../host/service.js';
import { findActions } from '../actions.js';
import type { OverviewView, RequestLogView } from '../api-types.js';
import { COMMON_HEADERS } from '../security-headers.js';
import { callsView } from '../views/calls.js';
import { chatView } from '../views/chat.js';
import { deliveriesView } from '../views/deliveries.js';
import { identitiesView } from '../views/identities.js';
import { outboxView } from '../views/outbox.js';
import { entryView } from '../views/request-log.js';
import { roomsView } from '../views/rooms.js';
import { hostSource } from '../views/source.js';

/**
 * The dashboard's JSON API: one read-only route per view, loopback only, no api-version.
 * Every answer is built by a pure view function from the committed store, the request log and
 * the delivery history; none holds a secret.
 */

const json = (body: unknown) => reply(200, body, COMMON_HEADERS);

/**
 * The routes every registered service declares, for {@link findActions}.
 *
 * @example
 * ```ts
 * routeSummaries(ctx.host).length;
 * ```
 */
export function routeSummaries(host: HostView) {
  return host.services.flatMap((service) =>
    service.routes.map((route) => ({ method: route.method, path: route.path, auth: route.auth })),
  );
}

/**
 * `GET /emulator/api/overview` → {@link OverviewView}.
 *
 * @example
 * ```ts
 * (await (await fetch(`${endpoint}emulator/api/overview`)).json()).actions;
 * ```
 */
export const getOverview = defineRoute({
  method: 'GET',
  path: '/emulator/api/overview',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => {
    const { host } = ctx;
    const overview: OverviewView = {
      endpoint: host.endpoint,
      resourceId: host.resourceId,
      services: host.services.map((service) => service.name),
      actions: findActions(routeSummaries(host)),
      requestLog: { size: host.requestLog.size, capacity: host.options.requestLogSize },
    };
    return json(overview);
  },
});

/**
 * `GET /emulator/api/requests[?after=ID]` → {@link RequestLogView} (oldest first).
 *
 * @example
 * ```ts
 * await fetch(`${endpoint}emulator/api/requests?after=120`);
 * ```
 */
export const getRequests = defineRoute({
  method: 'GET',
  path: '/emulator/api/requests',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => {
    const after = Number(request.query.get('after') ?? '0');
    const view: RequestLogView = {
      capacity: ctx.host.options.requestLogSize,
      value: ctx.host.requestLog.entries(Number.isSafeInteger(after) && after > 0 ? after : 0).map(entryView),
    };
    return json(view);
  },
});

/** `GET /emulator/api/identities` → `Section<IdentityView>`. @example `await fetch('/emulator/api/identities')` */
export const getIdentities = defineRoute({
  method: 'GET',
  path: '/emulator/api/identities',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(identitiesView(hostSource(ctx.host))),
});

/** `GET /emulator/api/chat` → `Section<ChatThreadView>`. @example `await fetch('/emulator/api/chat')` */
export const getChat = defineRoute({
  method: 'GET',
  path: '/emulator/api/chat',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(chatView(hostSource(ctx.host))),
});

/** `GET /emulator/api/outbox` → `OutboxView`. @example `await fetch('/emulator/api/outbox')` */
export const getOutbox = defineRoute({
  method: 'GET',
  path: '/emulator/api/outbox',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(outboxView(hostSource(ctx.host))),
});

/** `GET /emulator/api/rooms` → `Section<RoomView>`. @example `await fetch('/emulator/api/rooms')` */
export const getRooms = defineRoute({
  method: 'GET',
  path: '/emulator/api/rooms',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(roomsView(hostSource(ctx.host))),
});

/** `GET /emulator/api/calls` → `Section<CallView>`. @example `await fetch('/emulator/api/calls')` */
export const getCalls = defineRoute({
  method: 'GET',
  path: '/emulator/api/calls',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(callsView(hostSource(ctx.host))),
});

/** `GET /emulator/api/deliveries` → `Section<DeliveryView>`. @example `await fetch('/emulator/api/deliveries')` */
export const getDeliveries = defineRoute({
  method: 'GET',
  path: '/emulator/api/deliveries',
  auth: ['loopback'],
  apiVersions: null,
  handle: (_request, ctx) => json(deliveriesView(hostSource(ctx.host))),
});
