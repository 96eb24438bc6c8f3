import { defineService } from '../../host/service.js';
import { getEmailAttachment, getEmailHtml } from './routes/email.js';
import { getAsset, getPage, redirectToPage } from './routes/page.js';
import { replayDelivery } from './routes/replay.js';
import { closeStreams, getStream } from './routes/stream.js';
import {
  getCalls,
  getChat,
  getDeliveries,
  getIdentities,
  getOutbox,
  getOverview,
  getRequests,
  getRooms,
} from './routes/views.js';

/**
 * The dashboard: a web page at `{endpoint}emulator/` showing what the app did (identities and
 * tokens, chat, the outbox, rooms, calls, deliveries) and every request with the reason of a
 * refusal, live over Server-Sent Events. Loopback callers only; it reads the host (store, request
 * log, deliveries) and writes nothing, except replaying a dead delivery on request.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * emulator.dashboard; // 'https://127.0.0.1:PORT/emulator/'
 * ```
 */
export const service = defineService({
  name: 'dashboard',
  apiVersions: null,
  collections: [],
  routes: [
    getPage,
    redirectToPage,
    getAsset,
    getOverview,
    getRequests,
    getIdentities,
    getChat,
    getOutbox,
    getEmailHtml,
    getEmailAttachment,
    getRooms,
    getCalls,
    getDeliveries,
    getStream,
    replayDelivery,
  ],
  start: (host) => () => closeStreams(host),
});
