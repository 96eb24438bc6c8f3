import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './cli.js';
import { hmacHeaders, type RawResponse, send } from './client.js';

/**
 * Crash rounds for durability tests: start the built CLI with `--data`, check that everything
 * acknowledged before the last SIGKILL is there (`verify`), run `workers` concurrent copies of
 * `load` until `enough()` says the round has done enough, SIGKILL the process mid-flight, and go
 * again. A last clean start verifies the final round and stops with SIGTERM. `load` records only
 * what the emulator acknowledged (a reply received); a request cut by the kill proves nothing.
 *
 * @example
 * ```ts
 * await crashRounds({ rounds: 3, workers: 8, load: async (target, agent, stopped) => { … }, enough: () => n > 100, verify });
 * ```
 */
export async function crashRounds(options: {
  rounds: number;
  workers: number;
  /** Extra CLI flags. */
  args?: readonly string[];
  load(target: CrashTarget, agent: Agent, stopped: () => boolean): Promise<void>;
  /** Whether this round may be killed now. */
  enough(round: number): boolean;
  verify(target: CrashTarget, round: number): Promise<void>;
}): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-crash-'));
  const data = join(directory, 'state.json');
  try {
    for (let round = 0; round <= options.rounds; round++) {
      const cli = await startCli(['--http', '--port', '0', '--data', data, ...(options.args ?? [])]);
      const target = { endpoint: cli.ready.endpoint, accessKey: cli.accessKey };
      await options.verify(target, round);
      if (round === options.rounds) {
        cli.child.kill('SIGTERM');
        const exited = await cli.exited;
        if (exited.code !== 0) throw new Error(`the emulator did not stop cleanly: ${JSON.stringify(exited)}`);
        break;
      }
      const agent = new Agent({ keepAlive: true, maxSockets: options.workers });
      let killed = false;
      const stopped = () => killed;
      const workers = Array.from({ length: options.workers }, async () => {
        while (!killed) {
          try {
            await options.load(target, agent, stopped);
          } catch {
            // The connection died with the process: not acknowledged, nothing to check.
          }
        }
      });
      while (!options.enough(round)) await new Promise((resolve) => setTimeout(resolve, 5));
      cli.child.kill('SIGKILL');
      killed = true;
      await cli.exited;
      await Promise.all(workers);
      agent.destroy();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Where a crash round's emulator is. */
export interface CrashTarget {
  readonly endpoint: string;
  readonly accessKey: string;
}

/**
 * An HMAC-signed request with an optional JSON body, for the crash tests' load and verify steps.
 *
 * @example
 * ```ts
 * const created = await signedJson(target, agent, 'POST', '/identities?api-version=2023-10-01', {});
 * ```
 */
export function signedJson(
  target: CrashTarget,
  agent: Agent | undefined,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<RawResponse> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const signed = hmacHeaders(target.endpoint, target.accessKey, {
    method,
    target: path,
    ...(text === undefined ? {} : { body: text }),
  });
  return send(
    target.endpoint,
    {
      method,
      target: path,
      headers: text === undefined ? signed : { ...signed, 'content-type': contentType },
      ...(text === undefined ? {} : { body: text }),
    },
    agent === undefined ? {} : { agent },
  );
}
