import type { RoomView, Section } from '../api-types.js';
import { fields, flag, text, time } from './fields.js';
import type { DashboardSource } from './source.js';

/**
 * Rooms (`rooms.rooms`) and their participants (`rooms.participants`, or a `participants` map on
 * the room record).
 *
 * @example
 * ```ts
 * roomsView(hostSource(ctx.host)).value;
 * ```
 */
export function roomsView(source: DashboardSource): Section<RoomView> {
  const participants = new Map<string, { id: string; role: string | null }[]>();
  for (const value of source.values('rooms.participants')) {
    const record = fields(value);
    const roomId = text(record, 'roomId');
    const id = text(record, 'rawId');
    if (roomId === null || id === null) continue;
    const of = participants.get(roomId) ?? [];
    of.push({ id, role: text(record, 'role') });
    participants.set(roomId, of);
  }
  const value = source.values('rooms.rooms').flatMap((raw): RoomView[] => {
    const record = fields(raw);
    const id = text(record, 'id');
    if (id === null) return [];
    const inline = Object.entries(fields(record.participants)).map(([rawId, entry]) => ({
      id: rawId,
      role: text(fields(entry), 'role'),
    }));
    return [
      {
        id,
        createdAt: time(record, 'createdAt'),
        validFrom: time(record, 'validFrom'),
        validUntil: time(record, 'validUntil'),
        pstnDialOutEnabled: flag(record, 'pstnDialOutEnabled'),
        participants: participants.get(id) ?? inline,
      },
    ];
  });
  return { present: source.services.includes('rooms'), service: 'rooms', value };
}
