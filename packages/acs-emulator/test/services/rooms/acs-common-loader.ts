import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

/**
 * Runs the official clients of this test process on acs-common: `@azure/communication-common`
 * resolves to acs-common's built package for ES modules (a `module.register` resolve hook) and
 * for CommonJS `require` (identity 1.3.1 is CommonJS), exactly what the npm `overrides` of
 * examples/drop-in do. Import the clients dynamically after calling it.
 */

/** A redirect: which module asked for `@azure/communication-common`, and what it got. */
export interface Redirect {
  readonly from: string;
  readonly to: string;
}

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

let redirects: Redirect[] | undefined;
let waiters: Array<{ match: (redirect: Redirect) => boolean; resolve: () => void }> = [];

function record(redirect: Redirect): void {
  redirects?.push(redirect);
  waiters = waiters.filter((waiter) => {
    if (!waiter.match(redirect)) return true;
    waiter.resolve();
    return false;
  });
}

/**
 * Installs the redirection (once per process).
 *
 * @example
 * ```ts
 * onAcsCommon();
 * const { RoomsClient } = await import('@azure/communication-rooms');
 * ```
 */
export function onAcsCommon(): void {
  if (redirects !== undefined) return;
  redirects = [];
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (message: { parentURL?: string; url: string }) =>
    record({ from: message.parentURL ?? '', to: message.url }),
  );
  port1.unref();
  register(new URL('./acs-common-resolve.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request !== '@azure/communication-common') return original.call(this, request, ...rest);
    const resolved = original.call(this, 'acs-common', ...rest);
    const parent = rest[0] as { filename?: string } | undefined;
    record({ from: parent?.filename ?? '', to: resolved });
    return resolved;
  };
}

/**
 * Resolves once a module whose path contains `fragment` has been handed acs-common (waits for
 * the event, no timer: the test's own timeout bounds it).
 *
 * @example
 * ```ts
 * await redirected('@azure/communication-rooms'); // the client got acs-common
 * ```
 */
export function redirected(fragment: string): Promise<Redirect> {
  const match = (redirect: Redirect) => redirect.from.includes(fragment);
  const found = redirects?.find(match);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise((resolve) => {
    waiters.push({ match, resolve: () => resolve(redirects?.find(match) as Redirect) });
  });
}
