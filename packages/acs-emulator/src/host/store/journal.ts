import { copyFile, type FileHandle, open, readFile } from 'node:fs/promises';
import { atomicWriteFile } from './atomic-write.js';
import { migrateToCurrent, STATE_FORMAT } from './format.js';
import type { Change, Durability, Store } from './store.js';

/**
 * Durable state for `--data FILE`: a snapshot (`FILE`, JSON, replaced atomically) plus an
 * append-only journal (`FILE.journal`, one JSON line per committed transaction, fsynced before
 * the reply). A write costs one appended line and one `fdatasync`, whatever the size of the
 * state; commits that arrive during a sync share the next one (group commit). When the journal
 * outgrows the snapshot (and 1 MiB), a new snapshot is written and the journal emptied, so the
 * compaction's O(state) cost is spread over at least as many bytes of writes: amortised O(1).
 *
 * Crash safety: a line is acknowledged only after its sync; a torn last line (a crash in the
 * middle of an append) fails to parse and is dropped on load, and the file is cut back to the
 * last whole line. Lines carry a sequence number; the snapshot records the last one it contains,
 * so a crash between writing a snapshot and emptying the journal replays nothing twice.
 */

/** What the resource is, kept in the snapshot. */
export interface ResourceIdentity {
  readonly resourceId: string;
  /** The generated access key; `null` when the key always comes from `--access-key`. */
  readonly accessKey: string | null;
  /** base64 of the 32-byte secret the token-signing keys derive from. */
  readonly signingSecret: string;
}

const COMPACT_MIN_BYTES = 1024 * 1024;

interface QueuedLine {
  readonly sequence: number;
  readonly text: string;
}

/**
 * The journal of one data file.
 *
 * @example
 * ```ts
 * const { journal, resource } = await Journal.open('/tmp/state.json', store, () => freshResource());
 * store.attach(journal);
 * ```
 */
export class Journal implements Durability {
  readonly #path: string;
  readonly #store: Store;
  readonly #resource: ResourceIdentity;
  #file: FileHandle;
  #sequence: number;
  #journalBytes: number;
  #snapshotBytes: number;
  #queue: QueuedLine[] = [];
  #waiters: Array<{ sequence: number; resolve: () => void; reject: (error: unknown) => void }> = [];
  #running: Promise<void> | undefined;
  #failure: unknown;

  private constructor(
    path: string,
    store: Store,
    resource: ResourceIdentity,
    file: FileHandle,
    state: { sequence: number; journalBytes: number; snapshotBytes: number },
  ) {
    this.#path = path;
    this.#store = store;
    this.#resource = resource;
    this.#file = file;
    this.#sequence = state.sequence;
    this.#journalBytes = state.journalBytes;
    this.#snapshotBytes = state.snapshotBytes;
  }

  /**
   * Loads `path` (snapshot, then journal) into `store`, migrating an older format, and opens the
   * journal for appending. A missing file starts fresh with `fresh()`'s identity (written at once).
   */
  static async open(
    path: string,
    store: Store,
    fresh: () => ResourceIdentity,
  ): Promise<{ journal: Journal; resource: ResourceIdentity }> {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
    let resource: ResourceIdentity;
    let sequence = 0;
    let needsSnapshot = false;
    if (text === undefined) {
      resource = fresh();
      needsSnapshot = true;
    } else {
      const loaded = migrateToCurrent(text, path);
      if (loaded.migratedFrom !== undefined) {
        await copyFile(path, `${path}.${loaded.migratedFrom.replace('/', '-')}.bak`);
        needsSnapshot = true;
      }
      resource = loaded.resource;
      sequence = loaded.sequence;
      for (const change of loaded.changes) store.load(change);
    }
    const journalPath = `${path}.journal`;
    let journalText = '';
    try {
      journalText = await readFile(journalPath, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
    const { lastSequence, validBytes } = replay(journalText, sequence, store);
    const file = await open(journalPath, 'a+', 0o600);
    if (validBytes < Buffer.byteLength(journalText)) {
      await file.truncate(validBytes); // a torn last line from a crash: cut it off
      await file.sync();
    }
    const journal = new Journal(path, store, resource, file, {
      sequence: lastSequence,
      journalBytes: validBytes,
      snapshotBytes: text === undefined ? 0 : Buffer.byteLength(text),
    });
    if (needsSnapshot) await journal.#compact();
    return { journal, resource };
  }

  /** Appends one transaction's changes; resolves when they are durable. */
  append(changes: readonly Change[]): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const sequence = ++this.#sequence;
    this.#queue.push({ sequence, text: `${JSON.stringify({ seq: sequence, changes })}\n` });
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ sequence, resolve, reject }));
    this.#running ??= this.#drain();
    return done;
  }

  /** Resolves when nothing is queued or being written. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  /** Waits for pending writes, then closes the journal file. */
  async close(): Promise<void> {
    await this.idle();
    await this.#file.close();
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      const last = (batch[batch.length - 1] as QueuedLine).sequence;
      try {
        const bytes = batch.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0);
        if (this.#journalBytes + bytes > Math.max(COMPACT_MIN_BYTES, this.#snapshotBytes)) {
          await this.#compact(); // the snapshot holds everything applied, this batch included
        } else {
          await this.#file.write(batch.map((line) => line.text).join(''));
          await this.#file.datasync();
          this.#journalBytes += bytes;
        }
        this.#settle(last, undefined);
      } catch (error) {
        // A failed write (disk full, …): nothing after it can be trusted to be durable.
        this.#failure = error;
        this.#settle(Number.POSITIVE_INFINITY, error);
      }
    }
    this.#running = undefined;
  }

  #settle(upTo: number, error: unknown): void {
    const remaining = [];
    for (const waiter of this.#waiters) {
      if (waiter.sequence > upTo) remaining.push(waiter);
      else if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
    this.#waiters = remaining;
  }

  /** Writes a snapshot of everything applied so far, then empties the journal. */
  async #compact(): Promise<void> {
    const text = snapshotText(this.#store, this.#resource, this.#sequence);
    await atomicWriteFile(this.#path, text);
    await this.#file.truncate(0);
    await this.#file.sync();
    this.#snapshotBytes = Buffer.byteLength(text);
    this.#journalBytes = 0;
  }
}

/** Replays journal text after `afterSequence`; returns the last sequence and the bytes of whole valid lines. */
function replay(text: string, afterSequence: number, store: Store): { lastSequence: number; validBytes: number } {
  let lastSequence = afterSequence;
  let validBytes = 0;
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) break; // torn
    const line = text.slice(start, newline);
    let entry: { seq?: unknown; changes?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      break;
    }
    if (typeof entry.seq !== 'number' || !Array.isArray(entry.changes)) break;
    if (entry.seq > lastSequence) {
      for (const change of entry.changes as Change[]) store.load(change);
      lastSequence = entry.seq;
    }
    validBytes += Buffer.byteLength(line) + 1;
    start = newline + 1;
  }
  return { lastSequence, validBytes };
}

/** The snapshot document of the current format. */
function snapshotText(store: Store, resource: ResourceIdentity, sequence: number): string {
  const collections: Record<string, Array<[string, unknown]>> = {};
  for (const name of store.names()) {
    const entries = [...store.read(name)];
    if (entries.length > 0) collections[name] = entries;
  }
  return `${JSON.stringify({ format: STATE_FORMAT, sequence, resource, collections })}\n`;
}
