import type { ResourceIdentity } from './journal.js';
import type { Change } from './store.js';

/**
 * The `--data` file's format and its migrations. A file whose `format` is unknown is never
 * overwritten: the emulator refuses to start and says why.
 *
 * - `acs-emulator/1` (0.1): one JSON document `{format, resourceId, accessKey, signingSecret,
 *   revision, identities:[{id, createdAt, minRevision}]}` rewritten whole on every change.
 * - `acs-emulator/2`: a snapshot `{format, sequence, resource:{resourceId, accessKey,
 *   signingSecret}, collections:{name:[[key, value], …]}}` plus the journal `FILE.journal`.
 */

/** The current format marker. */
export const STATE_FORMAT = 'acs-emulator/2';

/** A loaded snapshot, in the current format. */
export interface LoadedSnapshot {
  readonly resource: ResourceIdentity;
  readonly sequence: number;
  readonly changes: readonly Change[];
  /** The format it was migrated from, if it was. */
  readonly migratedFrom: string | undefined;
}

/**
 * Parses a data file of any known format into the current one, or throws an `Error` saying what
 * is wrong with it (never containing the file's secrets).
 *
 * @example
 * ```ts
 * const snapshot = migrateToCurrent(await readFile(path, 'utf8'), path);
 * ```
 */
export function migrateToCurrent(text: string, path: string): LoadedSnapshot {
  const problem = (what: string) => new Error(`${path} is not a usable acs-emulator data file: ${what}.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw problem('it is not valid JSON');
  }
  if (!isObject(json)) throw problem('it is not a JSON object');
  if (json.format === 'acs-emulator/1') return fromVersion1(json, problem);
  if (json.format !== STATE_FORMAT) {
    throw problem(`"format" is ${JSON.stringify(json.format)}, not "${STATE_FORMAT}" (or the older "acs-emulator/1")`);
  }
  const { sequence, resource, collections } = json;
  if (!Number.isSafeInteger(sequence) || (sequence as number) < 0) throw problem('"sequence" must be an integer');
  if (!isObject(collections)) throw problem('"collections" must be an object');
  const changes: Change[] = [];
  for (const [name, entries] of Object.entries(collections)) {
    if (!Array.isArray(entries)) throw problem(`collection "${name}" must be an array of [key, value]`);
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
        throw problem(`collection "${name}" has a malformed entry`);
      }
      changes.push([name, entry[0], entry[1]]);
    }
  }
  return { resource: checkResource(resource, problem), sequence: sequence as number, changes, migratedFrom: undefined };
}

function fromVersion1(json: Record<string, unknown>, problem: (what: string) => Error): LoadedSnapshot {
  const { resourceId, accessKey, signingSecret, revision, identities } = json;
  const resource = checkResource({ resourceId, accessKey, signingSecret }, problem);
  if (!Number.isSafeInteger(revision) || (revision as number) < 0) throw problem('"revision" must be an integer');
  if (!Array.isArray(identities)) throw problem('"identities" must be an array');
  const changes: Change[] = [['identity.meta', 'revision', revision]];
  identities.forEach((entry: unknown, index) => {
    if (
      !isObject(entry) ||
      typeof entry.id !== 'string' ||
      typeof entry.createdAt !== 'string' ||
      Number.isNaN(Date.parse(entry.createdAt)) ||
      !Number.isSafeInteger(entry.minRevision)
    ) {
      throw problem(`identity #${index} is malformed`);
    }
    changes.push([
      'identity.identities',
      entry.id,
      { id: entry.id, createdAtTimestamp: Date.parse(entry.createdAt), minRevision: entry.minRevision },
    ]);
  });
  return { resource, sequence: 0, changes, migratedFrom: 'acs-emulator/1' };
}

function checkResource(value: unknown, problem: (what: string) => Error): ResourceIdentity {
  if (!isObject(value)) throw problem('"resource" is missing');
  const { resourceId, accessKey, signingSecret } = value;
  if (typeof resourceId !== 'string' || resourceId === '') throw problem('"resourceId" is missing');
  if (accessKey !== null && typeof accessKey !== 'string') throw problem('"accessKey" must be a string or null');
  if (typeof signingSecret !== 'string' || Buffer.from(signingSecret, 'base64').length < 32) {
    throw problem('"signingSecret" must be 32 bytes of base64');
  }
  return { resourceId, accessKey, signingSecret };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
