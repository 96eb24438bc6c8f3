import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli.js';
import { hmacHeaders, send, signed } from './helpers/client.js';

// Durability under fire: the built CLI with --data is SIGKILLed while clients create (and delete)
// identities; after a restart on the same file every acknowledged creation is there, every
// acknowledged deletion is gone, and the file parses. Three rounds, so kills land at different
// points of the write cycle.

const IDENTITY = 'api-version=2023-10-01';
const ROUNDS = 3;
let directory: string | undefined;

afterAll(async () => {
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

describe('--data persistence', () => {
  it('keeps every acknowledged mutation across SIGKILL mid-load', async () => {
    directory = await mkdtemp(join(tmpdir(), 'acs-emulator-persistence-'));
    const data = join(directory, 'state.json');
    const created = new Set<string>();
    const deleted = new Set<string>();
    let accessKey: string | undefined;

    for (let round = 0; round < ROUNDS; round++) {
      const cli = await startCli(['--http', '--port', '0', '--data', data]);
      const emulator = { endpoint: cli.ready.endpoint, accessKey: cli.accessKey };
      if (accessKey === undefined) accessKey = cli.accessKey;
      expect(cli.accessKey, 'the generated key is kept').toBe(accessKey);

      // Everything acknowledged so far survived the previous kill.
      for (const id of created) {
        const response = await signed(emulator, 'GET', `/identities/${encodeURIComponent(id)}?${IDENTITY}`);
        expect(response.status, id).toBe(deleted.has(id) ? 404 : 200);
      }

      // Load: 16 clients create identities (every 7th is then deleted); kill mid-flight.
      const agent = new Agent({ keepAlive: true, maxSockets: 16 });
      let killed = false;
      const client = async () => {
        for (let index = 0; !killed; index++) {
          try {
            const response = await send(
              emulator.endpoint,
              {
                method: 'POST',
                target: `/identities?${IDENTITY}`,
                headers: hmacHeaders(emulator.endpoint, emulator.accessKey, {
                  method: 'POST',
                  target: `/identities?${IDENTITY}`,
                }),
              },
              { agent },
            );
            if (response.status !== 201) continue;
            const id = (response.json as { identity: { id: string } }).identity.id;
            created.add(id);
            if (index % 7 === 0) {
              const target = `/identities/${encodeURIComponent(id)}?${IDENTITY}`;
              const removed = await send(
                emulator.endpoint,
                {
                  method: 'DELETE',
                  target,
                  headers: hmacHeaders(emulator.endpoint, emulator.accessKey, { method: 'DELETE', target }),
                },
                { agent },
              );
              if (removed.status === 204) deleted.add(id);
            }
          } catch {
            // The connection died with the process: not acknowledged, nothing to check.
          }
        }
      };
      const clients = Array.from({ length: 16 }, client);
      const before = created.size;
      while (created.size < before + 150) await new Promise((resolve) => setTimeout(resolve, 5));
      cli.child.kill('SIGKILL');
      killed = true;
      await cli.exited;
      await Promise.all(clients);
      agent.destroy();

      const file = JSON.parse(await readFile(data, 'utf8')) as { format: string; identities: Array<{ id: string }> };
      expect(file.format).toBe('acs-emulator/1');
      const onDisk = new Set(file.identities.map((identity) => identity.id));
      for (const id of created) expect(onDisk.has(id), id).toBe(!deleted.has(id));
    }

    // A last clean start: the stale temporary files of the killed runs are gone.
    const cli = await startCli(['--http', '--port', '0', '--data', data]);
    const names = await readdir(directory);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(created.size).toBeGreaterThanOrEqual(ROUNDS * 150);
  }, 120_000);
});
