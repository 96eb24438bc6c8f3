import type { RequestContext } from '../../host/service.js';
import { type ParticipantRecord, participantPrefix, type RoomRecord } from './model.js';
import { ROOM_NOT_FOUND, refuse } from './problem.js';
import { checkRoomId } from './room-id.js';

/**
 * The Rooms collections: `rooms.rooms` (RoomRecord by id), `rooms.participants`
 * (ParticipantRecord by `<roomId>/<rawId>`), `rooms.repeatability` (the room a
 * `Repeatability-Request-ID` created, so a retried create answers the same room).
 */

/**
 * The collections of a request's transaction.
 *
 * @example
 * ```ts
 * collections(ctx).rooms.get('99117812428622880');
 * ```
 */
export function collections(ctx: RequestContext) {
  return {
    rooms: ctx.state.collection<RoomRecord>('rooms.rooms'),
    participants: ctx.state.collection<ParticipantRecord>('rooms.participants'),
    repeatability: ctx.state.collection<{ readonly roomId: string }>('rooms.repeatability'),
  };
}

/**
 * The room of a path id, or the service's 400 (malformed id) / 404 (unknown room).
 *
 * @example
 * ```ts
 * const room = existingRoom(ctx, request.params.roomId ?? '');
 * ```
 */
export function existingRoom(ctx: RequestContext, roomId: string): RoomRecord {
  const room = collections(ctx).rooms.get(checkRoomId(roomId));
  if (room === undefined) refuse(ROOM_NOT_FOUND);
  return room;
}

/**
 * The participants of a room, in the order they were added.
 *
 * @example
 * ```ts
 * participantsOf(ctx, room.id).map((p) => p.rawId);
 * ```
 */
export function participantsOf(ctx: RequestContext, roomId: string): ParticipantRecord[] {
  return collections(ctx).participants.scan(participantPrefix(roomId));
}
