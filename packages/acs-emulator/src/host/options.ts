import { resolve } from 'node:path';
import { crossOptionProblem, OPTIONS, type OptionName, optionProblem } from './options-schema.js';

/**
 * Options of `startEmulator`: the types, and their resolution (defaults, validation with a
 * `TypeError` naming the option) — both driven by the one schema in `options-schema.ts`.
 */

/**
 * How to start the emulator. Every option is optional; each is described in `options-schema.ts`
 * and in the README table generated from it.
 *
 * @example
 * ```ts
 * await startEmulator({ dataFile: '.acs-emulator/state.json', phoneNumbers: ['+14255550123'] });
 * ```
 */
export interface EmulatorOptions {
  /** Address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port; `0` (the default) picks a free one. */
  readonly port?: number;
  /** The HMAC access key, base64. Default: the one in `dataFile`, else random. */
  readonly accessKey?: string;
  /** Persist state to this file (snapshot) and `<file>.journal`. */
  readonly dataFile?: string;
  /** Serve plain HTTP instead of HTTPS. */
  readonly http?: boolean;
  /** PEM certificate to serve (with `keyFile`). */
  readonly certFile?: string;
  /** PEM private key of `certFile`. */
  readonly keyFile?: string;
  /** Lowest `expiresInMinutes` accepted (1–60, default 60 as the service). */
  readonly minTokenLifetimeInMinutes?: number;
  /** Phone numbers the resource owns. Default `['+18005550100']`. */
  readonly phoneNumbers?: readonly string[];
  /** Email domains the resource owns besides `<resource-id>.azurecomm.net`. */
  readonly emailDomains?: readonly string[];
  /** WhatsApp channel registration ids of Advanced Messages. Default none: every uuid is a channel. */
  readonly whatsappChannels?: readonly string[];
  /** Event Grid webhook subscriptions, as the CLI writes them (`URL[,schema=cloudevents][,types=A;B]`). */
  readonly eventSubscriptions?: readonly string[];
  /** Hosts besides loopback that may receive webhooks and callbacks. */
  readonly callbackHosts?: readonly string[];
  /** How long long-running operations stay running, ms. Default 0. */
  readonly operationDelayInMs?: number;
  /** Timeout of one delivery attempt, ms. Default 5000. */
  readonly deliveryTimeoutInMs?: number;
  /** Attempts per delivery. Default 5. */
  readonly deliveryMaxAttempts?: number;
  /** First retry delay of a delivery, ms (doubling). Default 1000. */
  readonly deliveryRetryDelayInMs?: number;
  /** Entries kept in the request log. Default 10 000. */
  readonly requestLogSize?: number;
  /** Largest request body on routes without their own limit. Default 65 536. */
  readonly bodyLimitInBytes?: number;
  /** How long a body may take to arrive, ms. Default 30 000. */
  readonly bodyTimeoutInMs?: number;
  /** The clock (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
  /** Where log lines go. Default: nowhere. */
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
  readonly phoneNumbers: readonly string[];
  readonly emailDomains: readonly string[];
  readonly whatsappChannels: readonly string[];
  readonly eventSubscriptions: readonly string[];
  readonly callbackHosts: readonly string[];
  readonly operationDelayInMs: number;
  readonly deliveryTimeoutInMs: number;
  readonly deliveryMaxAttempts: number;
  readonly deliveryRetryDelayInMs: number;
  readonly requestLogSize: number;
  readonly bodyLimitInBytes: number;
  readonly bodyTimeoutInMs: number;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

/** Every option is named in the schema (and nothing else is). */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaCoversOptions: Exact<keyof EmulatorOptions, OptionName> = true;
void _schemaCoversOptions;

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
  for (const name of Object.keys(options)) {
    if (!Object.hasOwn(OPTIONS, name)) {
      throw new TypeError(`options.${name} is not an emulator option (known: ${Object.keys(OPTIONS).join(', ')}).`);
    }
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const problem = optionProblem(name as OptionName, value);
    if (problem !== undefined) throw new TypeError(`options.${name} ${problem}.`);
  }
  const cross = crossOptionProblem(options, 'api');
  if (cross !== undefined) throw new TypeError(cross);
  const { certFile, keyFile, dataFile } = options;
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    accessKey: options.accessKey,
    dataFile: dataFile === undefined ? undefined : resolve(dataFile),
    tls: options.http
      ? { kind: 'none' }
      : certFile !== undefined && keyFile !== undefined
        ? { kind: 'files', certFile, keyFile }
        : { kind: 'self-signed' },
    minTokenLifetimeInMinutes: options.minTokenLifetimeInMinutes ?? 60,
    phoneNumbers:
      options.phoneNumbers === undefined || options.phoneNumbers.length === 0
        ? ['+18005550100']
        : [...options.phoneNumbers],
    emailDomains: [...(options.emailDomains ?? [])],
    whatsappChannels: [...(options.whatsappChannels ?? [])],
    eventSubscriptions: [...(options.eventSubscriptions ?? [])],
    callbackHosts: (options.callbackHosts ?? []).map((host) => host.toLowerCase()),
    operationDelayInMs: options.operationDelayInMs ?? 0,
    deliveryTimeoutInMs: options.deliveryTimeoutInMs ?? 5000,
    deliveryMaxAttempts: options.deliveryMaxAttempts ?? 5,
    deliveryRetryDelayInMs: options.deliveryRetryDelayInMs ?? 1000,
    requestLogSize: options.requestLogSize ?? 10_000,
    bodyLimitInBytes: options.bodyLimitInBytes ?? 64 * 1024,
    bodyTimeoutInMs: options.bodyTimeoutInMs ?? 30_000,
    now: options.now ?? Date.now,
    log: options.log ?? (() => {}),
  };
}
