import { page } from '../../host/paging.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { answering } from './answer.js';
import { readRoomBody } from './body.js';
import { participantKey, type RoomRecord, toRoomModel } from './model.js';
import { readParticipants } from './participants.js';
import { newRoomId } from './room-id.js';
import { collections, existingRoom, participantsOf } from './state.js';
import { resolveWindow } from './validity.js';

/**
 * The room routes of Rooms 2025-03-13: create, get, update (merge patch), delete, list. Admin
 * routes: HMAC with the resource key or an Entra admin token.
 */

const ADMIN = ['hmac', 'entraAdmin'] as const;
const ANY_BODY = s.optional(s.unknown());

/**
 * `POST /rooms` → 201 RoomModel, `Location: <roomId>`. A retried create with the same
 * `Repeatability-Request-ID` answers the room the first one made.
 *
 * @example
 * ```ts
 * await new RoomsClient(connectionString).createRoom({ validUntil, participants });
 * ```
 */
export const createRoom = defineRoute({
  method: 'POST',
  path: '/rooms',
  auth: ADMIN,
  body: ANY_BODY,
  handle: (request, ctx) =>
    answering(() => {
      const { rooms, participants, repeatability } = collections(ctx);
      const requestId = single(request.headers['repeatability-request-id']);
      const repeated = requestId === undefined ? undefined : repeatability.get(requestId);
      const earlier = repeated === undefined ? undefined : rooms.get(repeated.roomId);
      if (earlier !== undefined) {
        return reply(201, toRoomModel(earlier), { location: earlier.id, 'repeatability-result': 'accepted' });
      }
      const properties = readRoomBody(request.body);
      const changes = readParticipants(properties.participants, 'create');
      const now = ctx.now();
      const window = resolveWindow(properties, undefined, now);
      let id = newRoomId();
      while (rooms.has(id)) id = newRoomId();
      const room: RoomRecord = {
        id,
        createdAt: now,
        ...window,
        pstnDialOutEnabled: properties.pstnDialOutEnabled ?? false,
      };
      rooms.put(id, room);
      for (const { rawId, role } of changes.upserts)
        participants.put(participantKey(id, rawId), { roomId: id, rawId, role });
      if (requestId !== undefined) repeatability.put(requestId, { roomId: id });
      ctx.annotate({ roomId: id, participants: changes.upserts.length });
      return reply(201, toRoomModel(room), {
        location: id,
        ...(requestId === undefined ? {} : { 'repeatability-result': 'accepted' }),
      });
    }),
});

/**
 * `GET /rooms/{roomId}` → 200 RoomModel (404 `NotFound` for an unknown room).
 *
 * @example
 * ```ts
 * await roomsClient.getRoom(roomId);
 * ```
 */
export const getRoom = defineRoute({
  method: 'GET',
  path: '/rooms/{roomId}',
  auth: ADMIN,
  handle: (request, ctx) => answering(() => reply(200, toRoomModel(existingRoom(ctx, request.params.roomId ?? '')))),
});

/**
 * `PATCH /rooms/{roomId}` (merge patch of `validFrom`, `validUntil`, `pstnDialOutEnabled`) →
 * 200 RoomModel. A room that has ended can no longer be updated.
 *
 * @example
 * ```ts
 * await roomsClient.updateRoom(roomId, { validUntil, pstnDialOutEnabled: true });
 * ```
 */
export const updateRoom = defineRoute({
  method: 'PATCH',
  path: '/rooms/{roomId}',
  auth: ADMIN,
  body: ANY_BODY,
  handle: (request, ctx) =>
    answering(() => {
      const room = existingRoom(ctx, request.params.roomId ?? '');
      const properties = readRoomBody(request.body);
      const window = resolveWindow(properties, room, ctx.now());
      const updated: RoomRecord = {
        ...room,
        ...window,
        pstnDialOutEnabled: properties.pstnDialOutEnabled ?? room.pstnDialOutEnabled,
      };
      collections(ctx).rooms.put(room.id, updated);
      ctx.annotate({ roomId: room.id });
      return reply(200, toRoomModel(updated));
    }),
});

/**
 * `DELETE /rooms/{roomId}` → 204, with its participants (404 for an unknown room).
 *
 * @example
 * ```ts
 * await roomsClient.deleteRoom(roomId);
 * ```
 */
export const deleteRoom = defineRoute({
  method: 'DELETE',
  path: '/rooms/{roomId}',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() => {
      const room = existingRoom(ctx, request.params.roomId ?? '');
      const { rooms, participants } = collections(ctx);
      for (const participant of participantsOf(ctx, room.id))
        participants.delete(participantKey(room.id, participant.rawId));
      rooms.delete(room.id);
      ctx.annotate({ roomId: room.id, deleted: true });
      return reply(204);
    }),
});

/**
 * `GET /rooms` → 200 `{value: RoomModel[], nextLink?}`, oldest first.
 *
 * @example
 * ```ts
 * for await (const room of roomsClient.listRooms()) console.log(room.id);
 * ```
 */
export const listRooms = defineRoute({
  method: 'GET',
  path: '/rooms',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() =>
      reply(200, page(collections(ctx).rooms.values().map(toRoomModel), request, ctx, { defaultPageSize: 100 })),
    ),
});

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
