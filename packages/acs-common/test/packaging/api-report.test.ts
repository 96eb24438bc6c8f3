import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// The checked-in API reports (packages/acs-common/review/*.api.md) match the built declarations of
// every entry point: a change of the public surface must come with `npm run api:update`. Needs
// `npm run build` (npm test builds first); CI runs the same check on its own (.ci/run).
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

it('the API reports match the public surface of the build', async () => {
  const result = await promisify(execFile)(process.execPath, ['scripts/api-report.mjs', '--check'], {
    cwd: ROOT,
  }).catch((error: { stdout: string; stderr: string }) => error);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('API reports match the build.');
});
