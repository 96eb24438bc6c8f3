import type { PhoneNumbersClient as Client } from '@azure/communication-phone-numbers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { entraCredential, startTestEmulator } from '../../helpers/emulator.js';
import { onAcsCommon, redirected } from '../rooms/acs-common-loader.js';

// The official @azure/communication-phone-numbers@1.5.0, unmodified and in-process, on acs-common
// (its `@azure/communication-common` import resolves to acs-common), over HTTPS,
// against the emulator's Phone Numbers service: the configured numbers listed and fetched,
// localities, search → purchase → release through the client's own long-running-operation
// pollers, and the unknown-number error.

onAcsCommon();
const { PhoneNumbersClient } = await import('@azure/communication-phone-numbers');

// The pollers wait 2 s after every poll by default; the clients pass `updateIntervalInMs` through
// to them at run time although their option types do not declare it.
const POLL = { updateIntervalInMs: 0 } as Record<string, unknown>;
let emulator: RunningEmulator;
let client: Client;

beforeAll(async () => {
  emulator = await startTestEmulator({ phoneNumbers: ['+18005550100', '+14255550123'] });
  client = new PhoneNumbersClient(emulator.connectionString);
});
afterAll(() => emulator.close());

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('PhoneNumbersClient against the emulator', () => {
  it('runs on acs-common', async () => {
    expect((await redirected('@azure/communication-phone-numbers')).to).toMatch(/packages\/acs-common\/dist\//);
  });

  it('lists and gets the configured numbers as PurchasedPhoneNumber', async () => {
    const numbers = await all(client.listPurchasedPhoneNumbers());
    expect(numbers.map((n) => n.phoneNumber)).toEqual(['+18005550100', '+14255550123']);
    const tollFree = await client.getPurchasedPhoneNumber('+18005550100');
    expect(tollFree).toMatchObject({
      id: '18005550100',
      phoneNumber: '+18005550100',
      countryCode: 'US',
      phoneNumberType: 'tollFree',
      assignmentType: 'application',
      capabilities: { calling: 'inbound+outbound', sms: 'inbound+outbound' },
      cost: { amount: 2, currencyCode: 'USD', billingFrequency: 'monthly' },
    });
    expect(tollFree.purchaseDate).toBeInstanceOf(Date);
    expect((await client.getPurchasedPhoneNumber('+14255550123')).phoneNumberType).toBe('geographic');
  });

  it('an unknown number is 404 NotFound, as the service answers', async () => {
    await expect(client.getPurchasedPhoneNumber('+18005550199')).rejects.toMatchObject({
      statusCode: 404,
      code: 'NotFound',
      message: 'Input phoneNumber +18005550199 cannot be found.',
    });
    await expect(client.beginReleasePhoneNumber('+18005550199')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists localities, filtered by administrative division', async () => {
    const us = await all(client.listAvailableLocalities('US'));
    expect(us.map((l) => l.localizedName)).toContain('Redmond');
    const bc = await all(client.listAvailableLocalities('CA', { administrativeDivision: 'BC' }));
    expect(bc).toEqual([
      {
        localizedName: 'Vancouver',
        administrativeDivision: { localizedName: 'British Columbia', abbreviatedName: 'BC' },
      },
    ]);
    await expect(all(client.listAvailableLocalities('XXX'))).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidInput',
    });
  });

  it('searches, purchases and releases through the pollers', async () => {
    const search = await client.beginSearchAvailablePhoneNumbers(
      {
        countryCode: 'US',
        phoneNumberType: 'tollFree',
        assignmentType: 'application',
        capabilities: { sms: 'outbound', calling: 'none' },
        areaCode: '800',
        quantity: 2,
      },
      POLL,
    );
    const result = await search.pollUntilDone();
    // +18005550100 is the resource's own: the search skips it.
    expect(result.phoneNumbers).toEqual(['+18005550101', '+18005550102']);
    expect(result).toMatchObject({
      phoneNumberType: 'tollFree',
      assignmentType: 'application',
      cost: { amount: 2, currencyCode: 'USD' },
    });
    expect(result.searchExpiresBy.getTime()).toBeGreaterThan(Date.now());

    // A second search does not get the numbers the first one holds.
    const other = await (
      await client.beginSearchAvailablePhoneNumbers(
        {
          countryCode: 'US',
          phoneNumberType: 'tollFree',
          assignmentType: 'application',
          capabilities: { sms: 'outbound', calling: 'none' },
          areaCode: '800',
        },
        POLL,
      )
    ).pollUntilDone();
    expect(other.phoneNumbers).toEqual(['+18005550103']);

    await (await client.beginPurchasePhoneNumbers(result.searchId, POLL)).pollUntilDone();
    const owned = (await all(client.listPurchasedPhoneNumbers())).map((n) => n.phoneNumber);
    expect(owned).toEqual(['+18005550100', '+14255550123', '+18005550101', '+18005550102']);
    expect(await client.getPurchasedPhoneNumber('+18005550101')).toMatchObject({
      capabilities: { sms: 'outbound', calling: 'none' },
      phoneNumberType: 'tollFree',
    });
    // Stored as PurchasedPhoneNumber under its E.164 number, where SMS finds purchased senders.
    expect(emulator.host.store.read('phone-numbers.numbers').get('+18005550102')).toMatchObject({
      phoneNumber: '+18005550102',
    });

    await (await client.beginReleasePhoneNumber('+18005550102', POLL)).pollUntilDone();
    await expect(client.getPurchasedPhoneNumber('+18005550102')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses an unknown search id and an inventory it cannot satisfy', async () => {
    await expect(client.beginPurchasePhoneNumbers('00000000-0000-0000-0000-000000000000', POLL)).rejects.toMatchObject({
      statusCode: 404,
      code: 'NotFound',
    });
    const exhausted = (async () => {
      const poller = await client.beginSearchAvailablePhoneNumbers(
        {
          countryCode: 'US',
          phoneNumberType: 'geographic',
          assignmentType: 'person',
          capabilities: { sms: 'none', calling: 'inbound' },
          areaCode: '999',
        },
        POLL,
      );
      return poller.pollUntilDone();
    })();
    await expect(exhausted).rejects.toThrow(
      /OutOfStock\. The emulator's inventory has fewer than 1 geographic numbers left in US area code 999/,
    );
  });

  it('works with Entra RBAC too', async () => {
    const viaEntra = new PhoneNumbersClient(emulator.endpoint, entraCredential(emulator));
    expect((await viaEntra.getPurchasedPhoneNumber('+14255550123')).phoneNumber).toBe('+14255550123');
  });
});

describe('with an operation delay (option operationDelayInMs)', () => {
  const DELAY = 60_000;
  let delayed: RunningEmulator;
  let offsetInMs = 0;
  let delayedClient: Client;

  beforeAll(async () => {
    delayed = await startTestEmulator({ operationDelayInMs: DELAY, now: () => Date.now() + offsetInMs });
    delayedClient = new PhoneNumbersClient(delayed.connectionString);
  });
  afterAll(() => delayed.close());

  it('a purchase is running, and the numbers not yet owned, until it is due', async () => {
    const searchPoller = await delayedClient.beginSearchAvailablePhoneNumbers(
      {
        countryCode: 'CA',
        phoneNumberType: 'geographic',
        assignmentType: 'person',
        capabilities: { sms: 'none', calling: 'inbound+outbound' },
        areaCode: '604',
      },
      POLL,
    );
    offsetInMs += DELAY; // within the HMAC ±15 min window
    const { searchId, phoneNumbers } = await searchPoller.pollUntilDone();
    expect(phoneNumbers).toEqual(['+16045550100']);

    const purchase = await delayedClient.beginPurchasePhoneNumbers(searchId, POLL);
    await purchase.poll();
    expect(purchase.isDone()).toBe(false);
    await expect(delayedClient.getPurchasedPhoneNumber('+16045550100')).rejects.toMatchObject({ statusCode: 404 });

    offsetInMs += DELAY;
    await purchase.pollUntilDone();
    expect(await delayedClient.getPurchasedPhoneNumber('+16045550100')).toMatchObject({
      countryCode: 'CA',
      phoneNumberType: 'geographic',
    });
  });
});
