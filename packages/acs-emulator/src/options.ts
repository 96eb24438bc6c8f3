import { resolve } from 'node:path';
import { MAX_TOKEN_LIFETIME_IN_MINUTES, MIN_TOKEN_LIFETIME_IN_MINUTES } from './validation.js';

/**
 * Options of `startEmulator`, validated up front with `TypeError`s that name the option.
 */

/**
 * How to start the emulator. Every option is optional.
 *
 * @example
 * ```ts
 * // Plain HTTP on a free port, state kept across restarts, 1-minute tokens allowed for a demo.
 * await startEmulator({ http: true, dataFile: '.acs-emulator/state.json', minTokenLifetimeInMinutes: 1 });
 * ```
 */
export interface EmulatorOptions {
  /** Address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; `0` (the default) picks a free one. */
  readonly port?: number;
  /**
   * The HMAC access key, base64. Default: the one stored in `dataFile`, else a random 64-byte key
   * (stored in `dataFile` when there is one).
   */
  readonly accessKey?: string;
  /** Persist state to this JSON file (atomic writes); also where a generated certificate is kept. */
  readonly dataFile?: string;
  /** Serve plain HTTP instead of HTTPS. Default `false`. */
  readonly http?: boolean;
  /** PEM certificate to serve (with `keyFile`) instead of a generated self-signed one. */
  readonly certFile?: string;
  /** PEM private key of `certFile`. */
  readonly keyFile?: string;
  /**
   * Lowest `expiresInMinutes` accepted (1–60, default 60 as the service). Lower it for demos of
   * token refresh with short-lived tokens.
   */
  readonly minTokenLifetimeInMinutes?: number;
  /** The clock (epoch ms) for token times and the HMAC date window. Default `Date.now`. */
  readonly now?: () => number;
  /** Largest request body, in bytes. Default 65 536. */
  readonly bodyLimitInBytes?: number;
  /** Where log lines go. Default: nowhere. The CLI passes a stderr writer. */
  readonly log?: (message: string) => void;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly host: string;
  readonly port: number;
  readonly accessKey: string | undefined;
  readonly dataFile: string | undefined;
  readonly tls:
    | { readonly kind: 'none' }
    | { readonly kind: 'self-signed' }
    | { readonly kind: 'files'; readonly certFile: string; readonly keyFile: string };
  readonly minTokenLifetimeInMinutes: number;
  readonly now: () => number;
  readonly bodyLimitInBytes: number;
  readonly log: (message: string) => void;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Whether a string is canonical, non-empty base64 (what an ACS access key is).
 *
 * @example
 * ```ts
 * isBase64Key('pw=='); // true
 * isBase64Key('not base64!'); // false
 * ```
 */
export function isBase64Key(value: string): boolean {
  return value.length > 0 && BASE64.test(value);
}

/**
 * Applies defaults and validates; throws a `TypeError` naming the bad option.
 *
 * @example
 * ```ts
 * resolveOptions({ port: 0, http: true });
 * ```
 */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object.');
  const { host = '127.0.0.1', port = 0, accessKey, dataFile, http = false, certFile, keyFile } = options;
  if (typeof host !== 'string' || host === '')
    throw new TypeError('options.host must be a non-empty host name or address.');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError('options.port must be an integer from 0 to 65535 (0 picks a free port).');
  }
  if (accessKey !== undefined && (typeof accessKey !== 'string' || !isBase64Key(accessKey))) {
    throw new TypeError(
      'options.accessKey must be a base64 string (for example the output of `openssl rand -base64 64`).',
    );
  }
  if (dataFile !== undefined && (typeof dataFile !== 'string' || dataFile === '')) {
    throw new TypeError('options.dataFile must be a file path.');
  }
  if (typeof http !== 'boolean') throw new TypeError('options.http must be a boolean.');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new TypeError('options.certFile and options.keyFile go together: give both or neither.');
  }
  if (http && certFile !== undefined) {
    throw new TypeError('options.http serves plain HTTP; it cannot be combined with options.certFile/keyFile.');
  }
  const min = options.minTokenLifetimeInMinutes ?? MIN_TOKEN_LIFETIME_IN_MINUTES;
  if (!Number.isInteger(min) || min < 1 || min > MIN_TOKEN_LIFETIME_IN_MINUTES) {
    throw new TypeError(
      `options.minTokenLifetimeInMinutes must be an integer from 1 to ${MIN_TOKEN_LIFETIME_IN_MINUTES} (tokens last at most ${MAX_TOKEN_LIFETIME_IN_MINUTES}).`,
    );
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError('options.now must be a function returning epoch milliseconds.');
  const bodyLimitInBytes = options.bodyLimitInBytes ?? 64 * 1024;
  if (!Number.isInteger(bodyLimitInBytes) || bodyLimitInBytes < 1024) {
    throw new TypeError('options.bodyLimitInBytes must be an integer of at least 1024.');
  }
  const log = options.log ?? (() => {});
  if (typeof log !== 'function') throw new TypeError('options.log must be a function.');
  return {
    host,
    port,
    accessKey,
    dataFile: dataFile === undefined ? undefined : resolve(dataFile),
    tls: http
      ? { kind: 'none' }
      : certFile !== undefined && keyFile !== undefined
        ? { kind: 'files', certFile, keyFile }
        : { kind: 'self-signed' },
    minTokenLifetimeInMinutes: min,
    now,
    bodyLimitInBytes,
    log,
  };
}
