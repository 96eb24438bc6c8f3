import { type IdentityRecord, IdentityStore } from './store.js';

/**
 * The `--data` file: one JSON document holding everything the emulator needs to come back as it
 * was (resource id, keys, identities, revision counter). It holds the emulator's own development
 * secrets, so it is written with mode 0600.
 */

/** The format marker; a file without it is never overwritten. */
export const STATE_FORMAT = 'acs-emulator/1';

/** The emulator state that survives restarts. */
export interface EmulatorState {
  readonly resourceId: string;
  /** The generated access key; `null` when the key always comes from `--access-key`. */
  readonly accessKey: string | null;
  /** base64 of the 32-byte secret the token-signing keys derive from. */
  readonly signingSecret: string;
  readonly store: IdentityStore;
}

/**
 * Serialises the state.
 *
 * @example
 * ```ts
 * await writeFile(path, serializeState(state));
 * ```
 */
export function serializeState(state: EmulatorState): string {
  const identities = [];
  for (const record of state.store.records()) {
    identities.push({
      id: record.id,
      createdAt: new Date(record.createdAtTimestamp).toISOString(),
      minRevision: record.minRevision,
    });
  }
  return `${JSON.stringify({
    format: STATE_FORMAT,
    resourceId: state.resourceId,
    accessKey: state.accessKey,
    signingSecret: state.signingSecret,
    revision: state.store.revision,
    identities,
  })}\n`;
}

/**
 * Parses a data file, or throws an `Error` saying what is wrong with it (it never contains the
 * file's secrets).
 *
 * @example
 * ```ts
 * const state = parseState(await readFile(path, 'utf8'), path);
 * ```
 */
export function parseState(text: string, path: string): EmulatorState {
  const problem = (what: string) => new Error(`${path} is not a usable acs-emulator data file: ${what}.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw problem('it is not valid JSON');
  }
  if (!isObject(json) || json.format !== STATE_FORMAT) throw problem(`"format" is not "${STATE_FORMAT}"`);
  const { resourceId, accessKey, signingSecret, revision, identities } = json;
  if (typeof resourceId !== 'string' || resourceId === '') throw problem('"resourceId" is missing');
  if (accessKey !== null && typeof accessKey !== 'string') throw problem('"accessKey" must be a string or null');
  if (typeof signingSecret !== 'string' || Buffer.from(signingSecret, 'base64').length < 32) {
    throw problem('"signingSecret" must be 32 bytes of base64');
  }
  if (!Number.isSafeInteger(revision) || (revision as number) < 0) throw problem('"revision" must be an integer');
  if (!Array.isArray(identities)) throw problem('"identities" must be an array');
  const records: IdentityRecord[] = identities.map((entry: unknown, index) => {
    if (
      !isObject(entry) ||
      typeof entry.id !== 'string' ||
      typeof entry.createdAt !== 'string' ||
      Number.isNaN(Date.parse(entry.createdAt)) ||
      !Number.isSafeInteger(entry.minRevision)
    ) {
      throw problem(`identity #${index} is malformed`);
    }
    return { id: entry.id, createdAtTimestamp: Date.parse(entry.createdAt), minRevision: entry.minRevision as number };
  });
  return {
    resourceId,
    accessKey,
    signingSecret,
    store: new IdentityStore({ revision: revision as number, identities: records }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
