import { defineConfig } from 'vitest/config';

/**
 * The real-gateway tier (`npm run test:gateway`): starts ContextForge from PyPI on loopback and runs every
 * plan against it, one run after another. Kept out of `npx vitest run` (vitest.config.ts excludes it).
 */
export default defineConfig({
  test: {
    include: ['test/gateway/**/*.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // A fresh machine installs the gateway first (pip): minutes, not seconds.
    hookTimeout: 900_000,
    testTimeout: 300_000,
  },
});
