import type { ManualClock } from '../../src/testing/index.js';
import { createTestToken } from '../../src/testing/index.js';

export const MINUTE = 60_000;

/** A JWT that expires `minutes` after the clock's current time. */
export function tokenValidFor(clock: ManualClock, minutes: number): string {
  return createTestToken({ nowInMs: clock.now(), lifetimeInMs: minutes * MINUTE });
}

/** The upstream JS helper: header, standard-base64 payload `{"exp": …}`, fixed signature. */
export function upstreamToken(expInSeconds: number): string {
  const payload = Buffer.from(JSON.stringify({ exp: expInSeconds })).toString('base64');
  return `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.adM-ddBZZlQ1WlN3pdPBOF5G4Wh9iZpxNP_fSvpF4cWs`;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}
