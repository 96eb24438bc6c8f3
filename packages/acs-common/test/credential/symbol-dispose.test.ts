/**
 * Where `Symbol.dispose` does not exist (WebKit today, Hermes, QuickJS), the credential must not
 * get a method named "undefined"; it falls back to `Symbol.for('Symbol.dispose')`, as TypeScript's
 * own downlevel `using` helpers do (issue 8, defect 9). Node always has `Symbol.dispose` (and it
 * cannot be deleted), so the built CommonJS files run in a fresh `vm` realm, which lacks it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Loads a built CommonJS entry and its chunks into a fresh realm (the browser platform file for #platform). */
function loadInFreshRealm(entry: string): { exports: Record<string, unknown>; realm: vm.Context } {
  const realm = vm.createContext({});
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(file, module);
    const code = readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (exports, require, module) {${code}\n})`, realm, { filename: file });
    const require = (specifier: string) =>
      load(specifier === '#platform' ? join(DIST, 'platform/browser.cjs') : join(dirname(file), specifier));
    wrapper(module.exports, require, module);
    return module.exports;
  };
  return { exports: load(join(DIST, entry)), realm };
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'credential.cjs'))) throw new Error('acs-common is not built: run `npm run build`.');
});

describe('without Symbol.dispose', () => {
  it.each(['credential.cjs', 'entra.cjs', 'index.cjs'])(
    '%s: no method named "undefined"; Symbol.for("Symbol.dispose") disposes',
    async (entry) => {
      const { exports, realm } = loadInFreshRealm(entry);
      expect(vm.runInContext('typeof Symbol.dispose', realm)).toBe('undefined');
      const Credential = exports.AzureCommunicationTokenCredential as new (
        token: string,
      ) => {
        getToken(): Promise<unknown>;
      };
      const credential = new Credential('opaque-token');
      const names = Object.getOwnPropertyNames(Object.getPrototypeOf(Credential.prototype)).concat(
        Object.getOwnPropertyNames(Credential.prototype),
      );
      expect(names).not.toContain('undefined');
      const dispose = (credential as unknown as Record<symbol, unknown>)[Symbol.for('Symbol.dispose')];
      expect(typeof dispose).toBe('function');
      (dispose as () => void).call(credential);
      await expect(credential.getToken()).rejects.toThrow('User credential is disposed');
    },
  );
});
