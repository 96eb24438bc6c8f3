import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI (run `npm run build` first; `npm test` does). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ReadyLine {
  endpoint: string;
  connectionString: string;
  caCertPath: string | null;
  dashboard: string;
}

export interface RunningCli {
  child: ChildProcess;
  ready: ReadyLine;
  accessKey: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the CLI and resolves at its ready line (rejects if it exits first). */
export function startCli(args: readonly string[]): Promise<RunningCli> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0 && !resolved) {
        resolved = true;
        const ready = JSON.parse(stdout.slice(0, newline)) as ReadyLine;
        const accessKey = /accesskey=(.*)$/.exec(ready.connectionString)?.[1] ?? '';
        resolve({ child, ready, accessKey, stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    let resolved = false;
    void exited.then(({ code }) => {
      if (!resolved) reject(new Error(`the CLI exited with ${code} before its ready line: ${stderr}`));
    });
  });
}

/** Runs the CLI to completion (for flags that make it exit at once). */
export async function runCli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}
