// Runs the esbuild bundle of suite/worker-main.mjs in workerd through miniflare (toolchain
// package; needs Node ≥ 22, so this runs under the toolchain's newest Node) and prints the
// Worker's report as `ACS-SMOKE-REPORT {json}`. Usage: drive-workerd.mjs BUNDLE TOOLCHAIN_MODULES
import { dirname, join } from 'node:path';

const [bundle, toolchainModules] = process.argv.slice(2);
const { Miniflare } = await import(join(toolchainModules, 'miniflare/dist/src/index.js'));
const { version } = (await import(join(toolchainModules, 'workerd/package.json'), { with: { type: 'json' } })).default;
const miniflare = new Miniflare({
  modules: true,
  scriptPath: bundle,
  // Module names are relative to this root (the default, the working directory, may be above it).
  modulesRoot: dirname(bundle),
  compatibilityDate: '2026-07-01',
});
try {
  const response = await miniflare.dispatchFetch('http://localhost/');
  console.log(`ACS-RUNTIME-VERSION workerd ${version}`);
  console.log(`ACS-SMOKE-REPORT ${await response.text()}`);
} finally {
  await miniflare.dispose();
}
