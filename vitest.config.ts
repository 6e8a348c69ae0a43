import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start the real JMeter (a JVM each): keep the 2 cores from thrashing.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Every skipped test is printed with its reason; on CI a skipped test fails the run (test/reporters/skips.ts).
    reporters: ['default', './test/reporters/skips.ts'],
  },
});
