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

// The CommonJS entry points, where there is require (Node, Deno and Bun all have node:module).
const cjs = { name: 'every entry point also loads through require (CommonJS build)', ok: true };
try {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const esm = { 'acs-common': await import('acs-common'), 'acs-common/testing': await import('acs-common/testing') };
  for (const specifier of [
    'acs-common',
    'acs-common/credential',
    'acs-common/entra',
    'acs-common/identifiers',
    'acs-common/signing',
    'acs-common/testing',
  ]) {
    const module = require(specifier);
    const names = Object.keys(module).filter((name) => name !== 'default' && name !== '__esModule');
    if (names.length === 0) throw new Error(`${specifier}: no exports`);
    const same = esm[specifier];
    if (same && Object.keys(same).sort().join() !== names.sort().join()) {
      throw new Error(`${specifier}: CommonJS exports differ from ESM's`);
    }
  }
  const { createIdentifierFromRawId, getIdentifierRawId } = require('acs-common/identifiers');
  if (getIdentifierRawId(createIdentifierFromRawId('8:acs:x')) !== '8:acs:x') throw new Error('raw id round trip');
} catch (error) {
  cjs.ok = false;
  cjs.detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
report.checks.push(cjs);
console.log(`ACS-SMOKE-REPORT ${JSON.stringify(report)}`);

const lifetimeInMs = 60 * 60_000;
new AzureCommunicationTokenCredential({
  token: createTestToken({ lifetimeInMs }),
  tokenRefresher: async () => createTestToken({ lifetimeInMs }),
  refreshProactively: true,
});
console.log('ACS-SMOKE-UNDISPOSED');
