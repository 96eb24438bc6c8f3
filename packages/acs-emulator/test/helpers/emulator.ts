import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/index.js';

/**
 * An in-process emulator over HTTPS whose certificate the test process already trusts (see
 * global-setup.ts), so the official clients can run inside the test. Close it in `afterAll`.
 *
 * @example
 * ```ts
 * const emulator = await startTestEmulator();
 * const identity = new CommunicationIdentityClient(emulator.connectionString);
 * ```
 */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const certFile = process.env.ACS_EMULATOR_TEST_CERT;
  const keyFile = process.env.ACS_EMULATOR_TEST_KEY;
  if (certFile === undefined || keyFile === undefined) {
    throw new Error('The test certificate is missing: run the tests through vitest (globalSetup makes it).');
  }
  return startEmulator({ certFile, keyFile, ...options });
}

/**
 * A `TokenCredential` (as @azure/core-auth defines it) that mints emulator Entra tokens for the
 * scopes a client asks for — what an app's `DefaultAzureCredential` does against real Entra.
 *
 * @example
 * ```ts
 * const sms = new SmsClient(emulator.endpoint, entraCredential(emulator));
 * ```
 */
export function entraCredential(
  emulator: RunningEmulator,
  identity: { objectId: string; tenantId: string } = { objectId: 'test-object', tenantId: 'test-tenant' },
) {
  return {
    async getToken(scopes: string | string[]) {
      const response = await fetch(`${emulator.endpoint}emulator/entra/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...identity, scopes: Array.isArray(scopes) ? scopes : [scopes] }),
      });
      if (!response.ok) throw new Error(`minting an Entra token failed: ${response.status} ${await response.text()}`);
      const { accessToken, expiresOnTimestamp } = (await response.json()) as {
        accessToken: string;
        expiresOnTimestamp: number;
      };
      return { token: accessToken, expiresOnTimestamp };
    },
  };
}
