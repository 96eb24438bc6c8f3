import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bytes of a minified browser bundle of `source` (an ES module that imports from the built
 * `acs-common` package), raw and after gzip -9. The package must be built first (`npm test` does).
 */
export async function browserBundleSize(source: string): Promise<{ minified: number; gzip: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // Resolve as a user's bundler would: no tsconfig `paths` of this repository (they point
    // `#platform` at src/), so the package's own `imports` map picks dist/platform/browser.js.
    tsconfigRaw: {},
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
