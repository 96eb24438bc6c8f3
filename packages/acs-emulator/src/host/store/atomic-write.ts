import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Crash-safe file replacement: write a temporary file in the same directory, fsync it, rename it
 * over the target (atomic on POSIX file systems), then fsync the directory so the rename itself
 * is durable. A crash at any point leaves either the old file or the new one, never a mix.
 */

const TEMP_SUFFIX = '.tmp';
let sequence = 0;

/**
 * Atomically replaces `path` with `data` (mode 0600: the file may hold development secrets).
 *
 * @example
 * ```ts
 * await atomicWriteFile('/tmp/emulator.json', '{"format":"acs-emulator/1"}');
 * ```
 */
export async function atomicWriteFile(path: string, data: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${++sequence}${TEMP_SUFFIX}`;
  try {
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Deletes temporary files an earlier, killed process left beside `path`.
 *
 * @example
 * ```ts
 * await removeStaleTemporaries('/tmp/emulator.json');
 * ```
 */
export async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter(
        (name) =>
          name.startsWith(prefix) &&
          name.endsWith(TEMP_SUFFIX) &&
          /^\d+\.\d+$/.test(name.slice(prefix.length, -TEMP_SUFFIX.length)),
      )
      .map((name) => unlink(join(dirname(path), name)).catch(() => {})),
  );
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
    if (!isUnsupported(error)) throw error;
  } finally {
    await handle?.close();
  }
}

function isUnsupported(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'ENOTSUP' || code === 'EBADF';
}
