import type { EmulatorOptions } from './options.js';
import {
  crossOptionProblem,
  DEFAULT_CLI_PORT,
  OPTIONS,
  type OptionName,
  type OptionSpec,
  optionProblem,
} from './options-schema.js';

/**
 * Command-line parsing as a pure function: arguments in, options or a usage error out. Flags,
 * their kinds and checks come from the options schema.
 */

export { DEFAULT_CLI_PORT };

const FLAGS = new Map<string, { name: OptionName; spec: OptionSpec }>(
  (Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>).flatMap(([name, spec]) =>
    spec.flag === undefined ? [] : [[spec.flag, { name, spec }] as const],
  ),
);

/** Usage text for `--help`. */
export const USAGE = `Usage: acs-emulator [options]

A local Azure Communication Services resource for development and CI: identities and tokens,
chat, SMS, email, advanced messages, rooms, phone numbers, call automation and Event Grid
events, with the official clients unmodified; a dashboard at /emulator/.

Options:
${[...FLAGS.entries()]
  .map(([flag, { spec }]) => {
    const left = `  ${spec.valueName === undefined ? flag : `${flag} ${spec.valueName}`}`;
    const repeat = spec.kind === 'strings' ? ' (repeatable)' : '';
    const text = `${plain(spec.description)}${repeat}; default ${plain(spec.cliDefaultText ?? spec.defaultText)}`;
    return left.length < 30 ? `${left.padEnd(30)} ${text}` : `${left}\n${' '.repeat(31)}${text}`;
  })
  .join('\n')}
  -h, --help                     show this help

When ready, one JSON line goes to stdout:
  {"endpoint":"https://127.0.0.1:PORT/","connectionString":"endpoint=...;accesskey=...","caCertPath":"...","dashboard":"https://127.0.0.1:PORT/emulator/"}
Trust the certificate with NODE_EXTRA_CA_CERTS=<caCertPath>. Logs go to stderr.`;

function plain(markdown: string): string {
  return markdown.replaceAll('`', '');
}

/** Parse outcome. */
export type CliParse =
  | { readonly kind: 'run'; readonly options: EmulatorOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Parses `acs-emulator` arguments (`--flag value` or `--flag=value`; list options repeat).
 *
 * @example
 * ```ts
 * parseCliArgs(['--http', '--port', '0']); // { kind: 'run', options: { http: true, port: 0 } }
 * parseCliArgs(['--port', 'x']); // { kind: 'error', message: '--port must be an integer from 0 to 65535.' }
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: Record<string, unknown> = { port: DEFAULT_CLI_PORT };
  const given = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '-h' || argument === '--help') return { kind: 'help' };
    const equals = argument.indexOf('=');
    const flag = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const entry = FLAGS.get(flag);
    if (entry === undefined) {
      return {
        kind: 'error',
        message: argument.startsWith('-') ? `unknown option ${flag}` : `unexpected argument '${argument}'`,
      };
    }
    const { name, spec } = entry;
    if (given.has(flag) && spec.kind !== 'strings')
      return { kind: 'error', message: `${flag} is given more than once` };
    given.add(flag);
    if (spec.kind === 'boolean') {
      if (flag !== argument) return { kind: 'error', message: `${flag} takes no value` };
      options[name] = true;
      continue;
    }
    let text: string | undefined;
    if (flag !== argument) text = argument.slice(equals + 1);
    else {
      text = argv[index + 1];
      if (text === undefined || (text.startsWith('--') && text.length > 2)) {
        return { kind: 'error', message: `${flag} needs a value` };
      }
      index++;
    }
    let value: unknown = text;
    if (spec.kind === 'integer') value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (spec.kind === 'strings') value = [...((options[name] as string[] | undefined) ?? []), text];
    const problem = optionProblem(name, value);
    if (problem !== undefined) return { kind: 'error', message: `${flag} ${problem}.` };
    options[name] = value;
  }
  const cross = crossOptionProblem(options, 'cli');
  if (cross !== undefined) return { kind: 'error', message: cross };
  return { kind: 'run', options: options as EmulatorOptions };
}
