import type { RoomRecord } from './model.js';
import { badArgument, refuse } from './problem.js';

/**
 * The validity window rules of the Rooms service (recorded answers of the real service):
 * `validFrom` defaults to now, `validUntil` to `validFrom` + 180 days; the end may not be in the
 * past, the start may not be more than 180 days ahead, and the window may not be empty or longer
 * than 180 days. A room whose `validUntil` has passed has ended and can no longer be changed.
 */

/**
 * The longest window, and the furthest start, the service accepts.
 *
 * @example
 * ```ts
 * validUntil - validFrom <= MAX_WINDOW_IN_MS; // 180 days
 * ```
 */
export const MAX_WINDOW_IN_MS = 180 * 24 * 60 * 60_000;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 date-time (`2023-06-30T00:00:00Z`, fractions and offsets allowed).
 * Anything else throws the service's argument error naming `target`.
 *
 * @example
 * ```ts
 * parseInstant('2023-06-30T00:00:00Z', 'ValidFrom'); // 1688083200000
 * ```
 */
export function parseInstant(value: string, target: 'ValidFrom' | 'ValidUntil'): number {
  const timestamp = RFC3339.test(value) ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
  if (Number.isNaN(timestamp)) {
    refuse(badArgument(target, `${target} must be an RFC 3339 date-time such as 2023-06-30T00:00:00Z.`));
  }
  return timestamp;
}

/**
 * The window of a new room, or of `existing` changed by the given bounds, checked at `now`.
 *
 * @example
 * ```ts
 * resolveWindow({}, undefined, now); // { validFrom: now, validUntil: now + MAX_WINDOW_IN_MS }
 * resolveWindow({ validUntil: now - 1 }, undefined, now); // throws 400 'The time range end is in the past.'
 * ```
 */
export function resolveWindow(
  requested: { readonly validFrom?: number | undefined; readonly validUntil?: number | undefined },
  existing: RoomRecord | undefined,
  nowTimestamp: number,
): { validFrom: number; validUntil: number } {
  if (existing !== undefined && existing.validUntil <= nowTimestamp) {
    refuse(badArgument('ValidUntil', 'The room has ended (its validUntil has passed); it can no longer be updated.'));
  }
  const validFrom = requested.validFrom ?? existing?.validFrom ?? nowTimestamp;
  const validUntil = requested.validUntil ?? existing?.validUntil ?? validFrom + MAX_WINDOW_IN_MS;
  if (validUntil <= nowTimestamp) refuse(badArgument('ValidUntil', 'The time range end is in the past.'));
  if (validFrom > nowTimestamp + MAX_WINDOW_IN_MS) {
    refuse(badArgument('ValidFrom', 'Value is incorrect or more than 180 days in the future.'));
  }
  if (validUntil <= validFrom || validUntil - validFrom > MAX_WINDOW_IN_MS) {
    refuse(badArgument('ValidUntil', 'The time range is incorrect, or larger than 180 days.'));
  }
  return { validFrom, validUntil };
}

/**
 * Whether a room has ended at `now` (its `validUntil` has passed).
 *
 * @example
 * ```ts
 * hasEnded(room, Date.now());
 * ```
 */
export function hasEnded(room: RoomRecord, nowTimestamp: number): boolean {
  return room.validUntil <= nowTimestamp;
}
