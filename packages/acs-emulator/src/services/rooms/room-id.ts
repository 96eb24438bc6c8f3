import { randomInt } from 'node:crypto';
import { badRequest, refuse } from './problem.js';

/**
 * Room ids: the service hands out decimal strings of 16 to 18 digits (`99117812428622880`). The
 * emulator makes 17-digit ones starting with `99`; a path id that is not 16–18 digits gets the
 * service's 400 `Invalid room ID length.`
 */

const ROOM_ID = /^\d{16,18}$/;

/**
 * A fresh room id.
 *
 * @example
 * ```ts
 * newRoomId(); // '99' followed by 15 random digits
 * ```
 */
export function newRoomId(): string {
  let digits = '99';
  while (digits.length < 17) digits += String(randomInt(10));
  return digits;
}

/**
 * Returns the id if it has the service's shape; otherwise throws its 400.
 *
 * @example
 * ```ts
 * checkRoomId('99117812428622880'); // '99117812428622880'
 * checkRoomId('invalid_id'); // throws RoomsProblem 400 'Invalid room ID length.'
 * ```
 */
export function checkRoomId(id: string): string {
  if (!ROOM_ID.test(id)) refuse(badRequest('Invalid room ID length.'));
  return id;
}
