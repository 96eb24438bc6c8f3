import { defineService } from '../../host/service.js';
import {
  deleteMessageRoute,
  getMessageRoute,
  listMessagesRoute,
  sendMessageRoute,
  updateMessageRoute,
} from './message-routes.js';
import {
  addParticipantsRoute,
  listParticipantsRoute,
  listReadReceiptsRoute,
  removeParticipantRoute,
  sendReadReceiptRoute,
  typingRoute,
} from './people-routes.js';
import { CHAT_COLLECTIONS } from './state.js';
import {
  createThreadRoute,
  deleteThreadRoute,
  getThreadRoute,
  listThreadsRoute,
  updateThreadRoute,
} from './thread-routes.js';

/**
 * The Chat service (REST 2025-03-15 and the earlier stable versions the official clients send),
 * for ACS user tokens with a chat scope. Every operation of `ChatClient` / `ChatThreadClient`
 * except real-time notifications, which are signalling, not REST.
 *
 * @example
 * ```ts
 * import { service as chat } from './services/chat/index.js';
 * ```
 */
export const service = defineService({
  name: 'chat',
  apiVersions: ['2021-03-07', '2021-09-07', '2023-11-07', '2024-03-07', '2025-03-15'],
  collections: CHAT_COLLECTIONS,
  routes: [
    createThreadRoute,
    listThreadsRoute,
    getThreadRoute,
    updateThreadRoute,
    deleteThreadRoute,
    sendMessageRoute,
    listMessagesRoute,
    getMessageRoute,
    updateMessageRoute,
    deleteMessageRoute,
    listParticipantsRoute,
    addParticipantsRoute,
    removeParticipantRoute,
    sendReadReceiptRoute,
    listReadReceiptsRoute,
    typingRoute,
  ],
});
