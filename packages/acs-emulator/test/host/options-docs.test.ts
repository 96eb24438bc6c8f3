import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/host/cli-args.js';
import { OPTIONS, optionsTable } from '../../src/host/options-schema.js';

// The README's option tables are generated from the one options schema. Run with
// UPDATE_README=1 to rewrite them after changing an option.

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- options:${name}:start -->`;
  const end = `<!-- options:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

describe('the options schema drives the docs', () => {
  it('the README tables match the schema', async () => {
    const text = await readFile(README, 'utf8');
    const expected = replaceBlock(replaceBlock(text, 'cli', optionsTable('cli')), 'api', optionsTable('api'));
    if (process.env.UPDATE_README === '1' && expected !== text) await writeFile(README, expected);
    else expect(text).toBe(expected);
  });

  it('--help names every flag', () => {
    for (const spec of Object.values(OPTIONS)) if ('flag' in spec) expect(USAGE).toContain(spec.flag);
  });
});
