import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  participantKey,
  participantPrefix,
  type RoomRecord,
  toRoomModel,
} from '../../../src/services/rooms/model.js';
import { isCommunicationUserRawId, readParticipants } from '../../../src/services/rooms/participants.js';
import { MALFORMED_SYNTAX, type Problem, RoomsProblem } from '../../../src/services/rooms/problem.js';
import { checkRoomId, newRoomId } from '../../../src/services/rooms/room-id.js';
import { hasEnded, MAX_WINDOW_IN_MS, parseInstant, resolveWindow } from '../../../src/services/rooms/validity.js';

// The pure rules of the Rooms service, against the answers the real service gave in the
// official SDKs' recorded live tests (Azure/azure-sdk-for-net Rooms SessionRecords).

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const DAY = 24 * 60 * 60_000;

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof RoomsProblem) return error.problem;
    throw error;
  }
  throw new Error('expected a RoomsProblem');
}

const room = (overrides: Partial<RoomRecord> = {}): RoomRecord => ({
  id: '99117812428622880',
  createdAt: NOW - DAY,
  validFrom: NOW - DAY,
  validUntil: NOW + DAY,
  pstnDialOutEnabled: false,
  ...overrides,
});

describe('validity window', () => {
  it('defaults to now and now + 180 days (the recorded 2023-07-06 → 2024-01-02)', () => {
    expect(resolveWindow({}, undefined, NOW)).toEqual({ validFrom: NOW, validUntil: NOW + MAX_WINDOW_IN_MS });
    const recorded = Date.parse('2023-07-06T18:38:10.3511836+00:00');
    expect(formatInstant(resolveWindow({}, undefined, recorded).validUntil).slice(0, 19)).toBe('2024-01-02T18:38:10');
  });

  it('defaults validUntil from the given validFrom', () => {
    expect(resolveWindow({ validFrom: NOW + DAY }, undefined, NOW)).toEqual({
      validFrom: NOW + DAY,
      validUntil: NOW + DAY + MAX_WINDOW_IN_MS,
    });
  });

  it('refuses an end in the past with the service envelope', () => {
    expect(problemOf(() => resolveWindow({ validUntil: NOW - 1 }, undefined, NOW))).toEqual({
      status: 400,
      code: 'BadRequest',
      message: MALFORMED_SYNTAX,
      details: [{ code: 'BadArgument', message: 'The time range end is in the past.', target: 'ValidUntil' }],
    });
  });

  it('refuses a window longer than 180 days, an empty one and a start too far ahead', () => {
    const longer = problemOf(() =>
      resolveWindow({ validFrom: NOW, validUntil: NOW + MAX_WINDOW_IN_MS + 1 }, undefined, NOW),
    );
    expect(longer.details?.[0]).toEqual({
      code: 'BadArgument',
      message: 'The time range is incorrect, or larger than 180 days.',
      target: 'ValidUntil',
    });
    const empty = problemOf(() => resolveWindow({ validFrom: NOW + 2 * DAY, validUntil: NOW + DAY }, undefined, NOW));
    expect(empty.details?.[0]?.target).toBe('ValidUntil');
    const ahead = problemOf(() => resolveWindow({ validFrom: NOW + MAX_WINDOW_IN_MS + 1 }, undefined, NOW));
    expect(ahead.details?.[0]).toEqual({
      code: 'BadArgument',
      message: 'Value is incorrect or more than 180 days in the future.',
      target: 'ValidFrom',
    });
    expect(resolveWindow({ validFrom: NOW, validUntil: NOW + MAX_WINDOW_IN_MS }, undefined, NOW).validUntil).toBe(
      NOW + MAX_WINDOW_IN_MS,
    );
  });

  it('updates keep the bounds that are not given', () => {
    expect(resolveWindow({ validUntil: NOW + 2 * DAY }, room(), NOW)).toEqual({
      validFrom: NOW - DAY,
      validUntil: NOW + 2 * DAY,
    });
    expect(resolveWindow({}, room(), NOW)).toEqual({ validFrom: NOW - DAY, validUntil: NOW + DAY });
  });

  it('an ended room can no longer be updated', () => {
    const ended = room({ validUntil: NOW - 1 });
    expect(hasEnded(ended, NOW)).toBe(true);
    expect(hasEnded(room(), NOW)).toBe(false);
    const problem = problemOf(() => resolveWindow({ validUntil: NOW + DAY }, ended, NOW));
    expect(problem.status).toBe(400);
    expect(problem.details?.[0]?.message).toMatch(/has ended/);
  });

  it('parses RFC 3339 date-times and names the field of a malformed one', () => {
    expect(parseInstant('2023-06-30T00:00:00Z', 'ValidFrom')).toBe(Date.UTC(2023, 5, 30));
    expect(parseInstant('2023-06-30T02:00:00.1234567+02:00', 'ValidFrom')).toBe(Date.UTC(2023, 5, 30) + 123);
    for (const bad of ['yesterday', '2023-06-30', '2023-13-40T00:00:00Z', '']) {
      expect(problemOf(() => parseInstant(bad, 'ValidUntil')).details?.[0]?.target).toBe('ValidUntil');
    }
  });
});

describe('room ids and wire form', () => {
  it('makes 17-digit ids and refuses malformed ones with the service message', () => {
    const id = newRoomId();
    expect(id).toMatch(/^99\d{15}$/);
    expect(newRoomId()).not.toBe(id);
    expect(checkRoomId('9945622662646513')).toBe('9945622662646513');
    expect(problemOf(() => checkRoomId('invalid_id'))).toEqual({
      status: 400,
      code: 'BadRequest',
      message: 'Invalid room ID length.',
    });
  });

  it('answers RoomModel with RFC 3339 instants', () => {
    expect(toRoomModel(room({ validFrom: Date.UTC(2023, 5, 30), pstnDialOutEnabled: true }))).toEqual({
      id: '99117812428622880',
      createdAt: formatInstant(NOW - DAY),
      validFrom: '2023-06-30T00:00:00.000+00:00',
      validUntil: formatInstant(NOW + DAY),
      pstnDialOutEnabled: true,
    });
    expect(participantKey('1', '8:acs:x').startsWith(participantPrefix('1'))).toBe(true);
    expect(participantKey('1', '8:acs:x').startsWith(participantPrefix('11'))).toBe(false);
  });
});

describe('participants map', () => {
  it('reads the spec example (upserts with roles, null removes)', () => {
    const prefix = '8:acs:db75ed0c-e801-41a3-99a4-66a0a119a06c_00000010-ce28-064a-83fe-084822000';
    expect(
      readParticipants(
        {
          [`${prefix}666`]: { role: 'Attendee' },
          [`${prefix}777`]: { role: 'Presenter' },
          [`${prefix}888`]: { role: 'Collaborator' },
          [`${prefix}999`]: null,
        },
        'patch',
      ),
    ).toEqual({
      upserts: [
        { rawId: `${prefix}666`, role: 'Attendee' },
        { rawId: `${prefix}777`, role: 'Presenter' },
        { rawId: `${prefix}888`, role: 'Collaborator' },
      ],
      removals: [`${prefix}999`],
    });
    expect(readParticipants(undefined, 'create')).toEqual({ upserts: [], removals: [] });
    expect(readParticipants({ '8:acs:r_1': { role: 'Consumer' } }, 'create').upserts).toEqual([
      { rawId: '8:acs:r_1', role: 'Consumer' },
    ]);
  });

  it('only communication users may be participants, with the service wording per operation', () => {
    for (const rawId of [
      'invalid_mri',
      '4:+14255550123',
      '8:orgid:0c1e',
      '28:45ab2481-1c1c-4005-be24-0ffb879b1130',
      '8:acs:r_t_u',
    ]) {
      expect(isCommunicationUserRawId(rawId)).toBe(false);
      expect(problemOf(() => readParticipants({ [rawId]: { role: 'Attendee' } }, 'create'))).toEqual({
        status: 400,
        code: 'BadRequest',
        message: 'Invalid format for communication identifier.',
      });
      expect(problemOf(() => readParticipants({ [rawId]: null }, 'patch')).message).toBe(
        'Invalid value for the Participants.',
      );
    }
    expect(isCommunicationUserRawId('8:acs:r_1')).toBe(true);
    expect(isCommunicationUserRawId('8:spool:r_1')).toBe(true);
  });

  it('refuses unknown or missing roles with a detail per participant, and null on create', () => {
    const problem = problemOf(() => readParticipants({ '8:acs:r_1': { role: 'Kafka' }, '8:acs:r_2': {} }, 'patch'));
    expect(problem.code).toBe('BadRequest');
    expect(problem.details?.map((detail) => detail.target)).toEqual([
      '$.participants.8:acs:r_1.role',
      '$.participants.8:acs:r_2.role',
    ]);
    expect(problemOf(() => readParticipants({ '8:acs:r_1': null }, 'create')).details?.[0]?.target).toBe(
      '$.participants.8:acs:r_1.role',
    );
    expect(problemOf(() => readParticipants(['8:acs:r_1'], 'patch')).details?.[0]?.target).toBe('participants');
  });
});
