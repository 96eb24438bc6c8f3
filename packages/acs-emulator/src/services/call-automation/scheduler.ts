import type { HostView } from '../../host/service.js';
import { advance } from './advance.js';
import type { CallRecord } from './model.js';
import { CALLS, commit, envOf, WAKEUPS } from './store.js';

/**
 * The simulation's clock in the background: every `tickInMs` it reads the committed wake-up times
 * (one small collection, only calls with something pending), and when a call is due it applies
 * the due steps in a host transaction, which commits them like a request and hands their
 * callbacks to the outbound queue. Wake-up times are stored, so a restarted emulator carries on
 * (steps that fell due while it was down are applied at once). A slow or failing callback server
 * never delays this loop: deliveries run on their own.
 */

const OWNER = 'call-automation';

/**
 * Starts the loop; returns its stop function (which waits for a step in progress).
 *
 * @example
 * ```ts
 * start(host) { return startScheduler(host); }
 * ```
 */
export function startScheduler(host: HostView, tickInMs = 10): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running !== undefined || stopped) return;
    const now = host.now();
    const due: string[] = [];
    for (const [id, dueAt] of host.store.read(WAKEUPS)) if ((dueAt as number) <= now) due.push(id);
    if (due.length === 0) return;
    running = host
      .transaction(OWNER, (ctx) => {
        const calls = ctx.state.collection<CallRecord>(CALLS);
        for (const id of due) {
          const call = calls.get(id);
          if (call === undefined) {
            ctx.state.collection<number>(WAKEUPS).delete(id);
            continue;
          }
          try {
            commit(ctx, advance(call, envOf(ctx)));
          } catch (error) {
            // A step that throws is a defect; drop the call's wake-up so one bad call cannot stall the others.
            ctx.state.collection<number>(WAKEUPS).delete(id);
            host.log(`call-automation: a simulation step of call ${id} failed: ${String(error)}`);
          }
        }
      })
      .catch((error: unknown) => host.log(`call-automation: a simulation step failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
      });
  };

  const timer = setInterval(tick, tickInMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
