// `npm run bench`: acs-common against @azure/communication-common@2.5.0, side by side in one run,
// on the BUILT package (run `npm run build` first; the npm script does). Prints a table of medians
// with the ratio 2.5.0 ÷ ours (higher = acs-common is better) and the goal of each row, and writes
// bench/results.json. Benchmarks are not tests: a missed goal is reported, not an exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { bundleSizes } from './cases/bundle-size.mjs';
import { cachedGetToken } from './cases/cached-get-token.mjs';
import { coldStart } from './cases/cold-start.mjs';
import { entraCachedGetToken } from './cases/entra-cached.mjs';
import { hmacPolicy } from './cases/hmac-policy.mjs';
import { memoryPerCredential } from './cases/memory.mjs';
import { rawIdRoundTrip } from './cases/raw-id.mjs';
import { refreshStampede } from './cases/refresh-stampede.mjs';
import { serializerRoundTrip } from './cases/serializer.mjs';
import { ROOT } from './lib/child.mjs';
import { formatRatio, formatValue, markdownTable } from './lib/format.mjs';

const CASES = [
  cachedGetToken,
  refreshStampede,
  rawIdRoundTrip,
  serializerRoundTrip,
  hmacPolicy,
  entraCachedGetToken,
  coldStart,
  bundleSizes,
  memoryPerCredential,
];

if (!existsSync(new URL('packages/acs-common/dist/index.js', `file://${ROOT}`))) {
  console.error('acs-common is not built: run `npm run build` first (or `npm run bench`, which builds).');
  process.exit(1);
}

const version = (name) => JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')).version;
const machine = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryInGiB: Math.round(totalmem() / 2 ** 30),
  acsCommon: version('acs-common'),
  official: version('@azure/communication-common'),
};
console.log(
  `acs-common ${machine.acsCommon} vs @azure/communication-common ${machine.official} — ${machine.date}\n` +
    `node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryInGiB} GiB\n`,
);

const started = performance.now();
const rows = [];
for (const run of CASES) {
  const caseStart = performance.now();
  const caseRows = await run();
  for (const row of caseRows) {
    const verdict = row.pass === null ? '' : row.pass ? '  pass' : '  MISS';
    console.log(
      `  (${row.id}) ${row.name}: ours ${formatValue(row.ours, row.unit)}, 2.5.0 ${formatValue(row.official, row.unit)}, ` +
        `${formatRatio(row.ratio)}${row.goalText ? ` (goal ${row.goalText})` : ''}${verdict}`,
    );
  }
  console.log(`    [${run.name}: ${((performance.now() - caseStart) / 1000).toFixed(1)} s]`);
  rows.push(...caseRows);
}
const durationInS = (performance.now() - started) / 1000;

console.log(`\n${markdownTable(rows)}\n`);
const withGoal = rows.filter((row) => row.pass !== null);
const missed = withGoal.filter((row) => !row.pass);
console.log(`${withGoal.length - missed.length} of ${withGoal.length} goals met in ${durationInS.toFixed(0)} s.`);
for (const row of missed)
  console.log(`  missed: (${row.id}) ${row.name}: ${formatRatio(row.ratio)}, goal ${row.goalText}`);

const notes = rows.filter((row) => row.note).map((row) => `  (${row.id}) ${row.note}`);
if (notes.length > 0) console.log(`notes:\n${notes.join('\n')}`);

writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ command: 'npm run bench', machine, durationInS: Math.round(durationInS), rows }, null, 2)}\n`,
);
console.log('written: bench/results.json');
