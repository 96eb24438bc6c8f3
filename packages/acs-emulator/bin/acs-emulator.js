#!/usr/bin/env node
// The `acs-emulator` command. A committed file (not the build output) so that npm links it into
// node_modules/.bin at install time, in a fresh clone too; it runs the built CLI. The root
// package's `prepare` script builds after `npm ci`, so `npx acs-emulator` works right away.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('acs-emulator is not built yet: run `npm run build` at the repository root.\n');
  process.exit(1);
}
await import(cli.href);
