// The smoke suite on a runtime with processes (Node, Deno, Bun): run it, print the report as one
// line, then leave a proactive credential undisposed. The matrix checks that the process then
// exits on its own (the refresh timer must not hold it open).
import { AzureCommunicationTokenCredential } from 'acs-common';
import { createTestToken } from 'acs-common/testing';
import config from './config.mjs';
import { runSmoke } from './smoke.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const report = await runSmoke(config, {
  runtime,
  signingOptions: {},
  async tryUsing(credential) {
    let module;
    try {
      module = await import('./using.mjs');
    } catch (error) {
      if (error instanceof SyntaxError) return 'unsupported: `using` is a SyntaxError here (feature-detected)';
      throw error;
    }
    module.disposeWithUsing(credential);
    return '`using` is native here';
  },
});
console.log(`ACS-SMOKE-REPORT ${JSON.stringify(report)}`);

const lifetimeInMs = 60 * 60_000;
new AzureCommunicationTokenCredential({
  token: createTestToken({ lifetimeInMs }),
  tokenRefresher: async () => createTestToken({ lifetimeInMs }),
  refreshProactively: true,
});
console.log('ACS-SMOKE-UNDISPOSED');
