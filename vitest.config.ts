import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-gateway tier has its own config: npm run test:gateway (vitest.gateway.config.ts).
    exclude: [...configDefaults.exclude, 'test/gateway/**'],
    // Integration tests start the real JMeter (a JVM each): keep the 2 cores from thrashing.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every skipped test is printed with its reason; on CI a skipped test fails the run (test/reporters/skips.ts).
    reporters: ['default', './test/reporters/skips.ts'],
  },
});
