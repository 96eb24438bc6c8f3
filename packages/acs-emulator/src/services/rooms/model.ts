/**
 * What the Rooms service stores and answers (Rooms 2025-03-13 `RoomModel`, `RoomParticipant`).
 * Times are epoch milliseconds inside and RFC 3339 on the wire.
 */

/**
 * The participant roles of the service (`Role` enum).
 *
 * @example
 * ```ts
 * ROLES.includes('Presenter'); // true
 * ```
 */
export const ROLES = ['Presenter', 'Attendee', 'Consumer', 'Collaborator'] as const;

/**
 * A participant role.
 *
 * @example
 * ```ts
 * const role: Role = 'Attendee';
 * ```
 */
export type Role = (typeof ROLES)[number];

/**
 * A room as stored in `rooms.rooms` (keyed by id).
 *
 * @example
 * ```ts
 * collections(ctx).rooms.get(id); // RoomRecord | undefined
 * ```
 */
export interface RoomRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly validFrom: number;
  readonly validUntil: number;
  readonly pstnDialOutEnabled: boolean;
}

/**
 * A participant as stored in `rooms.participants` (keyed by {@link participantKey}).
 *
 * @example
 * ```ts
 * participantsOf(ctx, roomId); // ParticipantRecord[]
 * ```
 */
export interface ParticipantRecord {
  readonly roomId: string;
  readonly rawId: string;
  readonly role: Role;
}

/**
 * The wire form of a room.
 *
 * @example
 * ```ts
 * const model: RoomModel = toRoomModel(record);
 * ```
 */
export interface RoomModel {
  id: string;
  createdAt: string;
  validFrom: string;
  validUntil: string;
  pstnDialOutEnabled: boolean;
}

/**
 * The store key of a participant: the room id, a separator no room id contains, the raw id. All
 * participants of a room share the prefix {@link participantPrefix}.
 *
 * @example
 * ```ts
 * participantKey('99117812428622880', '8:acs:r_u'); // '99117812428622880/8:acs:r_u'
 * ```
 */
export function participantKey(roomId: string, rawId: string): string {
  return `${participantPrefix(roomId)}${rawId}`;
}

/**
 * The key prefix of a room's participants.
 *
 * @example
 * ```ts
 * participantPrefix('99117812428622880'); // '99117812428622880/'
 * ```
 */
export function participantPrefix(roomId: string): string {
  return `${roomId}/`;
}

/**
 * An instant as the service writes it: `2023-06-30T00:00:00.000+00:00`.
 *
 * @example
 * ```ts
 * formatInstant(Date.UTC(2023, 5, 30)); // '2023-06-30T00:00:00.000+00:00'
 * ```
 */
export function formatInstant(timestamp: number): string {
  return new Date(timestamp).toISOString().replace('Z', '+00:00');
}

/**
 * The wire form of a stored room.
 *
 * @example
 * ```ts
 * toRoomModel(record); // { id, createdAt: '…+00:00', validFrom, validUntil, pstnDialOutEnabled }
 * ```
 */
export function toRoomModel(room: RoomRecord): RoomModel {
  return {
    id: room.id,
    createdAt: formatInstant(room.createdAt),
    validFrom: formatInstant(room.validFrom),
    validUntil: formatInstant(room.validUntil),
    pstnDialOutEnabled: room.pstnDialOutEnabled,
  };
}
