import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/acs-common/src/${path}`, import.meta.url));

// Tests run against the sources: `acs-common` and its entry points resolve to src/, and
// `#platform` to the Node file. Packaging tests exercise the built package in child processes.

export default defineConfig({
  resolve: {
    alias: [
      { find: '#platform', replacement: src('platform/node.ts') },
      { find: /^acs-common$/, replacement: src('index.ts') },
      { find: /^acs-common\/(credential|identifiers|signing|entra|testing)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/acs-emulator/test/global-setup.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
