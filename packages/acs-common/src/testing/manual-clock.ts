import type { Clock } from '../lib/clock.js';

interface PendingTimer {
  readonly at: number;
  readonly order: number;
  readonly callback: () => void;
}

/**
 * A clock that moves only when told to, for deterministic tests of everything time-related.
 * Pass it as the `clock` option; timers fire in due order as time advances.
 *
 * @example
 * ```ts
 * const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
 * const credential = new AzureCommunicationTokenCredential({ tokenRefresher, refreshProactively: true, clock });
 * await clock.advanceAsync(50 * 60_000); // the proactive refresh has run
 * credential.dispose();
 * clock.pendingTimers; // 0
 * ```
 */
export class ManualClock implements Clock {
  #now: number;
  #order = 0;
  #nextId = 1;
  readonly #timers = new Map<number, PendingTimer>();

  /** @param startInMs - the initial time, epoch milliseconds (default 0). */
  constructor(startInMs = 0) {
    this.#now = startInMs;
  }

  /** Current time, epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Schedules `callback` at now + `delayInMs` (negative delays count as 0). */
  setTimeout(callback: () => void, delayInMs: number): number {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, delayInMs), order: this.#order++, callback });
    return id;
  }

  /** Cancels a timer; unknown handles are ignored. */
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** How many timers are waiting to fire. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** The due time of the next timer, or `undefined`. */
  get nextTimerAt(): number | undefined {
    return this.#next()?.[1].at;
  }

  #next(): [number, PendingTimer] | undefined {
    let best: [number, PendingTimer] | undefined;
    for (const entry of this.#timers) {
      const [, timer] = entry;
      if (best === undefined || timer.at < best[1].at || (timer.at === best[1].at && timer.order < best[1].order)) {
        best = entry;
      }
    }
    return best;
  }

  /** Moves time forward by `durationInMs`, firing due timers synchronously, in order. */
  advance(durationInMs: number): void {
    const target = this.#now + durationInMs;
    for (let due = this.#next(); due !== undefined && due[1].at <= target; due = this.#next()) {
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
    }
    this.#now = Math.max(this.#now, target);
  }

  /**
   * Like `advance`, but lets promises settle after each timer and at the end, so refreshes
   * started by timers complete before the next timer fires.
   */
  async advanceAsync(durationInMs: number): Promise<void> {
    const target = this.#now + durationInMs;
    await settle();
    for (let due = this.#next(); due !== undefined && due[1].at <= target; due = this.#next()) {
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
      await settle();
    }
    this.#now = Math.max(this.#now, target);
    await settle();
  }

  /** Jumps the wall clock without firing timers, like a laptop waking from sleep. */
  jump(durationInMs: number): void {
    this.#now += durationInMs;
  }
}

/** Lets queued promise callbacks run (a bounded number of microtask turns). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
