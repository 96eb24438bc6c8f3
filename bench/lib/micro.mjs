import { Bench } from 'tinybench';

/**
 * Times `ours` and `official` side by side in one tinybench run. Each side is `(count) => void` or
 * `async (count) => void` doing `count` operations; a sample is the mean time of one operation in a
 * batch of `batch`, so sub-microsecond work is not drowned by the timer. Returns the median of the
 * samples for each side, in nanoseconds per operation.
 */
export async function compareMicro({ ours, official }, { batch, async = false, timeInMs = 800 }) {
  const bench = new Bench({ time: timeInMs, warmupTime: 200, iterations: 16, warmupIterations: 4, throws: true });
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
  bench.add('ours', task(ours), { async });
  bench.add('official', task(official), { async });
  await bench.run();
  const medianNs = (name) => {
    const result = bench.getTask(name)?.result;
    if (result?.state !== 'completed') throw new Error(`benchmark task ${name} did not complete: ${result?.state}`);
    return result.latency.p50 * 1e6;
  };
  return { ours: medianNs('ours'), official: medianNs('official') };
}
