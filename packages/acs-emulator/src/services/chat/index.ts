import { defineService } from '../../host/service.js';
import { listChatThreads } from './threads.js';

/**
 * The Chat service (ACS user tokens with a chat scope).
 *
 * @example
 * ```ts
 * import { service as chat } from './services/chat/index.js';
 * ```
 */
export const service = defineService({
  name: 'chat',
  apiVersions: ['2021-03-07', '2021-09-07', '2023-11-07', '2024-03-07', '2025-03-15'],
  collections: ['threads', 'messages'],
  routes: [listChatThreads],
});
