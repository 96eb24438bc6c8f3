// The drop-in claim for Rooms, Phone Numbers and the Teams-user exchange:
// @azure/communication-rooms@1.2.0, @azure/communication-phone-numbers@1.5.0 and
// @azure/communication-identity@1.3.1 (getTokenForTeamsUser), unmodified, with
// @azure/communication-common replaced by acs-common (npm `overrides`), against the acs-emulator
// CLI over HTTPS. This file is both the test and, run with ROOMS_PHONE_SCENARIO=1 in a child
// process that trusts the emulator's certificate (NODE_EXTRA_CA_CERTS), the scenario.
// Needs the repository built first (`npm run build` at the root).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCli } from './cli.mjs';

const SELF = fileURLToPath(import.meta.url);
const APP = '2c3e1e83-8fd7-4615-ad2b-b8c1229845ac';
const USER = '32c0a5db-05ec-78ea-51ab-3f06b329397e';

async function outcome(promise) {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, statusCode: error?.statusCode, code: error?.code, message: String(error?.message ?? error) };
  }
}

async function all(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function scenario() {
  const { RoomsClient } = await import('@azure/communication-rooms');
  const { PhoneNumbersClient } = await import('@azure/communication-phone-numbers');
  const { CommunicationIdentityClient } = await import('@azure/communication-identity');
  const { EMULATOR_ENDPOINT: endpoint, EMULATOR_CONNECTION_STRING: connectionString } = process.env;
  const results = {};

  // Rooms
  const identity = new CommunicationIdentityClient(connectionString);
  const [alice, bob] = [await identity.createUser(), await identity.createUser()];
  const rooms = new RoomsClient(connectionString);
  const validUntil = new Date(Date.now() + 60 * 60_000);
  const room = await rooms.createRoom({
    validUntil,
    pstnDialOutEnabled: true,
    participants: [{ id: alice, role: 'Presenter' }],
  });
  results.room = {
    id: room.id,
    pstnDialOutEnabled: room.pstnDialOutEnabled,
    validUntil: room.validUntil.toISOString(),
  };
  results.got = (await rooms.getRoom(room.id)).id;
  results.listed = (await all(rooms.listRooms())).map((r) => r.id);
  results.updated = (await rooms.updateRoom(room.id, { pstnDialOutEnabled: false })).pstnDialOutEnabled;
  await rooms.addOrUpdateParticipants(room.id, [{ id: bob, role: 'Consumer' }]);
  results.participants = (await all(rooms.listParticipants(room.id))).map((p) => [p.id.communicationUserId, p.role]);
  await rooms.removeParticipants(room.id, [alice]);
  results.afterRemove = (await all(rooms.listParticipants(room.id))).map((p) => p.id.communicationUserId);
  await rooms.deleteRoom(room.id);
  results.deletedGet = await outcome(rooms.getRoom(room.id));
  results.pastRoom = await outcome(rooms.createRoom({ validUntil: new Date(Date.now() - 60_000) }));
  results.users = [alice.communicationUserId, bob.communicationUserId];

  // Phone numbers
  const phoneNumbers = new PhoneNumbersClient(connectionString);
  results.owned = (await all(phoneNumbers.listPurchasedPhoneNumbers())).map((n) => n.phoneNumber);
  results.number = await phoneNumbers.getPurchasedPhoneNumber('+18005550100');
  results.unknownNumber = await outcome(phoneNumbers.getPurchasedPhoneNumber('+18005550199'));
  results.localities = (await all(phoneNumbers.listAvailableLocalities('US'))).map((l) => l.localizedName);
  const poll = { updateIntervalInMs: 0 };
  const search = await (
    await phoneNumbers.beginSearchAvailablePhoneNumbers(
      {
        countryCode: 'US',
        phoneNumberType: 'tollFree',
        assignmentType: 'application',
        capabilities: { sms: 'outbound', calling: 'none' },
        quantity: 1,
      },
      poll,
    )
  ).pollUntilDone();
  results.searched = search.phoneNumbers;
  await (await phoneNumbers.beginPurchasePhoneNumbers(search.searchId, poll)).pollUntilDone();
  results.ownedAfterPurchase = (await all(phoneNumbers.listPurchasedPhoneNumbers())).map((n) => n.phoneNumber);

  // Teams user exchange, with an emulator-minted Entra token of the Teams user
  const minted = await fetch(`${endpoint}emulator/entra/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      objectId: USER,
      tenantId: 'contoso',
      appId: APP,
      scopes: ['https://auth.msft.communication.azure.com/Teams.ManageCalls'],
    }),
  });
  const { accessToken } = await minted.json();
  const teams = await identity.getTokenForTeamsUser({
    teamsUserAadToken: accessToken,
    clientId: APP,
    userObjectId: USER,
  });
  results.teamsSkypeId = JSON.parse(Buffer.from(teams.token.split('.')[1], 'base64url').toString()).skypeid;
  results.teamsWrongUser = await outcome(
    identity.getTokenForTeamsUser({ teamsUserAadToken: accessToken, clientId: APP, userObjectId: APP }),
  );
  process.stdout.write(JSON.stringify(results));
}

if (process.env.ROOMS_PHONE_SCENARIO === '1') {
  await scenario();
} else {
  const { after, before, test } = await import('node:test');
  const require = createRequire(import.meta.url);
  let emulator;
  let ready;

  before(async () => {
    emulator = await startCli(['--phone-number', '+18005550100', '--phone-number', '+14255550123']);
    ready = emulator.ready;
  });

  after(async () => {
    await emulator.stop();
  });

  test('the override puts acs-common under rooms, phone-numbers and identity', () => {
    for (const name of [
      '@azure/communication-rooms',
      '@azure/communication-phone-numbers',
      '@azure/communication-identity',
    ]) {
      const pkg = createRequire(require.resolve(name))('@azure/communication-common/package.json');
      assert.equal(pkg.name, 'acs-common', `resolved from ${name}`);
    }
  });

  test('rooms, phone numbers and the Teams-user exchange run on acs-common against the emulator', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [SELF], {
      env: {
        ...process.env,
        ROOMS_PHONE_SCENARIO: '1',
        NODE_EXTRA_CA_CERTS: ready.caCertPath,
        EMULATOR_ENDPOINT: ready.endpoint,
        EMULATOR_CONNECTION_STRING: ready.connectionString,
      },
      timeout: 60_000,
    });
    const results = JSON.parse(stdout);
    const [alice, bob] = results.users;

    assert.match(results.room.id, /^\d{17}$/);
    assert.equal(results.room.pstnDialOutEnabled, true);
    assert.equal(results.got, results.room.id);
    assert.ok(results.listed.includes(results.room.id));
    assert.equal(results.updated, false);
    assert.deepEqual(results.participants, [
      [alice, 'Presenter'],
      [bob, 'Consumer'],
    ]);
    assert.deepEqual(results.afterRemove, [bob]);
    assert.equal(results.deletedGet.statusCode, 404);
    assert.equal(results.deletedGet.code, 'NotFound');
    assert.equal(results.pastRoom.statusCode, 400);

    assert.deepEqual(results.owned, ['+18005550100', '+14255550123']);
    assert.equal(results.number.phoneNumberType, 'tollFree');
    assert.equal(results.number.countryCode, 'US');
    assert.equal(results.unknownNumber.statusCode, 404);
    assert.equal(results.unknownNumber.code, 'NotFound');
    assert.ok(results.localities.length > 0);
    assert.deepEqual(results.searched, ['+18005550101']);
    assert.deepEqual(results.ownedAfterPurchase, ['+18005550100', '+14255550123', '+18005550101']);

    assert.equal(results.teamsSkypeId, `orgid:${USER}`);
    assert.equal(results.teamsWrongUser.statusCode, 400);
    assert.equal(results.teamsWrongUser.code, 'ValidationError');
  });
}
