import { Bench } from 'tinybench';
import { median } from './stats.mjs';

const ROUNDS = 3;

/**
 * Times `ours` and `official` side by side with tinybench. Each side is `(count) => void` or
 * `async (count) => void` doing `count` operations; a sample is the mean time of one operation in a
 * batch of `batch`, so sub-microsecond work is not drowned by the timer. The two sides run in
 * ROUNDS short rounds, in alternating order, so a burst of load on the machine does not land on one
 * side only. Returns, for each side, the median of the rounds' medians, in nanoseconds per operation.
 */
export async function compareMicro({ ours, official }, { batch, async = false, timeInMs = 300 }) {
  const task = (side) =>
    async
      ? async () => {
          const start = performance.now();
          await side(batch);
          const elapsed = performance.now() - start;
          return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
        }
      : () => {
          const start = performance.now();
          side(batch);
          const elapsed = performance.now() - start;
          return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
        };
  const rounds = { ours: [], official: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: timeInMs, warmupTime: 100, iterations: 8, warmupIterations: 4, throws: true });
    const order = round % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
    for (const name of order) bench.add(name, task(name === 'ours' ? ours : official), { async });
    await bench.run();
    for (const name of order) {
      const result = bench.getTask(name)?.result;
      if (result?.state !== 'completed') throw new Error(`benchmark task ${name} did not complete: ${result?.state}`);
      rounds[name].push(result.latency.p50 * 1e6);
    }
  }
  return { ours: median(rounds.ours), official: median(rounds.official) };
}
