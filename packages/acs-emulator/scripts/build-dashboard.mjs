// The dashboard page's build step (run by `npm run build` after tsup): bundles
// src/services/dashboard/page/main.tsx (Preact, TSX) for the browser with esbuild into
// dist/dashboard/dashboard.js and copies the stylesheet beside it. The emulator serves these two
// files itself (no CDN at run time); the page's HTML is written by the dashboard service.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const page = `${root}src/services/dashboard/page/`;
const out = `${root}dist/dashboard/`;

await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [`${page}main.tsx`],
  outfile: `${out}dashboard.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  tsconfig: `${page}tsconfig.json`,
  metafile: true,
  logLevel: 'warning',
});
await copyFile(`${page}styles.css`, `${out}dashboard.css`);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dashboard page: dist/dashboard/dashboard.js (${bytes.toLocaleString('en-US')} bytes) and dashboard.css`);
