import { page } from '../../host/paging.js';
import * as s from '../../host/schema.js';
import { defineRoute, reply } from '../../host/service.js';
import { answering } from './answer.js';
import { participantKey } from './model.js';
import { readParticipants } from './participants.js';
import { badArgument, refuse } from './problem.js';
import { collections, existingRoom, participantsOf } from './state.js';
import { hasEnded } from './validity.js';

/**
 * The participant routes of Rooms 2025-03-13: list, and the JSON merge patch that adds,
 * changes the role of (`{"role": …}`) and removes (`null`) participants.
 */

const ADMIN = ['hmac', 'entraAdmin'] as const;

/**
 * `GET /rooms/{roomId}/participants` → 200 `{value: [{rawId, role}], nextLink?}`.
 *
 * @example
 * ```ts
 * for await (const participant of roomsClient.listParticipants(roomId)) console.log(participant.role);
 * ```
 */
export const listParticipants = defineRoute({
  method: 'GET',
  path: '/rooms/{roomId}/participants',
  auth: ADMIN,
  handle: (request, ctx) =>
    answering(() => {
      const room = existingRoom(ctx, request.params.roomId ?? '');
      const value = participantsOf(ctx, room.id).map(({ rawId, role }) => ({ rawId, role }));
      return reply(200, page(value, request, ctx, { defaultPageSize: 100 }));
    }),
});

/**
 * `PATCH /rooms/{roomId}/participants` (`application/merge-patch+json`,
 * `{participants: {rawId: {role} | null}}`) → 200 `{}`. Removing a participant that is not in the
 * room succeeds, as the service does; a room that has ended refuses changes.
 *
 * @example
 * ```ts
 * await roomsClient.addOrUpdateParticipants(roomId, [{ id: user, role: 'Presenter' }]);
 * await roomsClient.removeParticipants(roomId, [user]);
 * ```
 */
export const updateParticipants = defineRoute({
  method: 'PATCH',
  path: '/rooms/{roomId}/participants',
  auth: ADMIN,
  body: s.optional(s.unknown()),
  handle: (request, ctx) =>
    answering(() => {
      const room = existingRoom(ctx, request.params.roomId ?? '');
      if (hasEnded(room, ctx.now())) {
        refuse(
          badArgument(
            'ValidUntil',
            'The room has ended (its validUntil has passed); its participants can no longer be changed.',
          ),
        );
      }
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        refuse(badArgument('body', 'The body must be {"participants": {"<rawId>": {"role": "Attendee"} | null}}.'));
      }
      const changes = readParticipants((body as { participants?: unknown }).participants, 'patch');
      const { participants } = collections(ctx);
      for (const { rawId, role } of changes.upserts)
        participants.put(participantKey(room.id, rawId), { roomId: room.id, rawId, role });
      for (const rawId of changes.removals) participants.delete(participantKey(room.id, rawId));
      ctx.annotate({ roomId: room.id, upserted: changes.upserts.length, removed: changes.removals.length });
      return reply(200, {});
    }),
});
