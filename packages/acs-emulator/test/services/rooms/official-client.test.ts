import type { CommunicationIdentityClient as IdentityClient } from '@azure/communication-identity';
import type { RoomsClient as Client } from '@azure/communication-rooms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { signed } from '../../helpers/client.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from './acs-common-loader.js';

// The official @azure/communication-rooms@1.2.0, unmodified and in-process, on acs-common (its
// `@azure/communication-common` import resolves to acs-common, as npm overrides do in
// examples/drop-in), over HTTPS, against the emulator's Rooms service: every main operation and
// the errors a user meets first. The emulator's clock is shifted to make a room end.

onAcsCommon();
const { RoomsClient } = await import('@azure/communication-rooms');
const { CommunicationIdentityClient } = await import('@azure/communication-identity');

const MINUTE = 60_000;
let emulator: RunningEmulator;
let offsetInMs = 0;
let rooms: Client;
let users: Array<{ communicationUserId: string }>;

beforeAll(async () => {
  emulator = await startTestEmulator({ now: () => Date.now() + offsetInMs });
  rooms = new RoomsClient(emulator.connectionString);
  const identity: IdentityClient = new CommunicationIdentityClient(emulator.connectionString);
  users = await Promise.all([identity.createUser(), identity.createUser(), identity.createUser()]);
});
afterAll(() => emulator.close());

const ids = (list: Array<{ id: unknown }>) =>
  list.map(({ id }) => (id as { communicationUserId: string }).communicationUserId);

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('RoomsClient against the emulator', () => {
  it('runs on acs-common', async () => {
    expect((await redirected('@azure/communication-rooms')).to).toMatch(/packages\/acs-common\/dist\//);
    expect((await redirected('@azure/communication-identity')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('creates, gets, lists, updates and deletes a room', async () => {
    const validFrom = new Date(Date.now() + MINUTE);
    const validUntil = new Date(Date.now() + 60 * MINUTE);
    const [a, b] = users as [(typeof users)[0], (typeof users)[0]];
    const created = await rooms.createRoom({
      validFrom,
      validUntil,
      pstnDialOutEnabled: true,
      participants: [
        { id: a, role: 'Presenter' },
        { id: b, role: 'Collaborator' },
      ],
    });
    expect(created.id).toMatch(/^\d{17}$/);
    expect(created.validFrom.getTime()).toBe(validFrom.getTime());
    expect(created.validUntil.getTime()).toBe(validUntil.getTime());
    expect(created.pstnDialOutEnabled).toBe(true);
    expect(created.createdOn).toBeInstanceOf(Date);

    expect(await rooms.getRoom(created.id)).toEqual(created);
    expect((await all(rooms.listRooms())).map((room) => room.id)).toContain(created.id);

    const later = new Date(validUntil.getTime() + 60 * MINUTE);
    const updated = await rooms.updateRoom(created.id, { validUntil: later, pstnDialOutEnabled: false });
    expect(updated).toMatchObject({ id: created.id, pstnDialOutEnabled: false });
    expect(updated.validFrom.getTime()).toBe(validFrom.getTime());
    expect(updated.validUntil.getTime()).toBe(later.getTime());

    await rooms.deleteRoom(created.id);
    await expect(rooms.getRoom(created.id)).rejects.toMatchObject({ statusCode: 404, code: 'NotFound' });
    await expect(rooms.deleteRoom(created.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('a room made without options is valid from now for 180 days, without PSTN dial-out', async () => {
    const room = await rooms.createRoom();
    expect(room.pstnDialOutEnabled).toBe(false);
    expect(room.validUntil.getTime() - room.validFrom.getTime()).toBe(180 * 24 * 60 * MINUTE);
    expect(await all(rooms.listParticipants(room.id))).toEqual([]);
  });

  it('lists, upserts and removes participants with roles (merge patch)', async () => {
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const room = await rooms.createRoom({ participants: [{ id: a, role: 'Presenter' }, { id: b }] });
    let participants = await all(rooms.listParticipants(room.id));
    expect(participants.map((p) => [ids([p])[0], p.role])).toEqual([
      [a.communicationUserId, 'Presenter'],
      [b.communicationUserId, 'Attendee'],
    ]);

    await rooms.addOrUpdateParticipants(room.id, [
      { id: b, role: 'Consumer' },
      { id: c, role: 'Collaborator' },
    ]);
    participants = await all(rooms.listParticipants(room.id));
    expect(Object.fromEntries(participants.map((p) => [ids([p])[0], p.role]))).toEqual({
      [a.communicationUserId]: 'Presenter',
      [b.communicationUserId]: 'Consumer',
      [c.communicationUserId]: 'Collaborator',
    });

    // Removing a participant that is not in the room succeeds, as the service does.
    const stranger = { communicationUserId: `8:acs:${emulator.resourceId}_00000000-0000-0000-0000-000000000000` };
    await rooms.removeParticipants(room.id, [a, stranger]);
    participants = await all(rooms.listParticipants(room.id));
    expect(ids(participants)).toEqual([b.communicationUserId, c.communicationUserId]);
  });

  it('only communication users may be participants', async () => {
    const room = await rooms.createRoom();
    // The client refuses other kinds itself; the service refuses them on the wire.
    await expect(
      rooms.addOrUpdateParticipants(room.id, [{ id: { phoneNumber: '+14255550123' }, role: 'Attendee' }]),
    ).rejects.toThrow(/only support CommunicationUsers/);
    const patched = await signed(emulator, 'PATCH', `/rooms/${room.id}/participants?api-version=2025-03-13`, {
      participants: { '4:+14255550123': { role: 'Attendee' } },
    });
    expect(patched.status).toBe(400);
    expect(patched.json).toEqual({ error: { code: 'BadRequest', message: 'Invalid value for the Participants.' } });
    expect(patched.headers['x-ms-error-code']).toBe('BadRequest');
    const createdWithTeamsUser = await signed(emulator, 'POST', '/rooms?api-version=2025-03-13', {
      participants: { '8:orgid:4d5c2b21-0a4e-4d0e-9d55-8d3b2a1c0f00': { role: 'Attendee' } },
    });
    expect(createdWithTeamsUser.status).toBe(400);
    expect(createdWithTeamsUser.json).toMatchObject({
      error: { message: 'Invalid format for communication identifier.' },
    });
  });

  it('unknown and malformed rooms, windows in the past or too long', async () => {
    await expect(rooms.getRoom('99000000000000000')).rejects.toMatchObject({ statusCode: 404, code: 'NotFound' });
    await expect(rooms.listParticipants('99000000000000000').next()).rejects.toMatchObject({ statusCode: 404 });
    await expect(rooms.getRoom('invalid_id')).rejects.toMatchObject({
      statusCode: 400,
      message: 'Invalid room ID length.',
    });
    const past = rooms.createRoom({
      validFrom: new Date(Date.now() - 60 * MINUTE),
      validUntil: new Date(Date.now() - MINUTE),
    });
    await expect(past).rejects.toMatchObject({ statusCode: 400, code: 'BadRequest' });
    const error = await past.catch((caught: { details?: unknown }) => caught);
    expect((error as { details?: { error?: { details?: unknown } } }).details?.error?.details).toEqual([
      { code: 'BadArgument', message: 'The time range end is in the past.', target: 'ValidUntil' },
    ]);
    await expect(rooms.createRoom({ validUntil: new Date(Date.now() + 181 * 24 * 60 * MINUTE) })).rejects.toMatchObject(
      { statusCode: 400, code: 'BadRequest' },
    );
  });

  it('a room that has ended can be read and deleted, not changed', async () => {
    const [a] = users as [(typeof users)[0]];
    const room = await rooms.createRoom({ validUntil: new Date(Date.now() + MINUTE), participants: [{ id: a }] });
    offsetInMs = 2 * MINUTE; // within the HMAC ±15 min window
    try {
      await expect(rooms.updateRoom(room.id, { pstnDialOutEnabled: true })).rejects.toMatchObject({
        statusCode: 400,
        code: 'BadRequest',
      });
      await expect(rooms.addOrUpdateParticipants(room.id, [{ id: a, role: 'Presenter' }])).rejects.toMatchObject({
        statusCode: 400,
      });
      expect((await rooms.getRoom(room.id)).id).toBe(room.id);
      expect(await all(rooms.listParticipants(room.id))).toHaveLength(1);
      await rooms.deleteRoom(room.id);
    } finally {
      offsetInMs = 0;
    }
  });

  it('accepts Entra RBAC and refuses a wrong key', async () => {
    const viaEntra = new RoomsClient(emulator.endpoint, entraCredential(emulator));
    const room = await viaEntra.createRoom();
    expect((await viaEntra.getRoom(room.id)).id).toBe(room.id);
    const wrongKey = new RoomsClient(
      `endpoint=${emulator.endpoint};accesskey=${Buffer.from('wrong').toString('base64')}`,
    );
    await expect(wrongKey.getRoom(room.id)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('pages rooms and participants with nextLink (maxPageSize), as the client follows them', async () => {
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const room = await rooms.createRoom({ participants: [{ id: a }, { id: b }, { id: c }] });
    const first = await signed(emulator, 'GET', `/rooms/${room.id}/participants?api-version=2025-03-13&maxPageSize=2`);
    const page1 = first.json as { value: Array<{ rawId: string }>; nextLink?: string };
    expect(page1.value.map((p) => p.rawId)).toEqual([a.communicationUserId, b.communicationUserId]);
    const next = new URL(page1.nextLink as string);
    expect(next.searchParams.get('api-version')).toBe('2025-03-13');
    const second = await signed(emulator, 'GET', `${next.pathname}${next.search}`);
    expect((second.json as { value: Array<{ rawId: string }>; nextLink?: string }).value.map((p) => p.rawId)).toEqual([
      c.communicationUserId,
    ]);
    expect((second.json as { nextLink?: string }).nextLink).toBeUndefined();
    const listed = await signed(emulator, 'GET', '/rooms?api-version=2025-03-13&maxPageSize=1');
    expect((listed.json as { value: unknown[]; nextLink?: string }).value).toHaveLength(1);
    expect((listed.json as { nextLink?: string }).nextLink).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rooms\?/);
    // The request log attributes the create to its room (for the dashboard).
    const created = emulator.host.requestLog
      .entries()
      .filter((entry) => entry.route === '/rooms' && entry.method === 'POST' && entry.status === 201)
      .at(-1);
    expect(created?.details).toMatchObject({ roomId: room.id, participants: 3 });
  });

  it('a retried create (same Repeatability-Request-ID) answers the same room', async () => {
    const headers = {
      'repeatability-request-id': 'b5a6b1b0-7f7e-4a3e-9a52-6f1c3a1b2c3d',
      'repeatability-first-sent': new Date().toUTCString(),
    };
    const first = await signedWith(headers);
    const again = await signedWith(headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect((again.json as { id: string }).id).toBe((first.json as { id: string }).id);
    expect(first.headers.location).toBe((first.json as { id: string }).id);
  });
});

async function signedWith(headers: Record<string, string>) {
  const { send, hmacHeaders } = await import('../../helpers/client.js');
  const target = '/rooms?api-version=2025-03-13';
  const body = '{}';
  return send(emulator.endpoint, {
    method: 'POST',
    target,
    body,
    headers: {
      ...hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'POST', target, body }),
      'content-type': 'application/json',
      ...headers,
    },
  });
}
