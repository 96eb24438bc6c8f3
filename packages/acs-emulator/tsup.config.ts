import { defineConfig } from 'tsup';

// ESM for Node ≥ 20. src/cli.ts starts with `#!/usr/bin/env node`, which esbuild keeps on
// dist/cli.js only (and tsup marks it executable). acs-common and selfsigned stay external.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  splitting: true,
  treeshake: true,
  clean: false,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  removeNodeProtocol: false, // keep `node:` specifiers as written
});
