/**
 * Each cross-cutting concern has one home (issue 8), checked on the sources:
 * - the declared `AcsErrorCode`s are exactly the codes thrown;
 * - one AccessToken guard, one redaction placeholder, one maximum back-off delay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const ERRORS = join(SRC, 'lib/errors.ts');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** `text` without comments, so a code or a name that is only mentioned does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const DECLARATION = /export type AcsErrorCode =([^;]*);/;

describe('errors', () => {
  it('every declared AcsErrorCode is thrown somewhere, and every code thrown is declared', () => {
    const errors = readFileSync(ERRORS, 'utf8');
    const union = DECLARATION.exec(errors)?.[1];
    expect(union, 'AcsErrorCode declaration').toBeDefined();
    const declared = new Set([...(union ?? '').matchAll(/'(ERR_[A-Z_]+)'/g)].map((m) => m[1]));
    const used = new Map<string, string[]>();
    for (const file of sources()) {
      const text = code(readFileSync(file, 'utf8').replace(DECLARATION, ''));
      for (const [, name] of text.matchAll(/['"`](ERR_[A-Z_]+)['"`]/g)) {
        used.set(name as string, [...(used.get(name as string) ?? []), relative(SRC, file)]);
      }
    }
    const neverThrown = [...declared].filter((name) => !used.has(name as string));
    const undeclared = [...used.keys()].filter((name) => !declared.has(name));
    expect(neverThrown, 'declared but never thrown').toEqual([]);
    expect(undeclared, 'thrown but not declared').toEqual([]);
    expect(declared.size).toBeGreaterThan(5);
  });
});

describe('one home', () => {
  const all = sources().map((file) => ({ file: relative(SRC, file), text: code(readFileSync(file, 'utf8')) }));
  const where = (pattern: RegExp) => all.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

  it('one AccessToken guard (lib/access-token.ts)', () => {
    expect(where(/function isAccessToken\b|function isTokenLike\b/)).toEqual(['lib/access-token.ts']);
  });

  it('one redaction placeholder (lib/redact.ts); no other spelling', () => {
    expect(where(/['"`]REDACTED['"`]/)).toEqual(['lib/redact.ts']);
    expect(where(/<redacted|\[REDACTED\]/i)).toEqual([]);
  });

  it('one maximum back-off delay and one back-off function (lib/back-off.ts)', () => {
    expect(where(/const RETRY_MAX_DELAY_IN_MS\b/)).toEqual(['lib/back-off.ts']);
    expect(where(/\*\*\s*Math\.min\(/)).toEqual(['lib/back-off.ts']);
  });

  it('one table of refresh windows (lib/refresh-windows.ts): no window literal elsewhere', () => {
    expect(where(/blockingInMs:\s*\d|backgroundInMs:\s*\d/)).toEqual(['lib/refresh-windows.ts']);
  });
});
