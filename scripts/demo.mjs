// npm start: a local ACS (acs-emulator) and every credential form of acs-common against it.
//
// The emulator runs in this process over HTTPS with a self-signed certificate, as a developer
// would run it. The client side runs in a child process started with NODE_EXTRA_CA_CERTS, the way
// an application trusts the emulator, so the official ChatClient (which refuses plain http) can
// take part. Nothing here talks to Azure.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator } from 'acs-emulator';

const emulator = await startEmulator({ port: 0 });
console.log(`acs-emulator listening on ${emulator.endpoint} (certificate ${emulator.caCertPath})\n`);

const child = spawn(process.execPath, [fileURLToPath(new URL('./demo-timeline.mjs', import.meta.url))], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    ACS_EMULATOR_ENDPOINT: emulator.endpoint,
    ACS_EMULATOR_CONNECTION_STRING: emulator.connectionString,
  },
});
const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await emulator.close();
process.exitCode = code;
