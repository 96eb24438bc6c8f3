import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomicWriteFile, removeStaleTemporaries } from '../src/atomic-write.js';
import { SnapshotWriter } from '../src/snapshot-writer.js';
import { parseState, serializeState } from '../src/state-file.js';
import { IdentityStore } from '../src/store.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'acs-emulator-writer-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('atomicWriteFile', () => {
  it('replaces the file, leaves no temporary behind, mode 0600', async () => {
    const path = join(directory, 'a.json');
    await atomicWriteFile(path, 'one');
    await atomicWriteFile(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect((await readdir(directory)).filter((name) => name.startsWith('a.json'))).toEqual(['a.json']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('cleans temporaries of killed runs, and nothing else', async () => {
    const path = join(directory, 'b.json');
    await writeFile(join(directory, 'b.json.123.4.tmp'), 'half');
    await writeFile(join(directory, 'b.json.keep.tmp'), 'not ours');
    await writeFile(path, 'kept');
    await removeStaleTemporaries(path);
    const names = (await readdir(directory)).filter((name) => name.startsWith('b.json'));
    expect(names.sort()).toEqual(['b.json', 'b.json.keep.tmp']);
  });
});

describe('SnapshotWriter', () => {
  it('resolves each commit only once a snapshot containing its mutation is on disk', async () => {
    const path = join(directory, 'c.json');
    let value = 0;
    const writer = new SnapshotWriter(path, () => String(value));
    const checks: Promise<void>[] = [];
    for (let index = 0; index < 50; index++) {
      value++;
      const expected = value;
      checks.push(
        writer.commit().then(async () => {
          expect(Number(await readFile(path, 'utf8'))).toBeGreaterThanOrEqual(expected);
        }),
      );
      if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(checks);
    expect(await readFile(path, 'utf8')).toBe('50');
  });

  it('coalesces a burst into two writes', async () => {
    let snapshots = 0;
    const writer = new SnapshotWriter(join(directory, 'd.json'), () => String(++snapshots));
    await Promise.all(Array.from({ length: 100 }, () => writer.commit()));
    expect(snapshots).toBe(2);
    await writer.idle();
  });

  it('rejects the commits of a failed write, and recovers', async () => {
    let target = 'e';
    const writer = new SnapshotWriter(join(directory, 'missing-dir', 'e.json'), () => target);
    await expect(writer.commit()).rejects.toMatchObject({ code: 'ENOENT' });
    target = 'f';
    await expect(writer.commit()).rejects.toMatchObject({ code: 'ENOENT' });
    await writer.idle();
  });
});

describe('state file', () => {
  it('round-trips, and refuses what it did not write without echoing secrets', () => {
    const store = new IdentityStore();
    store.create('8:acs:r_a', Date.UTC(2025, 0, 1));
    store.revoke('8:acs:r_a');
    const text = serializeState({
      resourceId: 'r',
      accessKey: 'pw==',
      signingSecret: Buffer.alloc(32, 1).toString('base64'),
      store,
    });
    const parsed = parseState(text, 'state.json');
    expect(serializeState(parsed)).toBe(text);
    expect(parsed.store.get('8:acs:r_a')).toEqual({
      id: '8:acs:r_a',
      createdAtTimestamp: Date.UTC(2025, 0, 1),
      minRevision: 2,
    });

    expect(() => parseState('{', 'state.json')).toThrow(
      'state.json is not a usable acs-emulator data file: it is not valid JSON.',
    );
    expect(() => parseState('{"format":"other"}', 's')).toThrow('"format"');
    const badIdentity = JSON.parse(text);
    badIdentity.identities.push({ id: 1 });
    expect(() => parseState(JSON.stringify(badIdentity), 's')).toThrow('identity #1 is malformed');
    const secretInBadFile = { ...JSON.parse(text), accessKey: 42, signingSecret: 'c2VjcmV0' };
    try {
      parseState(JSON.stringify(secretInBadFile), 's');
    } catch (error) {
      expect(String(error)).not.toContain('c2VjcmV0');
    }
  });
});
