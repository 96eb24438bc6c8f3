import type { Clock } from '../lib/clock.js';

/** A short, secret-free description of a value's type for argument errors. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

/** Throws a TypeError unless `value` is undefined or a function. */
export function assertOptionalFunction(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`AzureCommunicationTokenCredential: ${name} must be a function; got ${describeType(value)}.`);
  }
}

/** Throws a TypeError unless `value` is undefined or a Clock. */
export function assertOptionalClock(value: unknown): asserts value is Clock | undefined {
  if (value === undefined) return;
  const clock = value as Partial<Record<keyof Clock, unknown>> | null;
  if (
    typeof clock !== 'object' ||
    clock === null ||
    typeof clock.now !== 'function' ||
    typeof clock.setTimeout !== 'function' ||
    typeof clock.clearTimeout !== 'function'
  ) {
    throw new TypeError(
      'AzureCommunicationTokenCredential: clock must be an object with now(), setTimeout(callback, delayInMs) and clearTimeout(handle); omit it to use the system clock.',
    );
  }
}
