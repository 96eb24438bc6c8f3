// Runs the smoke suite as a process (Node, Deno, Bun): scripts/runtimes/suite/process-main.mjs
// prints its report, leaves a proactive credential undisposed, and must then exit on its own.
import { spawn } from 'node:child_process';

const EXIT_BOUND_IN_MS = 20_000;
const ROW_BOUND_IN_MS = 120_000;

/**
 * Spawns `command args` in `cwd`; resolves to `{ report, checks }` where `checks` adds the
 * process-level ones (exit code, exit on its own) to the suite's report.
 */
export function runProcessRow({ command, args, cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exitTimer;
    let killedFor;
    const rowTimer = setTimeout(() => {
      killedFor = `still running after ${ROW_BOUND_IN_MS / 1000} s`;
      child.kill('SIGKILL');
    }, ROW_BOUND_IN_MS);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (exitTimer === undefined && stdout.includes('ACS-SMOKE-UNDISPOSED')) {
        exitTimer = setTimeout(() => {
          killedFor = `did not exit within ${EXIT_BOUND_IN_MS / 1000} s with an undisposed proactive credential`;
          child.kill('SIGKILL');
        }, EXIT_BOUND_IN_MS);
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      stderr += String(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(rowTimer);
      clearTimeout(exitTimer);
      const line = stdout.split('\n').find((l) => l.startsWith('ACS-SMOKE-REPORT '));
      const report = line ? JSON.parse(line.slice('ACS-SMOKE-REPORT '.length)) : undefined;
      const tail = stderr.trim().split('\n').slice(-6).join('\n');
      const checks = [
        ...(report?.checks ?? [{ name: 'the suite reports', ok: false, detail: tail || stdout.slice(-500) }]),
        {
          name: 'the process exits on its own (code 0) with an undisposed proactive credential',
          ok: code === 0 && killedFor === undefined && stdout.includes('ACS-SMOKE-UNDISPOSED'),
          detail: killedFor ?? `exit code ${code}${signal ? ` (${signal})` : ''}${tail ? `\n${tail}` : ''}`,
        },
      ];
      resolve({ checks, notes: report?.notes ?? [] });
    });
  });
}
