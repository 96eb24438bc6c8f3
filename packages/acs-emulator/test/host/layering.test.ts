import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The host is what services plug into: nothing under src/host/ may import a service, or adding or
// removing a service would reach into the host.

const SOURCE = fileURLToPath(new URL('../../src/', import.meta.url));

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('layering', () => {
  it('no host file imports a service', () => {
    const offenders = filesUnder(join(SOURCE, 'host')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
      return imports
        .filter((specifier): specifier is string => specifier?.includes('services/') === true)
        .map((specifier) => `${relative(SOURCE, file)} → ${specifier}`);
    });
    expect(offenders).toEqual([]);
  });
});
