import type { Clock } from '../lib/clock.js';

/** A short, secret-free description of a value's type for argument errors. */
export function describeType(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/** `AzureCommunicationTokenCredential: <name> must be <expected>; got <type>.` */
export function invalidOption(name: string, expected: string, value: unknown): TypeError {
  return new TypeError(`AzureCommunicationTokenCredential: ${name} must be ${expected}; got ${describeType(value)}.`);
}

/** Throws a TypeError unless `value` is undefined or a Clock. */
export function assertOptionalClock(value: unknown): asserts value is Clock | undefined {
  const clock = value as Partial<Record<keyof Clock, unknown>> | null | undefined;
  if (
    clock !== undefined &&
    (typeof clock?.now !== 'function' ||
      typeof clock.setTimeout !== 'function' ||
      typeof clock.clearTimeout !== 'function')
  ) {
    throw invalidOption('clock', 'a Clock { now, setTimeout, clearTimeout }', value);
  }
}
