import { type EmulatorOptions, isBase64Key } from './options.js';
import { MIN_TOKEN_LIFETIME_IN_MINUTES } from './validation.js';

/**
 * Command-line parsing as a pure function: arguments in, options or a usage error out.
 */

/** The CLI's default port (the programmatic default is 0, a free port). */
export const DEFAULT_CLI_PORT = 10100;

/** Usage text for `--help`. */
export const USAGE = `Usage: acs-emulator [options]

A local Azure Communication Services stand-in: identities, access tokens, HMAC, Entra exchange.

Options:
  --host HOST                  address to listen on (default 127.0.0.1)
  --port N                     port to listen on; 0 picks a free one (default ${DEFAULT_CLI_PORT})
  --access-key BASE64          HMAC access key (default: the one stored in --data, else random)
  --data FILE                  keep state in FILE across restarts (atomic writes); a generated
                               certificate is kept beside it (FILE.cert.pem, FILE.key.pem)
  --cert FILE --key FILE       serve HTTPS with this PEM certificate and key
  --http                       serve plain HTTP (for clients that allow http on loopback)
  --min-token-lifetime MIN     lowest accepted expiresInMinutes, 1-60 (default 60, as the service)
  -h, --help                   show this help

When ready, one JSON line goes to stdout:
  {"endpoint":"https://127.0.0.1:PORT/","connectionString":"endpoint=...;accesskey=...","caCertPath":"..."}
Trust the certificate with NODE_EXTRA_CA_CERTS=<caCertPath>. Logs go to stderr.`;

/** Parse outcome. */
export type CliParse =
  | { readonly kind: 'run'; readonly options: EmulatorOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const VALUE_FLAGS = new Set(['--host', '--port', '--access-key', '--data', '--cert', '--key', '--min-token-lifetime']);

/**
 * Parses `acs-emulator` arguments (`--flag value` or `--flag=value`).
 *
 * @example
 * ```ts
 * parseCliArgs(['--http', '--port', '0']); // { kind: 'run', options: { http: true, port: 0, host: '127.0.0.1' } }
 * parseCliArgs(['--port', 'x']); // { kind: 'error', message: '--port must be an integer from 0 to 65535.' }
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const values = new Map<string, string>();
  let http = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '-h' || argument === '--help') return { kind: 'help' };
    if (argument === '--http') {
      http = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    if (!VALUE_FLAGS.has(flag)) {
      return {
        kind: 'error',
        message: argument.startsWith('-') ? `unknown option ${flag}` : `unexpected argument '${argument}'`,
      };
    }
    let value: string | undefined;
    if (flag !== argument) value = argument.slice(equals + 1);
    else {
      value = argv[index + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        return { kind: 'error', message: `${flag} needs a value` };
      index++;
    }
    if (values.has(flag)) return { kind: 'error', message: `${flag} is given more than once` };
    values.set(flag, value);
  }

  const port = values.has('--port') ? parseInteger(values.get('--port') as string) : DEFAULT_CLI_PORT;
  if (port === undefined || port > 65_535)
    return { kind: 'error', message: '--port must be an integer from 0 to 65535.' };
  const host = values.get('--host') ?? '127.0.0.1';
  if (host === '') return { kind: 'error', message: '--host must not be empty.' };
  const accessKey = values.get('--access-key');
  if (accessKey !== undefined && !isBase64Key(accessKey)) {
    return { kind: 'error', message: '--access-key must be base64 (for example: openssl rand -base64 64).' };
  }
  const data = values.get('--data');
  if (data === '') return { kind: 'error', message: '--data needs a file path.' };
  const cert = values.get('--cert');
  const key = values.get('--key');
  if ((cert === undefined) !== (key === undefined)) return { kind: 'error', message: '--cert and --key go together.' };
  if (http && cert !== undefined) return { kind: 'error', message: '--http cannot be combined with --cert/--key.' };
  let minTokenLifetimeInMinutes: number | undefined;
  if (values.has('--min-token-lifetime')) {
    minTokenLifetimeInMinutes = parseInteger(values.get('--min-token-lifetime') as string);
    if (
      minTokenLifetimeInMinutes === undefined ||
      minTokenLifetimeInMinutes < 1 ||
      minTokenLifetimeInMinutes > MIN_TOKEN_LIFETIME_IN_MINUTES
    ) {
      return {
        kind: 'error',
        message: `--min-token-lifetime must be an integer from 1 to ${MIN_TOKEN_LIFETIME_IN_MINUTES}.`,
      };
    }
  }

  const options: {
    -readonly [K in keyof EmulatorOptions]: EmulatorOptions[K];
  } = { host, port };
  if (http) options.http = true;
  if (accessKey !== undefined) options.accessKey = accessKey;
  if (data !== undefined) options.dataFile = data;
  if (cert !== undefined && key !== undefined) {
    options.certFile = cert;
    options.keyFile = key;
  }
  if (minTokenLifetimeInMinutes !== undefined) options.minTokenLifetimeInMinutes = minTokenLifetimeInMinutes;
  return { kind: 'run', options };
}

function parseInteger(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}
