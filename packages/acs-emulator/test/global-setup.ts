import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { selfSignedCertificate } from '../src/host/certificate.js';

/**
 * vitest globalSetup: one self-signed certificate for every in-process test emulator, trusted by
 * the test workers. NODE_EXTRA_CA_CERTS is read when a Node process starts, and the workers are
 * forked after this runs, so setting it here makes the official clients (running inside the
 * tests) trust emulators started with `startTestEmulator`.
 */
export default async function setup(): Promise<void> {
  const directory = fileURLToPath(new URL('../../../.tmp/test-tls/', import.meta.url));
  await mkdir(directory, { recursive: true });
  const base = `${directory}emulator`;
  const tls = await selfSignedCertificate({ host: '127.0.0.1', dataPath: base, nowTimestamp: Date.now() });
  process.env.NODE_EXTRA_CA_CERTS = tls.caCertPath;
  process.env.ACS_EMULATOR_TEST_CERT = tls.caCertPath;
  process.env.ACS_EMULATOR_TEST_KEY = `${base}.key.pem`;
}
