import { badArgument, refuse } from './problem.js';
import { parseInstant } from './validity.js';

/**
 * The room properties of a create or update body (`validFrom`, `validUntil`,
 * `pstnDialOutEnabled`), each optional; `null` counts as absent, as in a JSON merge patch of a
 * property that has a default.
 */

/**
 * The properties, parsed.
 *
 * @example
 * ```ts
 * const { validFrom, validUntil } = readRoomBody(request.body); // RoomProperties
 * ```
 */
export interface RoomProperties {
  readonly validFrom?: number;
  readonly validUntil?: number;
  readonly pstnDialOutEnabled?: boolean;
  readonly participants?: unknown;
}

/**
 * Reads a create/update body (an object, or nothing).
 *
 * @example
 * ```ts
 * readRoomBody({ validUntil: '2026-12-31T00:00:00Z' }); // { validUntil: 1798675200000 }
 * ```
 */
export function readRoomBody(body: unknown): RoomProperties {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    refuse(
      badArgument('body', 'The body must be a JSON object: {"validFrom"?, "validUntil"?, "pstnDialOutEnabled"?}.'),
    );
  }
  const { validFrom, validUntil, pstnDialOutEnabled, participants } = body as Record<string, unknown>;
  const instant = (value: unknown, target: 'ValidFrom' | 'ValidUntil') => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') refuse(badArgument(target, `${target} must be an RFC 3339 date-time string.`));
    return parseInstant(value, target);
  };
  if (pstnDialOutEnabled !== undefined && pstnDialOutEnabled !== null && typeof pstnDialOutEnabled !== 'boolean') {
    refuse(badArgument('PstnDialOutEnabled', 'pstnDialOutEnabled must be true or false.'));
  }
  const from = instant(validFrom, 'ValidFrom');
  const until = instant(validUntil, 'ValidUntil');
  return {
    ...(from === undefined ? {} : { validFrom: from }),
    ...(until === undefined ? {} : { validUntil: until }),
    ...(typeof pstnDialOutEnabled === 'boolean' ? { pstnDialOutEnabled } : {}),
    ...(participants === undefined ? {} : { participants }),
  };
}
