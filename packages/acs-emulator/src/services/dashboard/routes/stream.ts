import type { ServerResponse } from 'node:http';
import { defineRoute, type HostView, streamReply } from '../../../host/service.js';
import type { ViewName } from '../api-types.js';
import { VIEWS_CHANGED_BY_DELIVERY, viewsChangedByEvent, viewsChangedByRequest } from '../changes.js';
import { COMMON_HEADERS } from '../security-headers.js';
import { entryView } from '../views/request-log.js';

/**
 * `GET /emulator/api/stream`: Server-Sent Events for the page. First every logged request after
 * `Last-Event-ID` (EventSource sends it when it reconnects) as `request` events, then each new one
 * as it is logged; `change` events name the views a request, an event or a delivery may have
 * changed (gathered for {@link CHANGE_BATCH_IN_MS}, so a burst is one refetch). A comment every
 * {@link HEARTBEAT_IN_MS} keeps proxies and the browser from timing the stream out.
 */

/** How long changes are gathered before one `change` event. */
export const CHANGE_BATCH_IN_MS = 150;
/** The keep-alive comment interval. */
export const HEARTBEAT_IN_MS = 15_000;

const open = new Map<HostView, Set<ServerResponse>>();

/**
 * Ends every open stream of a host (the service's stop function, so `close()` does not wait for
 * the browser to hang up).
 *
 * @example
 * ```ts
 * closeStreams(host);
 * ```
 */
export function closeStreams(host: HostView): void {
  for (const response of open.get(host) ?? []) response.end();
  open.delete(host);
}

/** `GET /emulator/api/stream`. @example `new EventSource('/emulator/api/stream')` */
export const getStream = defineRoute({
  method: 'GET',
  path: '/emulator/api/stream',
  auth: ['loopback'],
  apiVersions: null,
  handle: (request, ctx) => {
    const header = request.headers['last-event-id'];
    const lastId = Number(Array.isArray(header) ? header[0] : (header ?? request.query.get('after') ?? '0'));
    const afterId = Number.isSafeInteger(lastId) && lastId > 0 ? lastId : 0;
    const { host } = ctx;
    return streamReply((response) => {
      response.writeHead(200, {
        ...COMMON_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        connection: 'keep-alive',
      });
      let sentId = afterId;
      const sendEntry = (entry: Parameters<typeof entryView>[0]) => {
        if (entry.id <= sentId) return;
        sentId = entry.id;
        response.write(`id: ${entry.id}\nevent: request\ndata: ${JSON.stringify(entryView(entry))}\n\n`);
      };
      let pending = new Set<ViewName>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const changed = (views: readonly ViewName[]) => {
        if (views.length === 0) return;
        for (const view of views) pending.add(view);
        timer ??= setTimeout(() => {
          timer = undefined;
          const views = [...pending];
          pending = new Set();
          response.write(`event: change\ndata: ${JSON.stringify({ views })}\n\n`);
        }, CHANGE_BATCH_IN_MS);
      };

      // Subscribe first, then send the backlog: an entry logged in between is sent once (by id).
      const unsubscribes = [
        host.requestLog.subscribe((entry) => {
          sendEntry(entry);
          changed(viewsChangedByRequest(entry));
        }),
        host.events.on((event) => changed(viewsChangedByEvent(event.type))),
        host.outbound.subscribe(() => changed(VIEWS_CHANGED_BY_DELIVERY)),
      ];
      response.write('retry: 1000\n\n');
      for (const entry of host.requestLog.entries(afterId)) sendEntry(entry);

      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_IN_MS);
      heartbeat.unref();
      let streams = open.get(host);
      if (streams === undefined) {
        streams = new Set();
        open.set(host, streams);
      }
      streams.add(response);
      response.on('close', () => {
        clearInterval(heartbeat);
        if (timer !== undefined) clearTimeout(timer);
        for (const unsubscribe of unsubscribes) unsubscribe();
        open.get(host)?.delete(response);
      });
    });
  },
});
