import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_FORMAT } from '../../src/host/store/format.js';
import { Journal, type ResourceIdentity } from '../../src/host/store/journal.js';
import { Store } from '../../src/host/store/store.js';

// The --data store: snapshot + append-only journal. A write appends one line (cost independent of
// the state's size); a torn last line is dropped; an old acs-emulator/1 file is migrated; an
// unknown format is refused, never overwritten.

const RESOURCE: ResourceIdentity = {
  resourceId: 'res',
  accessKey: null,
  signingSecret: Buffer.alloc(32, 1).toString('base64'),
};
let directory: string;
let path: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'acs-emulator-journal-'));
  path = join(directory, 'state.json');
});
afterEach(() => rm(directory, { recursive: true, force: true }));

async function open(): Promise<{ store: Store; journal: Journal; resource: ResourceIdentity }> {
  const store = new Store();
  const { journal, resource } = await Journal.open(path, store, () => RESOURCE);
  store.attach(journal);
  return { store, journal, resource };
}

async function put(store: Store, key: string, value: unknown): Promise<void> {
  const tx = store.begin();
  tx.collection('chat.messages').put(key, value);
  await store.commit(tx);
}

describe('the journal', () => {
  it('writes a snapshot for a new file, then appends one line per commit, and loads both back', async () => {
    const first = await open();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: STATE_FORMAT, sequence: 0 });
    await put(first.store, 'm1', { text: 'hello' });
    await put(first.store, 'm2', { text: 'world' });
    const tx = first.store.begin();
    tx.collection('chat.messages').delete('m1');
    await first.store.commit(tx);
    await first.journal.close();
    expect((await readFile(`${path}.journal`, 'utf8')).trimEnd().split('\n')).toHaveLength(3);

    const second = await open();
    expect(second.resource).toEqual(RESOURCE);
    expect([...second.store.read('chat.messages')]).toEqual([['m2', { text: 'world' }]]);
    await second.journal.close();
  });

  it('appends a bounded number of bytes per write, whatever the size of the state', async () => {
    const { store, journal } = await open();
    for (let index = 0; index < 2000; index++) await put(store, `m${index}`, { text: 'x'.repeat(100) });
    const before = (await stat(`${path}.journal`)).size;
    const snapshotBefore = (await stat(path)).mtimeMs;
    await put(store, 'one-more', { text: 'x'.repeat(100) });
    const growth = (await stat(`${path}.journal`)).size - before;
    expect(growth).toBeGreaterThan(0);
    expect(growth).toBeLessThan(300); // one line, not a rewrite of ~250 KB of state
    expect((await stat(path)).mtimeMs).toBe(snapshotBefore);
    await journal.close();
  });

  it('compacts into a new snapshot once the journal outgrows it, and loses nothing', async () => {
    const { store, journal } = await open();
    const big = 'y'.repeat(4096);
    for (let index = 0; index < 400; index++) await put(store, `k${index % 50}`, { big, index });
    await journal.close();
    expect((await stat(`${path}.journal`)).size).toBeLessThan(1024 * 1024 + 8192);
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as { sequence: number };
    expect(snapshot.sequence).toBeGreaterThan(0);
    const reopened = await open();
    expect(reopened.store.read('chat.messages').size).toBe(50);
    expect(reopened.store.read('chat.messages').get('k49')).toEqual({ big, index: 399 });
    await reopened.journal.close();
  });

  it('drops a torn last line (a crash mid-append) and keeps appending after the last whole line', async () => {
    const first = await open();
    await put(first.store, 'a', 1);
    await first.journal.close();
    await appendFile(`${path}.journal`, '{"seq":2,"changes":[["chat.messages","b",2]'); // no end, no newline
    const second = await open();
    expect([...second.store.read('chat.messages')]).toEqual([['a', 1]]);
    await put(second.store, 'c', 3);
    await second.journal.close();
    const third = await open();
    expect([...third.store.read('chat.messages')]).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    await third.journal.close();
  });

  it('replays nothing twice after a crash between a snapshot and the emptying of the journal', async () => {
    const first = await open();
    await put(first.store, 'a', 1);
    await put(first.store, 'b', 2);
    await first.journal.close();
    const journalText = await readFile(`${path}.journal`, 'utf8');
    // A snapshot that already contains both lines (sequence 2), with the old journal left in place.
    await writeFile(
      path,
      JSON.stringify({
        format: STATE_FORMAT,
        sequence: 2,
        resource: RESOURCE,
        collections: { 'chat.messages': [['a', 1]] },
      }),
    );
    await writeFile(`${path}.journal`, journalText);
    const second = await open();
    expect([...second.store.read('chat.messages')]).toEqual([['a', 1]]); // 'b' (sequence 2) is not replayed
    await second.journal.close();
  });

  it('migrates an acs-emulator/1 file (identities and revision), keeping a backup', async () => {
    const v1 = {
      format: 'acs-emulator/1',
      resourceId: 'old-resource',
      accessKey: 'pw==',
      signingSecret: RESOURCE.signingSecret,
      revision: 7,
      identities: [{ id: '8:acs:old-resource_a', createdAt: '2025-01-01T00:00:00.000Z', minRevision: 5 }],
    };
    await writeFile(path, JSON.stringify(v1));
    const { store, journal, resource } = await open();
    expect(resource).toEqual({ resourceId: 'old-resource', accessKey: 'pw==', signingSecret: RESOURCE.signingSecret });
    expect(store.read('identity.meta').get('revision')).toBe(7);
    expect(store.read('identity.identities').get('8:acs:old-resource_a')).toEqual({
      id: '8:acs:old-resource_a',
      createdAtTimestamp: Date.parse('2025-01-01T00:00:00.000Z'),
      minRevision: 5,
    });
    await journal.close();
    expect(JSON.parse(await readFile(path, 'utf8')).format).toBe(STATE_FORMAT);
    expect(await readdir(directory)).toContain('state.json.acs-emulator-1.bak');
  });

  it('refuses a file of an unknown format and leaves it as it was, without echoing secrets', async () => {
    const text = JSON.stringify({ format: 'something/9', accessKey: 'c2VjcmV0' });
    await writeFile(path, text);
    await expect(open()).rejects.toThrow(/not a usable acs-emulator data file: "format" is "something\/9"/);
    await expect(open()).rejects.not.toThrow(/c2VjcmV0/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
