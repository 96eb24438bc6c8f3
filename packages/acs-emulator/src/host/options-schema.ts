import { isBase64 } from 'acs-protocol';
import { parseSubscriptionOption } from './subscription-option.js';

/**
 * The one definition of every emulator option: its programmatic name, its CLI flag, its kind,
 * default, description and validation. `resolveOptions` (startEmulator), `parseCliArgs` (the
 * CLI), `--help` and the README tables are all derived from this list.
 */

/** How an option's value is written. */
export type OptionKind = 'string' | 'integer' | 'boolean' | 'strings' | 'function';

/** One option. */
export interface OptionSpec {
  readonly kind: OptionKind;
  /** CLI flag (`--port`); absent for programmatic-only options (functions). */
  readonly flag?: string;
  /** The CLI placeholder (`N`, `FILE`). */
  readonly valueName?: string;
  /** The default, for people (README, --help). */
  readonly defaultText: string;
  /** The CLI default when it differs (the port). */
  readonly cliDefaultText?: string;
  readonly description: string;
  /** A problem with a present value (`must be an integer from 0 to 65535`), or undefined. */
  readonly check?: (value: never) => string | undefined;
  /** Integer bounds (for `integer`). */
  readonly min?: number;
  readonly max?: number;
}

/** The service's shortest token lifetime, the default lower bound of `expiresInMinutes`. */
export const MIN_TOKEN_LIFETIME_IN_MINUTES = 60;
/** The longest lifetime the service issues. */
export const MAX_TOKEN_LIFETIME_IN_MINUTES = 1440;
/** The CLI's default port (the programmatic default is 0, a free port). */
export const DEFAULT_CLI_PORT = 10100;

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Every option. The order is the order of `--help` and of the README tables.
 *
 * @example
 * ```ts
 * OPTIONS.port.flag; // '--port'
 * ```
 */
export const OPTIONS = {
  host: {
    kind: 'string',
    flag: '--host',
    valueName: 'HOST',
    defaultText: '`127.0.0.1`',
    description: 'address to listen on; a wildcard (`0.0.0.0`, `::`) is advertised as loopback in `endpoint`',
    check: (value: string) => (value === '' ? 'must be a non-empty host name or address' : undefined),
  },
  port: {
    kind: 'integer',
    flag: '--port',
    valueName: 'N',
    defaultText: '`0` (a free port)',
    cliDefaultText: `\`${DEFAULT_CLI_PORT}\``,
    description: 'port; `0` picks a free one (read it from the ready line)',
    min: 0,
    max: 65_535,
  },
  accessKey: {
    kind: 'string',
    flag: '--access-key',
    valueName: 'BASE64',
    defaultText: 'stored in the data file, else random 64 bytes',
    description: 'the HMAC key of the connection string',
    check: (value: string) =>
      isBase64(value) ? undefined : 'must be base64 (for example the output of `openssl rand -base64 64`)',
  },
  dataFile: {
    kind: 'string',
    flag: '--data',
    valueName: 'FILE',
    defaultText: 'none (state in memory)',
    description:
      'keep state in `FILE` (snapshot) and `FILE.journal` across restarts; a generated certificate is kept beside it (`FILE.cert.pem`, `FILE.key.pem`)',
    check: (value: string) => (value === '' ? 'needs a file path' : undefined),
  },
  http: {
    kind: 'boolean',
    flag: '--http',
    defaultText: 'off',
    description: 'serve plain HTTP instead of HTTPS (the official clients refuse it; acs-common allows it on loopback)',
  },
  certFile: {
    kind: 'string',
    flag: '--cert',
    valueName: 'FILE',
    defaultText: 'generated',
    description: 'serve this PEM certificate (with `--key`); `caCertPath` is then this file',
  },
  keyFile: {
    kind: 'string',
    flag: '--key',
    valueName: 'FILE',
    defaultText: 'generated',
    description: 'the PEM private key of `--cert`',
  },
  minTokenLifetimeInMinutes: {
    kind: 'integer',
    flag: '--min-token-lifetime',
    valueName: 'MIN',
    defaultText: `\`${MIN_TOKEN_LIFETIME_IN_MINUTES}\``,
    description: `lowest accepted \`expiresInMinutes\` (1–${MIN_TOKEN_LIFETIME_IN_MINUTES}), for demos with short-lived tokens`,
    min: 1,
    max: MIN_TOKEN_LIFETIME_IN_MINUTES,
  },
  phoneNumbers: {
    kind: 'strings',
    flag: '--phone-number',
    valueName: 'E164',
    defaultText: '`+18005550100`',
    description:
      'a phone number the resource owns (repeatable): valid SMS senders, listed by Phone Numbers; giving any replaces the default',
    check: (value: string[]) =>
      value.every((number) => E164.test(number))
        ? undefined
        : 'must be E.164 numbers such as +18005550100 (a plus sign and 7 to 15 digits)',
  },
  emailDomains: {
    kind: 'strings',
    flag: '--email-domain',
    valueName: 'DOMAIN',
    defaultText: '`<resource-id>.azurecomm.net`',
    description:
      'an email domain the resource owns (repeatable): senders must be addresses of one; the Azure-managed default domain is always owned',
    check: (value: string[]) =>
      value.every((domain) =>
        /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(domain),
      )
        ? undefined
        : 'must be domain names such as contoso.com',
  },
  whatsappChannels: {
    kind: 'strings',
    flag: '--whatsapp-channel',
    valueName: 'UUID',
    defaultText: 'none (any channel registration id is accepted)',
    description:
      'a WhatsApp channel registration id connected to the resource (repeatable): Advanced Messages refuses others; without any, every uuid is a connected channel',
    check: (value: string[]) =>
      value.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
        ? undefined
        : 'must be channel registration ids (uuids)',
  },
  eventSubscriptions: {
    kind: 'strings',
    flag: '--event-subscription',
    valueName: 'URL[,schema=eventgrid|cloudevents][,types=A;B]',
    defaultText: 'none',
    description:
      'deliver the resource’s Event Grid events to this webhook (repeatable); `schema` picks the envelope, `types` filters by event type',
    check: (value: string[]) => {
      for (const entry of value) {
        try {
          parseSubscriptionOption(entry);
        } catch (error) {
          return (error as Error).message.replace(/^--event-subscription: /, '');
        }
      }
      return undefined;
    },
  },
  callbackHosts: {
    kind: 'strings',
    flag: '--callback-host',
    valueName: 'HOST',
    defaultText: 'none (loopback only)',
    description:
      'a host name besides loopback that may receive webhooks and Call Automation callbacks (repeatable); nothing else leaves the machine',
  },
  operationDelayInMs: {
    kind: 'integer',
    flag: '--operation-delay',
    valueName: 'MS',
    defaultText: '`0`',
    description: 'how long long-running operations (email send, number search and purchase) stay running',
    min: 0,
    max: 3_600_000,
  },
  deliveryTimeoutInMs: {
    kind: 'integer',
    flag: '--delivery-timeout',
    valueName: 'MS',
    defaultText: '`5000`',
    description: 'how long a webhook or callback receiver may take to answer before the attempt counts as failed',
    min: 100,
    max: 300_000,
  },
  deliveryMaxAttempts: {
    kind: 'integer',
    flag: '--delivery-attempts',
    valueName: 'N',
    defaultText: '`5`',
    description: 'attempts per webhook or callback delivery before it is dead-lettered',
    min: 1,
    max: 100,
  },
  deliveryRetryDelayInMs: {
    kind: 'integer',
    flag: '--delivery-retry-delay',
    valueName: 'MS',
    defaultText: '`1000`',
    description: 'delay before the first retry of a delivery; it doubles per attempt, up to 60 s',
    min: 1,
    max: 60_000,
  },
  requestLogSize: {
    kind: 'integer',
    flag: '--request-log-size',
    valueName: 'N',
    defaultText: '`10000`',
    description: 'requests kept in the in-memory request log (the dashboard reads it)',
    min: 10,
    max: 1_000_000,
  },
  bodyLimitInBytes: {
    kind: 'integer',
    flag: '--body-limit',
    valueName: 'BYTES',
    defaultText: '`65536`',
    description: 'largest request body on routes without their own limit (email send allows more); larger ones get 413',
    min: 1024,
    max: 256 * 1024 * 1024,
  },
  bodyTimeoutInMs: {
    kind: 'integer',
    flag: '--body-timeout',
    valueName: 'MS',
    defaultText: '`30000`',
    description: 'how long a request body may take to arrive; after that the answer is 408',
    min: 100,
    max: 600_000,
  },
  now: {
    kind: 'function',
    defaultText: '`Date.now`',
    description:
      'the clock (epoch ms) for token `iat`/`exp`, expiry checks, the HMAC ±15 min window and every timestamp — shift it to test expiry without waiting (clients sign with the real clock, so keep shifts within 15 minutes while they call HMAC routes)',
  },
  log: {
    kind: 'function',
    defaultText: 'silent',
    description: '`(message) => void` for log lines (the CLI writes them to stderr)',
  },
} as const satisfies Record<string, OptionSpec>;

/** The option names. */
export type OptionName = keyof typeof OPTIONS;

/** A problem with a value of an option, or undefined. */
export function optionProblem(name: OptionName, value: unknown): string | undefined {
  const spec: OptionSpec = OPTIONS[name];
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return 'must be true or false';
      break;
    case 'function':
      if (typeof value !== 'function') return 'must be a function';
      break;
    case 'strings':
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
        return 'must be an array of strings';
      }
      break;
    case 'integer': {
      const { min = 0, max = Number.MAX_SAFE_INTEGER } = spec;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
        return `must be an integer from ${min} to ${max}`;
      }
      break;
    }
  }
  return spec.check === undefined ? undefined : (spec.check as (value: unknown) => string | undefined)(value);
}

/**
 * Rules between options, with the message for each audience.
 *
 * @example
 * ```ts
 * crossOptionProblem({ certFile: 'c.pem' }, 'cli'); // '--cert and --key go together.'
 * ```
 */
export function crossOptionProblem(
  options: { readonly certFile?: unknown; readonly keyFile?: unknown; readonly http?: unknown },
  audience: 'cli' | 'api',
): string | undefined {
  if ((options.certFile === undefined) !== (options.keyFile === undefined)) {
    return audience === 'cli'
      ? '--cert and --key go together.'
      : 'options.certFile and options.keyFile go together: give both or neither.';
  }
  if (options.http === true && options.certFile !== undefined) {
    return audience === 'cli'
      ? '--http cannot be combined with --cert/--key.'
      : 'options.http serves plain HTTP; it cannot be combined with options.certFile/keyFile.';
  }
  return undefined;
}

/**
 * The README table of the CLI flags or of the `startEmulator` options (Markdown).
 *
 * @example
 * ```ts
 * optionsTable('cli'); // '| flag | default | meaning |\n| --- | --- | --- |\n| `--host HOST` | …'
 * ```
 */
export function optionsTable(audience: 'cli' | 'api'): string {
  const rows: string[] =
    audience === 'cli'
      ? ['| flag | default | meaning |', '| --- | --- | --- |']
      : ['| option | default | meaning |', '| --- | --- | --- |'];
  for (const [name, spec] of Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>) {
    if (audience === 'cli') {
      if (spec.flag === undefined) continue;
      const flag = spec.valueName === undefined ? spec.flag : `${spec.flag} ${spec.valueName}`;
      rows.push(`| \`${flag}\` | ${spec.cliDefaultText ?? spec.defaultText} | ${spec.description} |`);
    } else {
      const as = spec.flag === undefined ? '' : ` (CLI \`${spec.flag}\`)`;
      rows.push(`| \`${name}\` | ${spec.defaultText} | ${spec.description}${as} |`);
    }
  }
  if (audience === 'cli') rows.push('| `-h`, `--help` | | usage |');
  return rows.join('\n');
}
