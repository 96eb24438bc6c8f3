import { readEnvironment, writeLogLine } from '#platform';
import { redact } from './redact.js';

/** Log levels, most severe first, with the names `@azure/logger` and `AZURE_LOG_LEVEL` use. */
export type LogLevel = 'error' | 'warning' | 'info' | 'verbose';

/** Receives every log line at or above the current level. */
export type LogSink = (level: LogLevel, message: string) => void;

const SEVERITY: Record<LogLevel, number> = { error: 0, warning: 1, info: 2, verbose: 3 };

let level: LogLevel | undefined;
let levelFromEnvironmentRead = false;
let sink: LogSink | undefined;

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(SEVERITY, value);
}

/**
 * Sets the level (`undefined` turns logging off). Without a call, the level comes from the
 * `AZURE_LOG_LEVEL` environment variable, as with the official packages; logging is off when
 * it is unset.
 *
 * @example
 * ```ts
 * setLogLevel('warning');
 * ```
 */
export function setLogLevel(newLevel?: LogLevel): void {
  if (newLevel !== undefined && !isLogLevel(newLevel)) {
    throw new TypeError(
      `setLogLevel: unknown level ${JSON.stringify(newLevel)}; use one of error, warning, info, verbose.`,
    );
  }
  level = newLevel;
  levelFromEnvironmentRead = true;
}

/** The level in force, or `undefined` when logging is off. */
export function getLogLevel(): LogLevel | undefined {
  if (!levelFromEnvironmentRead) {
    levelFromEnvironmentRead = true;
    const fromEnvironment = readEnvironment('AZURE_LOG_LEVEL')?.trim().toLowerCase();
    level = isLogLevel(fromEnvironment) ? fromEnvironment : undefined;
  }
  return level;
}

/**
 * Sends log lines to `newSink` instead of stderr (Node) or the console (browsers); `undefined`
 * restores the default.
 *
 * @example
 * ```ts
 * setLogSink((level, message) => myLogger.log({ level, message, source: 'acs-common' }));
 * ```
 */
export function setLogSink(newSink?: LogSink): void {
  if (newSink !== undefined && typeof newSink !== 'function') {
    throw new TypeError('setLogSink: the sink must be a function (level, message) => void, or undefined.');
  }
  sink = newSink;
}

/**
 * Writes one line if `messageLevel` is enabled. `secrets` (tokens, keys the caller knows) are
 * removed by value, and anything shaped like a JWT in any case (lib/redact.ts).
 */
export function log(messageLevel: LogLevel, message: string, secrets?: readonly (string | undefined)[]): void {
  const current = getLogLevel();
  if (current === undefined || SEVERITY[messageLevel] > SEVERITY[current]) return;
  const safe = redact(message, secrets);
  try {
    if (sink !== undefined) sink(messageLevel, safe);
    else writeLogLine(messageLevel, `acs-common:${messageLevel} ${safe}`);
  } catch {
    // A failing sink must never break token acquisition.
  }
}
