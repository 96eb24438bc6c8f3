import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const platformNode = fileURLToPath(new URL('./packages/acs-common/src/platform/node.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '#platform': platformNode } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
