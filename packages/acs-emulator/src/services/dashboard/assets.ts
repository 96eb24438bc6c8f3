import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The page's built files (dist/dashboard/, written by scripts/build-dashboard.mjs), found from
 * this module whether it runs from dist/ (the published package) or from src/ (the tests): the
 * nearest folder upwards whose package.json is acs-emulator's. Read once, kept in memory.
 */

/** The files the page is made of, with their content types. */
export const ASSET_TYPES: Readonly<Record<string, string>> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

/** A loaded asset. */
export interface Asset {
  readonly bytes: Buffer;
  readonly contentType: string;
}

let cache: Map<string, Asset> | undefined;

/**
 * The assets, or the reason they are missing (a source checkout that was never built).
 *
 * @example
 * ```ts
 * const assets = loadAssets();
 * if ('missing' in assets) console.log(assets.missing);
 * ```
 */
export function loadAssets(): ReadonlyMap<string, Asset> | { readonly missing: string } {
  if (cache !== undefined) return cache;
  const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
  if (root === undefined) return { missing: 'the acs-emulator package folder was not found' };
  const folder = join(root, 'dist', 'dashboard');
  const loaded = new Map<string, Asset>();
  for (const [name, contentType] of Object.entries(ASSET_TYPES)) {
    const file = join(folder, name);
    if (!existsSync(file)) return { missing: `${file} is missing: run \`npm run build\` (it bundles the page)` };
    loaded.set(name, { bytes: readFileSync(file), contentType });
  }
  cache = loaded;
  return loaded;
}

function packageRoot(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'acs-emulator') return folder;
      } catch {
        // not JSON: keep looking
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}
