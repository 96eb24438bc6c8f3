import { fileURLToPath } from 'node:url';
import { runNodeJson } from '../lib/child.mjs';
import { row } from '../lib/row.mjs';
import { median } from '../lib/stats.mjs';

const CHILD = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
const RUNS = 3;

/** (i) Heap bytes per proactive credential (10,000 of them, after GC), each side in its own child process. */
export async function memoryPerCredential() {
  const samples = { ours: [], official: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const side of ['ours', 'official']) {
      const { bytesPerCredential } = await runNodeJson(['--expose-gc', CHILD, side]);
      samples[side].push(bytesPerCredential);
    }
  }
  return [
    row({
      id: 'i',
      name: 'heap per proactive credential',
      unit: 'bytes',
      ours: median(samples.ours),
      official: median(samples.official),
      goal: 1,
      goalText: 'no larger',
      note: `10,000 credentials, heap growth after GC, median of ${RUNS} child processes per side`,
    }),
  ];
}
