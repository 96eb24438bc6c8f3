import { atomicWriteFile } from './atomic-write.js';

/**
 * Serialised, coalescing persistence. A request mutates the in-memory state, then awaits
 * `commit()`, which resolves once a snapshot taken *after* that mutation is durable on disk. One
 * write runs at a time; commits that arrive during a write share the next one, so a burst of
 * mutations costs two writes, not one per request.
 *
 * @example
 * ```ts
 * const writer = new SnapshotWriter('/tmp/state.json', () => serializeState(state));
 * store.create(id, Date.now());
 * await writer.commit(); // now it is safe to answer 201
 * ```
 */
export class SnapshotWriter {
  readonly #path: string;
  readonly #snapshot: () => string;
  #next: { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } | undefined;
  #running: Promise<void> | undefined;

  constructor(path: string, snapshot: () => string) {
    this.#path = path;
    this.#snapshot = snapshot;
  }

  /** Resolves when everything mutated before this call is on disk. */
  commit(): Promise<void> {
    let next = this.#next;
    if (next === undefined) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      next = { promise, resolve, reject };
      this.#next = next;
    }
    this.#running ??= this.#drain(); // takes `next` at once when idle, else after the running write
    return next.promise;
  }

  /** Resolves when no write is running or queued. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#next !== undefined) {
      const batch = this.#next;
      this.#next = undefined;
      try {
        await atomicWriteFile(this.#path, this.#snapshot());
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
    this.#running = undefined;
  }
}
