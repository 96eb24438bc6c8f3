import { defineService } from '../../host/service.js';
import { listParticipants, updateParticipants } from './participants-routes.js';
import { createRoom, deleteRoom, getRoom, listRooms, updateRoom } from './rooms-routes.js';

/**
 * Rooms (`@azure/communication-rooms@1.2.0`, api-version 2025-03-13): rooms with a validity
 * window and a PSTN dial-out flag, and their participants (communication users with roles),
 * changed by JSON merge patch. Collections `rooms.rooms`, `rooms.participants`,
 * `rooms.repeatability`.
 *
 * @example
 * ```ts
 * // services/index.ts
 * import { service as rooms } from './rooms/index.js';
 * ```
 */
export const service = defineService({
  name: 'rooms',
  apiVersions: ['2023-06-14', '2024-04-15', '2025-03-13'],
  collections: ['rooms', 'participants', 'repeatability'],
  routes: [createRoom, listRooms, getRoom, updateRoom, deleteRoom, listParticipants, updateParticipants],
});
