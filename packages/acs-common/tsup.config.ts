import { defineConfig } from 'tsup';

// One build: ESM (.js) and CJS (.cjs) with declarations for both, shared chunks so that a class
// has one identity across entry points. `#platform` stays external: the package.json `imports`
// map picks the Node or the browser file by condition, never by sniffing at run time.
// `acs-protocol` (the unpublished workspace package of wire-protocol facts shared with the
// emulator) is bundled into the JavaScript and the declarations: the published package never
// imports it.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    credential: 'src/credential/index.ts',
    identifiers: 'src/identifiers/index.ts',
    signing: 'src/signing/index.ts',
    entra: 'src/entra/index.ts',
    testing: 'src/testing/index.ts',
    'platform/node': 'src/platform/node.ts',
    'platform/browser': 'src/platform/browser.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  clean: false, // several builds may run side by side in development; CI starts from a clean clone
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  external: ['#platform'],
  noExternal: ['acs-protocol'],
  outDir: 'dist',
});
