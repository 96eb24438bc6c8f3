import { spawnSync } from 'node:child_process';
import { ROOT } from '../lib/child.mjs';
import { row } from '../lib/row.mjs';
import { median } from '../lib/stats.mjs';

const RUNS = 15;

// Each command is one fresh `node` process; the baselines load nothing.
const COMMANDS = {
  bareCjs: ['-e', '0'],
  bareEsm: ['--input-type=module', '-e', '0'],
  oursRequire: ['-e', "require('acs-common')"],
  officialRequire: ['-e', "require('@azure/communication-common')"],
  oursImport: ['--input-type=module', '-e', "import 'acs-common'"],
  officialImport: ['--input-type=module', '-e', "import '@azure/communication-common'"],
};

function wallTimeInMs(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed with ${result.status}`);
  return elapsed;
}

/**
 * (g) Cold `require` and `import` of the whole package in a fresh process, minus a bare process
 * (`node -e 0`, or its ESM twin for `import`). RUNS rounds, the commands interleaved in each round.
 */
export async function coldStart() {
  const names = Object.keys(COMMANDS);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) wallTimeInMs(COMMANDS[name]); // warm the disk cache
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(wallTimeInMs(COMMANDS[name]));
  }
  const m = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  const note = (bare) => `bare node ${bare.toFixed(1)} ms subtracted; ${RUNS} runs each`;
  return [
    row({
      id: 'g-require',
      name: 'cold require, over bare node',
      unit: 'ms',
      ours: m.oursRequire - m.bareCjs,
      official: m.officialRequire - m.bareCjs,
      goal: 4,
      note: note(m.bareCjs),
    }),
    row({
      id: 'g-import',
      name: 'cold import, over bare node',
      unit: 'ms',
      ours: m.oursImport - m.bareEsm,
      official: m.officialImport - m.bareEsm,
      goal: 4,
      note: note(m.bareEsm),
    }),
  ];
}
