#!/usr/bin/env node
/**
 * The `acs-emulator` command: parse flags, start, print one JSON ready line on stdout, log to
 * stderr, stop cleanly on SIGINT/SIGTERM (pending writes flushed, exit code 0).
 */
import { parseCliArgs, USAGE } from './host/cli-args.js';
import { startEmulator } from './start-emulator.js';

const log = (message: string) => process.stderr.write(`[acs-emulator] ${message}\n`);

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`acs-emulator: ${parsed.message}\nRun 'acs-emulator --help' for usage.\n`);
    process.exitCode = 2;
    return;
  }

  const emulator = await startEmulator({ ...parsed.options, log });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`failed to stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    `${JSON.stringify({ endpoint: emulator.endpoint, connectionString: emulator.connectionString, caCertPath: emulator.caCertPath, dashboard: emulator.dashboard })}\n`,
  );
  if (emulator.caCertPath !== null) log(`trust the certificate with NODE_EXTRA_CA_CERTS=${emulator.caCertPath}`);
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
