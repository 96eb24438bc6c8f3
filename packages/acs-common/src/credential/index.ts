export type { Clock } from '../lib/clock.js';
export { AbortError, AcsError, type AcsErrorCode } from '../lib/errors.js';
export { getLogLevel, type LogLevel, type LogSink, setLogLevel, setLogSink } from '../lib/log.js';
