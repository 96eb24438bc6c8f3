import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run there so that `acs-common` and the official package resolve. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `node <args>` in the repository root and resolves with the JSON object that the child
 * prints as its last stdout line. Rejects with the child's stderr when it fails.
 */
export function runNodeJson(args, { env = {}, timeoutInMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutInMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`node ${args.join(' ')} exited with ${code ?? signal}:\n${stderr}`));
        return;
      }
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`node ${args.join(' ')} printed no JSON line:\n${stdout}\n${stderr}`));
      }
    });
  });
}
